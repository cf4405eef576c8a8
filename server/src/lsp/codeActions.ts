// Findings' fixes as quick fixes, and the fix-all source action. Edits are versioned when the
// client supports it, so an editor that moved on rejects them instead of corrupting the text.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../../../shared/settings';
import type { Finding, Fix } from '../engine/types';
import { findingToDiagnostic, sameDiagnostic, toLspEdits } from './convert';

export function workspaceEdit(doc: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * Quick fixes for the findings under `range`: each finding's one fix (preferred: it is the
 * clearly-right one) and then its suggestions. `clientDiagnostics` are the ones the editor sent;
 * an action is tied to its own diagnostic when the editor knows it.
 */
export function quickFixes(doc: TextDocument, findings: readonly Finding[], range: Range, clientDiagnostics: readonly Diagnostic[], versioned: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const f of findings) {
    if (!f.fix && !f.suggestions?.length) continue;
    const diagnostic = findingToDiagnostic(doc, f);
    if (!intersects(diagnostic.range, range)) continue;
    const sent = clientDiagnostics.find((d) => sameDiagnostic(d, diagnostic));
    const action = (fix: Fix, preferred: boolean): CodeAction => {
      const a: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [sent ?? diagnostic],
        edit: workspaceEdit(doc, toLspEdits(doc, fix.edits), versioned),
      };
      if (preferred) a.isPreferred = true;
      return a;
    };
    if (f.fix) actions.push(action(f.fix, true));
    for (const s of f.suggestions ?? []) actions.push(action(s, false));
  }
  return actions;
}

export function fixAllAction(doc: TextDocument, edits: TextEdit[], applied: number, versioned: boolean): CodeAction {
  return {
    title: `Fix all auto-fixable AWS Patterns problems (${applied})`,
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(doc, edits, versioned),
  };
}

/** Whether the request's `only` filter lets this kind through (`source` admits `source.fixAll.x`). */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}
