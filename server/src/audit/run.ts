// Runs the engine over the discovered files: the same `analyze` the editor uses.
import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { analyze } from '../engine/analyze';
import type { ResolvedConfig } from '../engine/config';
import { lineIndex } from '../engine/text';
import type { FileNotice, Finding } from '../engine/types';
import type { IamKnowledge } from '../iam/knowledge';
import type { FailOn } from './args';
import type { AuditFile, AuditReport, Region } from './report';

export function displayPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

export function auditFiles(files: readonly string[], root: string, config: ResolvedConfig, iam: IamKnowledge): AuditReport {
  const report: AuditReport = { root, files: [], internalErrors: [] };
  for (const file of files) {
    const path = displayPath(root, file);
    report.files.push(auditFile(file, path, config, iam, report));
  }
  return report;
}

function auditFile(file: string, path: string, config: ResolvedConfig, iam: IamKnowledge, report: AuditReport): AuditFile {
  const out: AuditFile = { path, findings: [], notices: [] };
  const notice = (message: string) => out.notices.push({ severity: 'information', message, line: 1, column: 1, endLine: 1, endColumn: 1 });
  let text: string;
  try {
    // Checked before reading: a huge generated file is not worth the memory.
    const size = statSync(file).size;
    if (size > config.settings.maxFileBytes) {
      notice(`Skipped: ${(size / 1048576).toFixed(1)} MB is over the ${(config.settings.maxFileBytes / 1048576).toFixed(1)} MB limit (maxFileBytes).`);
      return out;
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    notice(`Could not read the file: ${e instanceof Error ? e.message : String(e)}`);
    return out;
  }
  const result = analyze({ path, text }, { iam, config });
  report.internalErrors.push(...result.internalErrors);
  const lines = lineIndex(text);
  const region = (start: number, end: number): Region => {
    const s = lines.position(start);
    const e = lines.position(end);
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  out.findings = result.findings.map((f: Finding) => ({
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: f.message,
    ...region(f.start, f.end),
    ...(f.fix ? { fix: f.fix.kind } : {}),
    suggestions: f.suggestions?.length ?? 0,
    ...(f.key !== undefined ? { key: f.key } : {}),
  }));
  out.notices = result.notices.map((n: FileNotice) => ({ severity: n.severity, message: n.message, ...region(n.start, n.end) }));
  return out;
}

const RANK = { error: 3, warning: 2, information: 1, hint: 0 } as const;

/** 1 when any finding is at or above `failOn`, else 0. File notices never fail a run. */
export function exitCodeFor(report: AuditReport, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const threshold = RANK[failOn];
  return report.files.some((f) => f.findings.some((x) => RANK[x.severity] >= threshold)) ? 1 : 0;
}
