// The editor's audit summary, as Markdown: counts by severity, rule and service, the files with
// the most findings, then every finding as a link to its place. The server writes it; the client
// only shows it (a Markdown preview), so any editor can show the same text.
import type { RuleDefinition } from '../../engine/rule';
import type { Severity } from '../../engine/types';
import { ruleDocsUrl } from '../../rules/docsUrl';
import { SEVERITY_ORDER, countBySeverity, type AuditReport } from '../report';

export interface MarkdownOptions {
  /** A link target for a place in a file (1-based line and column): the editor opens it there. */
  linkTo(path: string, line: number, column: number): string;
  /** Lines under the title: when, which folders, anything skipped. */
  notes?: string[];
  /** Findings listed one by one at most (the Problems panel has them all). Default 2000. */
  maxListed?: number;
  /** Files in the "most findings" table. Default 10. */
  topFiles?: number;
}

const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', information: 'Information', hint: 'Hint' };
const ICON: Record<Severity, string> = { error: '⛔', warning: '⚠️', information: 'ℹ️', hint: '💡' };

/** Markdown-escapes text, leaving `code spans` as they are (rule messages use them). */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_[\]<>|#~]/g, (c) => `\\${c}`)))
    .join('');
}

const link = (text: string, target: string) => `[${escapeMarkdown(text)}](<${target.replace(/[<>]/g, encodeURIComponent)}>)`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatMarkdown(report: AuditReport, rules: ReadonlyMap<string, RuleDefinition>, options: MarkdownOptions): string {
  const counts = countBySeverity(report);
  const total = SEVERITY_ORDER.reduce((n, s) => n + counts[s], 0);
  const withFindings = report.files.filter((f) => f.findings.length > 0);
  const out: string[] = ['# AWS Patterns audit', ''];
  out.push(
    total === 0
      ? `**No findings** in ${plural(report.files.length, 'file')}.`
      : `**${plural(total, 'finding')}** in ${withFindings.length} of ${plural(report.files.length, 'file')} checked.`,
  );
  for (const note of options.notes ?? []) out.push('', note);

  if (total > 0) {
    out.push('', '## By severity', '', '| Severity | Findings |', '|---|---:|');
    for (const s of SEVERITY_ORDER) if (counts[s]) out.push(`| ${ICON[s]} ${LABEL[s]} | ${counts[s]} |`);

    const byRule = new Map<string, { findings: number; files: Set<string>; severities: Set<Severity> }>();
    const byService = new Map<string, number>();
    for (const file of report.files) {
      for (const f of file.findings) {
        const entry = byRule.get(f.ruleId) ?? { findings: 0, files: new Set(), severities: new Set() };
        entry.findings++;
        entry.files.add(file.path);
        entry.severities.add(f.severity);
        byRule.set(f.ruleId, entry);
        const service = rules.get(f.ruleId)?.meta.service ?? 'other';
        byService.set(service, (byService.get(service) ?? 0) + 1);
      }
    }
    out.push('', '## By rule', '', '| Rule | Service | Severity | Findings | Files |', '|---|---|---|---:|---:|');
    for (const [id, e] of [...byRule].sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]))) {
      const severities = SEVERITY_ORDER.filter((s) => e.severities.has(s)).map((s) => LABEL[s].toLowerCase());
      out.push(`| ${link(id, ruleDocsUrl(id))} | ${escapeMarkdown(rules.get(id)?.meta.service ?? 'other')} | ${severities.join(', ')} | ${e.findings} | ${e.files.size} |`);
    }
    out.push('', '## By service', '', '| Service | Findings |', '|---|---:|');
    for (const [service, n] of [...byService].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out.push(`| ${escapeMarkdown(service)} | ${n} |`);

    const ranked = [...withFindings].sort((a, b) => b.findings.length - a.findings.length || a.path.localeCompare(b.path));
    out.push('', '## Files with the most findings', '', '| File | Errors | Warnings | Information | Total |', '|---|---:|---:|---:|---:|');
    for (const file of ranked.slice(0, options.topFiles ?? 10)) {
      const c = (s: Severity) => file.findings.filter((f) => f.severity === s).length;
      out.push(`| ${link(file.path, options.linkTo(file.path, 1, 1))} | ${c('error')} | ${c('warning')} | ${c('information') + c('hint')} | ${file.findings.length} |`);
    }

    out.push('', '## Findings');
    let listed = 0;
    const max = options.maxListed ?? 2000;
    for (const file of [...withFindings].sort((a, b) => a.path.localeCompare(b.path))) {
      if (listed >= max) break;
      out.push('', `### ${link(file.path, options.linkTo(file.path, 1, 1))}`, '');
      const findings = [...file.findings].sort((a, b) => a.line - b.line || a.column - b.column);
      for (const f of findings) {
        if (listed >= max) break;
        listed++;
        out.push(`- ${ICON[f.severity]} ${link(`${f.line}:${f.column}`, options.linkTo(file.path, f.line, f.column))} ${escapeMarkdown(f.message)} \`${f.ruleId}\``);
      }
    }
    if (total > listed) out.push('', `${total - listed} more findings are in the Problems panel and in the SARIF export.`);
  }

  const notices = report.files.filter((f) => f.notices.length > 0);
  if (notices.length) {
    out.push('', '## Files not fully analyzed', '');
    for (const file of notices) {
      for (const n of file.notices) out.push(`- ${link(`${file.path}:${n.line}:${n.column}`, options.linkTo(file.path, n.line, n.column))} ${escapeMarkdown(n.message)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
