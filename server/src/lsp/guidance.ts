// LSP side of the guidance features: IAM hovers, construct checklists and IAM action
// completion (all computed by the pure modules in features/), turned into LSP shapes.
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleSeverity, type ResolvedConfig } from '../engine/config';
import type { AnalysisResult, FileKind } from '../engine/types';
import { parseTypeScript } from '../engine/typescript/file';
import { iamCompletions } from '../features/completion';
import { constructHover } from '../features/construct-hover';
import { iamHover, type HoverResult } from '../features/hover';
import type { IamKnowledge } from '../iam/knowledge';
import { allRules } from '../rules/index';
import { toRange } from './convert';

/** VS Code's command to open the suggest widget again: picking `s3:` leads straight to its actions. */
const TRIGGER_SUGGEST = { title: 'Suggest actions', command: 'editor.action.triggerSuggest' };

/** Hover content that is not about a finding: an IAM action or wildcard, or a CDK construct. */
export function guidanceHover(doc: TextDocument, path: string, offset: number, iam: IamKnowledge, result: AnalysisResult, config: ResolvedConfig): HoverResult | undefined {
  const kind = result.kind;
  if (!kind) return undefined;
  const text = doc.getText();
  // One parse serves both the action and the construct hover.
  const sourceFile = kind === 'typescript' ? parseTypeScript(path, text) : undefined;
  const action = iamHover(text, offset, kind, iam, path, sourceFile);
  if (action || !sourceFile) return action;
  const activeRules = new Set(allRules.filter((r) => r.meta.languages.includes(kind) && ruleSeverity(config, r.id, r.meta.severity) !== 'off').map((r) => r.id));
  return constructHover({ text, offset, path, findings: result.findings, activeRules, sourceFile });
}

export function completionList(doc: TextDocument, path: string, kind: FileKind, offset: number, iam: IamKnowledge): CompletionList | null {
  const found = iamCompletions(doc.getText(), offset, kind, iam, path);
  if (!found) return null;
  const range = toRange(doc, found.start, found.end);
  const items = found.items.map(
    (i): CompletionItem => ({
      label: i.label,
      kind: i.kind === 'service' ? CompletionItemKind.Module : CompletionItemKind.Value,
      detail: i.detail,
      labelDetails: { description: i.detail },
      ...(i.documentation ? { documentation: { kind: MarkupKind.Markdown, value: i.documentation } } : {}),
      filterText: i.filterText,
      sortText: i.sortText,
      textEdit: { range, newText: i.insertText },
      ...(i.retrigger ? { command: TRIGGER_SUGGEST } : {}),
    }),
  );
  return { isIncomplete: false, items };
}

/** Markdown for clients that only show plain text: no emphasis, links written out. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/^```\w*$/gm, '');
}
