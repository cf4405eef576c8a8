// Engine results → LSP shapes. Offsets become positions through the document itself, so the
// ranges are exact for whatever line endings the document uses.
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblem } from '../engine/config';
import type { DiagnosticTag as EngineTag, FileNotice, Finding, Severity, TextEdit } from '../engine/types';
import { ruleDocsUrl } from '../rules/docsUrl';

export const SOURCE = 'aws-patterns';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAGS: Record<EngineTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

/** Just enough of a document to turn offsets into positions. */
export type Positions = Pick<TextDocument, 'positionAt'>;

export function toRange(doc: Positions, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function findingToDiagnostic(doc: Positions, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.start, f.end),
    severity: SEVERITIES[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: codeDescriptionOf(f.ruleId),
    message: f.message,
  };
  if (f.tags?.length) d.tags = f.tags.map((t) => TAGS[t]);
  return d;
}

/**
 * One per rule, shared by its diagnostics (they are only serialized, never changed): a keystroke
 * in a large stack built 559 of them, each with a new URL string that `sameDiagnostics` then had
 * to flatten to compare.
 */
const codeDescriptions = new Map<string, { href: string }>();
function codeDescriptionOf(ruleId: string): { href: string } {
  let d = codeDescriptions.get(ruleId);
  if (!d) codeDescriptions.set(ruleId, (d = { href: ruleDocsUrl(ruleId) }));
  return d;
}

/** A note about the file itself (unparseable, skipped): information, with no rule code. */
export function noticeToDiagnostic(doc: Positions, n: FileNotice): Diagnostic {
  return { range: toRange(doc, n.start, n.end), severity: SEVERITIES[n.severity], source: SOURCE, message: n.message };
}

export function configProblemToDiagnostic(doc: Positions, p: ConfigProblem): Diagnostic {
  return { range: toRange(doc, p.start, p.end), severity: DiagnosticSeverity.Error, source: SOURCE, message: `.aws-patterns.json: ${p.message}` };
}

export function toLspEdits(doc: Positions, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
}

/** The same finding as a diagnostic the client sent back (code actions carry them). */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

const COMPARED = new Set(['range', 'severity', 'source', 'code', 'codeDescription', 'message', 'tags']);

/**
 * The same diagnostics, in the same order: a pull client is then told "unchanged" instead of
 * being sent (and decoding) hundreds of diagnostics again after a keystroke that moved none.
 * A field this does not know makes the lists differ (never a false "unchanged").
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      !sameDiagnostic(x, y) ||
      x.severity !== y.severity ||
      x.source !== y.source ||
      x.message !== y.message ||
      x.codeDescription?.href !== y.codeDescription?.href ||
      String(x.tags ?? '') !== String(y.tags ?? '')
    ) {
      return false;
    }
    for (const key in x) if (!COMPARED.has(key)) return false;
    for (const key in y) if (!COMPARED.has(key)) return false;
  }
  return true;
}
