// Human-readable output: findings grouped by file, each with its position, severity, message
// and rule ID, then one summary line. Colored only when asked (the CLI asks on a TTY).
import type { Severity } from '../../engine/types';
import { countBySeverity, type AuditReport } from '../report';

const LABEL = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;

// SGR codes: plain ANSI, as every terminal that reports itself a TTY understands them.
const STYLE = { bold: '1', dim: '2', underline: '4', red: '31', yellow: '33', blue: '34', gray: '90' } as const;
const SEVERITY_STYLE: Record<Severity, keyof typeof STYLE> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' };

export interface TextOptions {
  color?: boolean;
}

export function formatText(report: AuditReport, options: TextOptions = {}): string {
  const paint = (style: keyof typeof STYLE, text: string) => (options.color && text ? `\u001b[${STYLE[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const file of report.files) {
    const rows = [
      ...file.notices.map((n) => ({ line: n.line, column: n.column, severity: n.severity, message: n.message, rule: '' })),
      ...file.findings.map((f) => ({ line: f.line, column: f.column, severity: f.severity, message: f.message, rule: f.ruleId })),
    ];
    if (rows.length === 0) continue;
    rows.sort((a, b) => a.line - b.line || a.column - b.column);
    const posWidth = Math.max(...rows.map((r) => `${r.line}:${r.column}`.length));
    out.push(paint('underline', file.path));
    for (const r of rows) {
      const position = paint('dim', `${r.line}:${r.column}`.padEnd(posWidth));
      const severity = paint(SEVERITY_STYLE[r.severity], LABEL[r.severity].padEnd(7));
      out.push(`  ${position}  ${severity}  ${r.message}${r.rule ? `  ${paint('dim', r.rule)}` : ''}`);
    }
    out.push('');
  }
  const counts = countBySeverity(report);
  const worst = counts.error ? 'red' : counts.warning ? 'yellow' : counts.information || counts.hint ? 'blue' : undefined;
  const summary = summaryLine(report);
  out.push(worst ? paint('bold', paint(worst, summary)) : summary);
  return `${out.join('\n')}\n`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(report: AuditReport): string {
  const counts = countBySeverity(report);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const filesWith = report.files.filter((f) => f.findings.length > 0).length;
  const checked = `${plural(report.files.length, 'file')} checked`;
  const notices = report.files.filter((f) => f.notices.length > 0).length;
  const noticeText = notices ? `; ${plural(notices, 'file')} with notices` : '';
  const fixes = report.fixes && `${report.fixes.applied} fix${report.fixes.applied === 1 ? '' : 'es'}`;
  const fixedText = report.fixes ? `; ${fixes} applied in ${plural(report.fixes.files, 'file')}` : '';
  if (total === 0) return `No findings; ${checked}${noticeText}${fixedText}.`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.information} information`];
  if (counts.hint) parts.push(plural(counts.hint, 'hint'));
  return `${plural(total, 'finding')} (${parts.join(', ')}) in ${plural(filesWith, 'file')}; ${checked}${noticeText}${fixedText}.`;
}
