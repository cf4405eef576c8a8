// Hover: over a finding, what the rule is, why it matters, the guide's ✅ pattern and its page;
// over an IAM action or a CDK construct, the guidance computed in features/ (handed in as
// `guidance`). Both come from features/hover; this module only makes the LSP shape.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleDefinition } from '../engine/rule';
import type { FileKind, Finding } from '../engine/types';
import { ruleHoverMarkdown, ruleHoverPlainText, type HoverResult } from '../features/hover';
import { ruleDocsUrl } from '../rules/docsUrl';
import { toRange } from './convert';
import { plainText } from './guidance';

export function hoverFor(
  doc: TextDocument,
  findings: readonly Finding[],
  position: Position,
  rules: ReadonlyMap<string, RuleDefinition>,
  markdown: boolean,
  kind?: FileKind,
  guidance?: HoverResult,
): Hover | null {
  const offset = doc.offsetAt(position);
  const here = findings.filter((f) => f.start <= offset && offset <= f.end);
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const f of here) {
    const rule = rules.get(f.ruleId);
    if (!rule || seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    sections.push(markdown ? ruleHoverMarkdown(rule, kind, { docsUrl: ruleDocsUrl(rule.id) }) : ruleHoverPlainText(rule, kind, ruleDocsUrl(rule.id)));
  }
  if (guidance) sections.push(markdown ? guidance.markdown : plainText(guidance.markdown));
  if (sections.length === 0) return null;
  const ranges = [...here, ...(guidance ? [guidance] : [])];
  const start = Math.min(...ranges.map((r) => r.start));
  const end = Math.max(...ranges.map((r) => r.end));
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: sections.join(markdown ? '\n\n---\n\n' : '\n\n') },
    range: toRange(doc, start, end),
  };
}
