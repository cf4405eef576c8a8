// Hover over a finding: what the rule is, why it matters, the guide's ✅ pattern, and its page.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import type { RuleDefinition } from '../engine/rule';
import { ruleDocsUrl } from '../rules/docsUrl';
import { toRange } from './convert';

const FENCE_LANGUAGE: Record<string, string> = { json: 'json', jsonc: 'jsonc', ts: 'typescript', tsx: 'tsx', js: 'javascript', jsx: 'jsx', mjs: 'javascript', cjs: 'javascript', mts: 'typescript', cts: 'typescript' };

export function hoverFor(
  doc: TextDocument,
  findings: readonly Finding[],
  position: Position,
  rules: ReadonlyMap<string, RuleDefinition>,
  markdown: boolean,
): Hover | null {
  const offset = doc.offsetAt(position);
  const here = findings.filter((f) => f.start <= offset && offset <= f.end);
  if (here.length === 0) return null;
  const sections: string[] = [];
  const seen = new Set<string>();
  for (const f of here) {
    const rule = rules.get(f.ruleId);
    if (!rule || seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    sections.push(markdown ? ruleMarkdown(rule) : rulePlainText(rule));
  }
  if (sections.length === 0) return null;
  const start = Math.min(...here.map((f) => f.start));
  const end = Math.max(...here.map((f) => f.end));
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: sections.join(markdown ? '\n\n---\n\n' : '\n\n') },
    range: toRange(doc, start, end),
  };
}

function goodExample(rule: RuleDefinition) {
  return rule.meta.examples.valid[0];
}

function ruleMarkdown(rule: RuleDefinition): string {
  // The editor shows the diagnostic's message beside the hover already: no need to repeat it.
  const lines = [`**${rule.meta.title}** · \`${rule.id}\``, '', rule.meta.rationale];
  const example = goodExample(rule);
  if (example) {
    const ext = /\.(\w+)$/.exec(example.filename)?.[1]?.toLowerCase() ?? '';
    // A fence longer than any backtick run inside keeps the example intact.
    const longest = Math.max(2, ...[...example.code.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    lines.push('', `✅ **${rule.meta.guide}**`, '', `${fence}${FENCE_LANGUAGE[ext] ?? ''}`, example.code.replace(/\n$/, ''), fence);
  }
  lines.push('', `[${rule.id} documentation](${ruleDocsUrl(rule.id)})`);
  return lines.join('\n');
}

function rulePlainText(rule: RuleDefinition): string {
  const example = goodExample(rule);
  return [`${rule.meta.title} (${rule.id})`, rule.meta.rationale, ...(example ? [`✅ ${rule.meta.guide}:`, example.code.replace(/\n$/, '')] : []), ruleDocsUrl(rule.id)].join('\n\n');
}
