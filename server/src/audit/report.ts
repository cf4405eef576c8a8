// The result of an audit, in positions people and tools read: 1-based lines and columns
// (UTF-16 code units, as editors and SARIF's default column kind count them).
import type { FixKind, InternalError, Severity } from '../engine/types';

export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface AuditFinding extends Region {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** The kind of the finding's one fix, when it has one. */
  fix?: FixKind;
  suggestions: number;
  /** Stable within the file: the rule's own key, or one named by the code the finding points at. */
  key: string;
}

export interface AuditNotice extends Region {
  severity: Severity;
  message: string;
}

export interface AuditFile {
  /** Relative to the working directory, with forward slashes. */
  path: string;
  findings: AuditFinding[];
  notices: AuditNotice[];
}

export interface AuditReport {
  /** Absolute working directory the paths are relative to. */
  root: string;
  /** Every file read, including those with nothing to report. */
  files: AuditFile[];
  internalErrors: InternalError[];
  /** With `--fix`: the safe fixes applied and the files rewritten. */
  fixes?: { applied: number; files: number };
}

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];

export function countBySeverity(report: AuditReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of report.files) for (const x of f.findings) counts[x.severity]++;
  return counts;
}
