// Machine-readable output of our own shape: every file with findings or notices, and totals.
import { countBySeverity, type AuditReport } from '../report';

export function formatJson(report: AuditReport, version: string): string {
  const counts = countBySeverity(report);
  const files = report.files.filter((f) => f.findings.length || f.notices.length);
  return `${JSON.stringify(
    {
      tool: 'aws-patterns',
      version,
      files,
      summary: {
        filesChecked: report.files.length,
        findings: counts.error + counts.warning + counts.information + counts.hint,
        ...counts,
        ...(report.fixes ? { fixesApplied: report.fixes.applied, filesFixed: report.fixes.files } : {}),
      },
    },
    null,
    2,
  )}\n`;
}
