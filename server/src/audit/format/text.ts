// Human-readable output: findings grouped by file, each with its position, severity, message
// and rule ID, then one summary line.
import { countBySeverity, type AuditReport } from '../report';

const LABEL = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;

export function formatText(report: AuditReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    const rows = [
      ...file.notices.map((n) => ({ line: n.line, column: n.column, severity: LABEL[n.severity], message: n.message, rule: '' })),
      ...file.findings.map((f) => ({ line: f.line, column: f.column, severity: LABEL[f.severity], message: f.message, rule: f.ruleId })),
    ];
    if (rows.length === 0) continue;
    rows.sort((a, b) => a.line - b.line || a.column - b.column);
    const posWidth = Math.max(...rows.map((r) => `${r.line}:${r.column}`.length));
    out.push(file.path);
    for (const r of rows) {
      out.push(`  ${`${r.line}:${r.column}`.padEnd(posWidth)}  ${r.severity.padEnd(7)}  ${r.message}${r.rule ? `  ${r.rule}` : ''}`);
    }
    out.push('');
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

export function summaryLine(report: AuditReport): string {
  const counts = countBySeverity(report);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const filesWith = report.files.filter((f) => f.findings.length > 0).length;
  const checked = `${report.files.length} file${report.files.length === 1 ? '' : 's'} checked`;
  const notices = report.files.filter((f) => f.notices.length > 0).length;
  const noticeText = notices ? `; ${notices} file${notices === 1 ? '' : 's'} with notices` : '';
  if (total === 0) return `No findings; ${checked}${noticeText}.`;
  const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`, `${counts.information} information`];
  if (counts.hint) parts.push(`${counts.hint} hint${counts.hint === 1 ? '' : 's'}`);
  return `${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${filesWith} file${filesWith === 1 ? '' : 's'}; ${checked}${noticeText}.`;
}
