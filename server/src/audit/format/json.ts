// Machine-readable output of our own shape: every file with findings or notices, and totals.
import { countBySeverity, type AuditReport } from '../report';

export function formatJson(report: AuditReport, version: string): string {
  return [...jsonPieces(report, version)].join('');
}

/**
 * The same text as `JSON.stringify(…, null, 2)` of the whole report, one file at a time: a large
 * report is written out without first being built as one string (8 MB for 15,000 findings, and
 * twice that once V8 flattens it for writing).
 */
export function* jsonPieces(report: AuditReport, version: string): Generator<string> {
  const counts = countBySeverity(report);
  const files = report.files.filter((f) => f.findings.length || f.notices.length);
  const envelope = {
    tool: 'aws-patterns',
    version,
    files: [] as unknown[],
    summary: {
      filesChecked: report.files.length,
      findings: counts.error + counts.warning + counts.information + counts.hint,
      ...counts,
      ...(report.fixes ? { fixesApplied: report.fixes.applied, filesFixed: report.fixes.files } : {}),
    },
  };
  const text = JSON.stringify(envelope, null, 2);
  if (files.length === 0) {
    yield `${text}\n`;
    return;
  }
  // The envelope with an empty list, split where the files go; each file is an element of a
  // list two levels deep, so its lines are indented by four more spaces.
  const empty = '"files": []';
  const at = text.indexOf(empty) + empty.length - 1;
  yield `${text.slice(0, at)}\n`;
  for (let i = 0; i < files.length; i++) {
    yield `    ${JSON.stringify(files[i], null, 2).replace(/\n/g, '\n    ')}${i < files.length - 1 ? ',' : ''}\n`;
  }
  yield `  ${text.slice(at)}\n`;
}
