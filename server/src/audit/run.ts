// Runs the engine over the discovered files: the same `analyze` (and, with --fix, the same
// `fixAll`) the editor uses. The language server's workspace audit reuses the pieces.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { analyze } from '../engine/analyze';
import type { ResolvedConfig } from '../engine/config';
import { fixAll } from '../engine/fixes';
import { detached, lineIndex, type LineIndex } from '../engine/text';
import type { AnalysisResult, Finding } from '../engine/types';
import type { IamKnowledge } from '../iam/knowledge';
import { CdkVersions } from '../projectInfo';
import type { FailOn } from './args';
import type { AuditFile, AuditReport, Region } from './report';

export function displayPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

export interface RunOptions {
  /** Apply safe fixes and rewrite the files (`--fix`). */
  fix?: boolean;
  /** Called after each file, for progress. */
  onFile?: (done: number, total: number) => void;
}

export function auditFiles(files: readonly string[], root: string, config: ResolvedConfig, iam: IamKnowledge, options: RunOptions = {}): AuditReport {
  const report: AuditReport = { root, files: [], internalErrors: [] };
  if (options.fix) report.fixes = { applied: 0, files: 0 };
  const cdk = new CdkVersions();
  files.forEach((file, i) => {
    report.files.push(auditFile(file, displayPath(root, file), cdk.configFor(config, file), iam, report, options.fix === true));
    options.onFile?.(i + 1, files.length);
  });
  return report;
}

/** The text of a file to audit, or why it is not read (too big, unreadable). */
export function readSource(file: string, maxFileBytes: number): { text: string } | { notice: string } {
  try {
    // Checked before reading: a huge generated file is not worth the memory.
    const size = statSync(file).size;
    if (size > maxFileBytes) {
      return { notice: `Skipped: ${(size / 1048576).toFixed(1)} MB is over the ${(maxFileBytes / 1048576).toFixed(1)} MB limit (maxFileBytes).` };
    }
    return { text: readFileSync(file, 'utf8') };
  } catch (e) {
    return { notice: `Could not read the file: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A file that was not analyzed, with its one notice. */
export function noticeFile(path: string, message: string): AuditFile {
  return { path, findings: [], notices: [{ severity: 'information', message, line: 1, column: 1, endLine: 1, endColumn: 1 }] };
}

function auditFile(file: string, path: string, config: ResolvedConfig, iam: IamKnowledge, report: AuditReport, fix: boolean): AuditFile {
  const source = readSource(file, config.settings.maxFileBytes);
  if ('notice' in source) return noticeFile(path, source.notice);
  let { text } = source;
  let result: AnalysisResult;
  if (fix) {
    const fixed = fixAll({ path, text }, { iam, config });
    result = fixed.result;
    if (fixed.text !== text) {
      writeFileSync(file, fixed.text);
      text = fixed.text;
      report.fixes!.applied += fixed.applied;
      report.fixes!.files++;
    }
  } else {
    result = analyze({ path, text }, { iam, config });
  }
  report.internalErrors.push(...result.internalErrors);
  return toAuditFile(path, result, lineIndex(text), text);
}

/** An engine result in 1-based lines and columns, holding nothing of the file's text. */
export function toAuditFile(path: string, result: AnalysisResult, lines: LineIndex, text: string): AuditFile {
  const region = (start: number, end: number): Region => {
    const s = lines.position(start);
    const e = lines.position(end);
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const keys = findingKeys(result.findings, text);
  return {
    path,
    findings: result.findings.map((f, i) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      message: detached(f.message),
      ...region(f.start, f.end),
      ...(f.fix ? { fix: f.fix.kind } : {}),
      suggestions: f.suggestions?.length ?? 0,
      key: keys[i],
    })),
    notices: result.notices.map((n) => ({ severity: n.severity, message: detached(n.message), ...region(n.start, n.end) })),
  };
}

/**
 * Each finding's key: its rule's own (`Action::s3:*`, never an offset), or else one named by the
 * code it points at (whitespace collapsed, hashed); either way numbered by which occurrence of it
 * the finding is for its rule, so a finding keeps its SARIF fingerprint when lines above it move
 * and two findings of a file never share one.
 */
export function findingKeys(findings: readonly Finding[], text: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    let key: string;
    if (f.key !== undefined) key = detached(f.key);
    else {
      const code = text.slice(f.start, f.end).replace(/\s+/g, ' ').trim();
      key = `code:${createHash('sha256').update(code).digest('hex').slice(0, 16)}`;
    }
    const n = (seen.get(`${f.ruleId} ${key}`) ?? 0) + 1;
    seen.set(`${f.ruleId} ${key}`, n);
    return n === 1 ? key : `${key}:${n}`;
  });
}

const RANK = { error: 3, warning: 2, information: 1, hint: 0 } as const;

/** 1 when any finding is at or above `failOn`, else 0. File notices never fail a run. */
export function exitCodeFor(report: AuditReport, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const threshold = RANK[failOn];
  return report.files.some((f) => f.findings.some((x) => RANK[x.severity] >= threshold)) ? 1 : 0;
}
