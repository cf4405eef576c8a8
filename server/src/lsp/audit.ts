// The palette's whole-workspace commands: "Audit Workspace" (every file of every folder, found by
// the CLI's discovery module and analyzed by the same engine, diagnostics published as it goes,
// a Markdown summary at the end), "Export SARIF Report" (the last audit) and "Fix All in
// Workspace" (every preferred fix, computed first, applied as one workspace edit once confirmed).
// Long runs report work-done progress and stop between two files when the request is cancelled.
import { randomUUID } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LSPErrorCodes,
  ResponseError,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type CancellationToken,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkDoneProgressReporter,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ApplyWorkspaceFixesResult, AuditWorkspaceResult, SarifExport, WorkspaceFixPlan } from '../../../shared/settings';
import { FileFilter, enabledGlobs } from '../audit/discover';
import { formatMarkdown } from '../audit/format/markdown';
import { formatSarif } from '../audit/format/sarif';
import { countBySeverity, type AuditFile, type AuditReport } from '../audit/report';
import { displayPath, noticeFile, readSource, toAuditFile } from '../audit/run';
import { analyze } from '../engine/analyze';
import type { ResolvedConfig } from '../engine/config';
import { fixAll } from '../engine/fixes';
import { lineIndex, type LineIndex } from '../engine/text';
import type { AnalysisResult } from '../engine/types';
import type { IamKnowledge } from '../iam/knowledge';
import { allRules, rulesById } from '../rules/index';
import { withAuditHeapPace } from '../heap';
import { STALE, type Analyzer, type Logger } from './analyzer';
import { findingToDiagnostic, noticeToDiagnostic, type Positions } from './convert';
import { effectiveConfig, uriToPath, type Workspace } from './workspace';

export interface AuditDeps {
  workspace: () => Workspace;
  analyzer: () => Analyzer;
  documents: { get(uri: string): TextDocument | undefined };
  iam: () => IamKnowledge;
  /** `files.exclude` for a folder (VS Code's shape), or undefined when the client has none. */
  filesExclude: (folderUri: string) => Promise<unknown>;
  publish: (uri: string, diagnostics: Diagnostic[]) => void;
  applyEdit: (params: ApplyWorkspaceEditParams) => Promise<ApplyWorkspaceEditResult>;
  /** The client pulls diagnostics of open documents itself: the audit does not push for them. */
  pull: () => boolean;
  versionedEdits: () => boolean;
  log: Logger;
  version: string;
}

/** One file to audit or fix, with the config of its folder. */
interface Target {
  uri: string;
  path: string;
  config: ResolvedConfig;
}

/** A file's text: the open document's (what the user sees), else the file on disk. */
interface Source {
  text: string;
  /** The open document's version; null for a file read from disk. */
  version: number | null;
}

interface PlannedFile {
  uri: string;
  source: Source;
  edits: LspTextEdit[];
}

// The server answers other requests between two slices of an audit: a slice ends after this long.
const SLICE_MS = 20;
const PROGRESS_EVERY_MS = 100;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
}

/** Offsets to positions through a line index (for files that are not open). */
function positionsOf(lines: LineIndex): Positions {
  return { positionAt: (offset) => lines.position(offset) };
}

/** A document as a line index, so open and closed files convert the same way. */
function documentLines(doc: TextDocument): LineIndex {
  return { position: (o) => doc.positionAt(o), offset: (line, character) => doc.offsetAt({ line, character }) };
}

/** The deepest folder holding every path: what report paths are relative to. */
function commonRoot(paths: readonly string[]): string | undefined {
  if (paths.length === 0) return undefined;
  const split = paths.map((p) => p.split(/[\\/]/));
  const first = split[0];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join('/') || '/';
}

export class WorkspaceAudit {
  private last: { report: AuditReport } | undefined;
  private plan: { id: string; files: PlannedFile[] } | undefined;
  /** URIs the audit pushed diagnostics for: kept fresh on close and on environment changes. */
  private readonly pushed = new Set<string>();
  /** Pushed URIs whose problems a pull now shows: their pushed copy was cleared. */
  private readonly handedToPull = new Set<string>();
  /** A newer run of the same kind makes an older one stop. */
  private runs = { audit: 0, fix: 0, refresh: 0 };

  constructor(private readonly deps: AuditDeps) {}

  // ---- Audit Workspace ------------------------------------------------------------------------

  audit(token: CancellationToken, progress: WorkDoneProgressReporter, summaryUri?: string): Promise<AuditWorkspaceResult> {
    return withAuditHeapPace(() => this.auditFiles(token, progress, summaryUri));
  }

  private async auditFiles(token: CancellationToken, progress: WorkDoneProgressReporter, summaryUri?: string): Promise<AuditWorkspaceResult> {
    const run = ++this.runs.audit;
    const stop = () => token.isCancellationRequested || run !== this.runs.audit;
    progress.begin('AWS Patterns: auditing the workspace', 0, 'Finding files…', true);
    try {
      const { targets, notes, root } = await this.collect(stop);
      const report: AuditReport = { root, files: [], internalErrors: [] };
      const seen = new Set<string>();
      let slice = performance.now();
      let shown = 0;
      for (let i = 0; i < targets.length; i++) {
        if (stop()) throw cancelled();
        const target = targets[i];
        report.files.push(await this.auditTarget(target, root, report));
        seen.add(target.uri);
        const now = performance.now();
        if (now - shown > PROGRESS_EVERY_MS || i === targets.length - 1) {
          shown = now;
          progress.report(Math.floor(((i + 1) * 100) / targets.length), `${i + 1}/${targets.length} files`);
        }
        if (now - slice > SLICE_MS) {
          await nextTurn();
          slice = performance.now();
        }
      }
      // Files of an earlier audit that this one no longer covers (deleted, now ignored) lose their problems.
      for (const uri of [...this.pushed]) {
        if (!seen.has(uri)) {
          this.pushed.delete(uri);
          this.deps.publish(uri, []);
        }
      }
      this.last = { report };
      return this.summary(report, notes, summaryUri);
    } finally {
      progress.done();
    }
  }

  /** The files of every workspace folder, with their folder's config; notes for what was skipped. */
  private async collect(stop: () => boolean): Promise<{ targets: Target[]; notes: string[]; root: string }> {
    const workspace = this.deps.workspace();
    const targets: Target[] = [];
    const notes: string[] = [];
    const roots: string[] = [];
    // Outermost folder first in the report; nested folders keep their own files and config.
    const folders = [...workspace.allFolders()].reverse();
    for (const folder of folders) {
      const root = uriToPath(folder.uri);
      if (!root) {
        notes.push(`Folder \`${folder.name}\` is not on the local file system: not audited.`);
        continue;
      }
      roots.push(root);
      const settings = await workspace.settingsFor(folder.uri);
      if (!settings.enable) {
        notes.push(`Folder \`${folder.name}\`: \`awsPatterns.enable\` is off, not audited.`);
        continue;
      }
      const folderConfig = workspace.configOfFolder(folder);
      if (folderConfig.problems.length) notes.push(`\`${join(folder.name, '.aws-patterns.json')}\` has problems (see the Problems panel): the defaults replace what is broken.`);
      const config = effectiveConfig(folderConfig, settings);
      const exclude = enabledGlobs(await this.deps.filesExclude(folder.uri).catch(() => undefined));
      const filter = new FileFilter({ root, ignore: config.ignore, exclude });
      let count = 0;
      for (const file of filter.walk(root)) {
        const uri = pathToFileURL(file).href;
        if (workspace.folderOf(uri)?.uri !== folder.uri) continue; // a nested folder audits it
        targets.push({ uri, path: file, config });
        if (++count % 200 === 0) {
          await nextTurn();
          if (stop()) throw cancelled();
        }
      }
    }
    if (workspace.allFolders().length === 0) notes.push('No workspace folder is open: open a folder to audit it.');
    return { targets, notes, root: commonRoot(roots) ?? process.cwd() };
  }

  private async auditTarget(target: Target, root: string, report: AuditReport): Promise<AuditFile> {
    const path = displayPath(root, target.path);
    const doc = this.deps.documents.get(target.uri);
    if (doc) {
      // An open document: its text as the user sees it, through the analyzer and its cache.
      const r = await this.deps.analyzer().report(doc);
      if (r !== STALE) {
        this.push(target.uri, r.diagnostics);
        return toAuditFile(path, r.result, documentLines(doc), doc.getText());
      }
    }
    const analyzed = this.analyzeFromDisk(target);
    if ('notice' in analyzed) {
      const top = { positionAt: () => ({ line: 0, character: 0 }) };
      this.push(target.uri, [noticeToDiagnostic(top, { severity: 'information', message: analyzed.notice, start: 0, end: 0 })]);
      return noticeFile(path, analyzed.notice);
    }
    report.internalErrors.push(...analyzed.result.internalErrors);
    this.push(target.uri, analyzed.diagnostics);
    return toAuditFile(path, analyzed.result, analyzed.lines, analyzed.text);
  }

  private analyzeFromDisk(target: Target): { result: AnalysisResult; lines: LineIndex; text: string; diagnostics: Diagnostic[] } | { notice: string } {
    const source = readSource(target.path, target.config.settings.maxFileBytes);
    if ('notice' in source) return source;
    const workspace = this.deps.workspace();
    const config = this.deps.analyzer().configFor(target.uri, target.config);
    const result = analyze({ path: workspace.displayPath(target.uri), text: source.text }, { iam: this.deps.iam(), config });
    for (const e of result.internalErrors) this.deps.log.error(`Rule ${e.ruleId} failed on ${e.file}${e.line ? `:${e.line}` : ''} and was turned off for this file: ${e.stack ?? e.message}`);
    const lines = lineIndex(source.text);
    const positions = positionsOf(lines);
    const diagnostics = [...result.notices.map((n) => noticeToDiagnostic(positions, n)), ...result.findings.map((f) => findingToDiagnostic(positions, f))];
    return { result, lines, text: source.text, diagnostics };
  }

  private push(uri: string, diagnostics: Diagnostic[]): void {
    this.pushed.add(uri);
    this.handedToPull.delete(uri);
    // Pushed even for open documents: the client pulls only for documents shown in a tab (a
    // document can stay open after its tab closed), and drops a push for a shown one itself.
    this.deps.publish(uri, diagnostics);
  }

  private summary(report: AuditReport, notes: string[], summaryUri: string | undefined): AuditWorkspaceResult {
    const bySeverity = countBySeverity(report);
    // `#L4,36` opens the file at line 4, column 36 (VS Code's link fragments).
    const summaryDir = summaryUri ? uriToPath(summaryUri) : undefined;
    const target = (path: string) => {
      const abs = join(report.root, path);
      if (!summaryDir) return pathToFileURL(abs).href;
      const rel = relative(dirname(summaryDir), abs);
      return /^[a-zA-Z]:/.test(rel) ? pathToFileURL(abs).href : encodeURI(rel.split(sep).join('/'));
    };
    const markdown = formatMarkdown(report, rulesById, {
      linkTo: (path, line, column) => `${target(path)}#L${line},${column}`,
      notes: [`Audited ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC, from \`${report.root}\`.`, ...notes],
    });
    return {
      markdown,
      filesChecked: report.files.length,
      filesWithFindings: report.files.filter((f) => f.findings.length > 0).length,
      findings: bySeverity.error + bySeverity.warning + bySeverity.information + bySeverity.hint,
      bySeverity,
    };
  }

  // ---- Keeping pushed problems true -----------------------------------------------------------

  /** A document opened: in pull mode its pulled problems replace what the audit pushed. */
  opened(uri: string): void {
    this.pulled(uri);
  }

  /** The client pulled a document (its tab is shown): the pulled problems replace the pushed copy. */
  pulled(uri: string): void {
    if (!this.deps.pull() || !this.pushed.has(uri) || this.handedToPull.has(uri)) return;
    this.handedToPull.add(uri);
    this.deps.publish(uri, []);
  }

  /** A document closed: an audited file shows its problems on disk again. Answers whether it did. */
  closed(uri: string): boolean {
    if (!this.pushed.has(uri)) return false;
    this.refreshFile(uri);
    return true;
  }

  /** Settings or a config changed: re-analyze the audited files that are not open, a slice at a time. */
  async refresh(): Promise<void> {
    if (this.pushed.size === 0) return;
    await withAuditHeapPace(() => this.refreshAudited());
  }

  private async refreshAudited(): Promise<void> {
    const run = ++this.runs.refresh;
    let slice = performance.now();
    for (const uri of [...this.pushed]) {
      if (run !== this.runs.refresh) return;
      if (!this.deps.documents.get(uri)) this.refreshFile(uri);
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
    }
  }

  private refreshFile(uri: string): void {
    const workspace = this.deps.workspace();
    const path = uriToPath(uri);
    const folder = workspace.folderOf(uri);
    if (!path || !folder) {
      // Its folder left the workspace: its problems go with it.
      this.pushed.delete(uri);
      this.deps.publish(uri, []);
      return;
    }
    workspace.settingsFor(folder.uri).then(
      (settings) => {
        if (this.deps.documents.get(uri)) return; // opened again meanwhile
        const config = effectiveConfig(workspace.configOfFolder(folder), settings);
        const analyzed = settings.enable ? this.analyzeFromDisk({ uri, path, config }) : { diagnostics: [] };
        this.deps.publish(uri, 'diagnostics' in analyzed ? analyzed.diagnostics : []);
      },
      (e) => this.deps.log.error(`Refreshing ${uri}: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  // ---- Export SARIF Report --------------------------------------------------------------------

  exportSarif(): SarifExport | null {
    if (!this.last) return null;
    const folder = this.deps.workspace().allFolders().at(-1);
    return {
      sarif: formatSarif(this.last.report, allRules, this.deps.version),
      ...(folder ? { defaultUri: `${folder.uri.replace(/\/$/, '')}/aws-patterns.sarif` } : {}),
    };
  }

  // ---- Fix All in Workspace -------------------------------------------------------------------

  prepareFixes(token: CancellationToken, progress: WorkDoneProgressReporter): Promise<WorkspaceFixPlan> {
    return withAuditHeapPace(() => this.planFixes(token, progress));
  }

  private async planFixes(token: CancellationToken, progress: WorkDoneProgressReporter): Promise<WorkspaceFixPlan> {
    const run = ++this.runs.fix;
    const stop = () => token.isCancellationRequested || run !== this.runs.fix;
    progress.begin('AWS Patterns: computing fixes', 0, 'Finding files…', true);
    try {
      const { targets } = await this.collect(stop);
      const files: PlannedFile[] = [];
      let fixes = 0;
      let unsafeFixes = 0;
      let slice = performance.now();
      for (let i = 0; i < targets.length; i++) {
        if (stop()) throw cancelled();
        const planned = this.planFile(targets[i]);
        if (planned) {
          files.push(planned.file);
          fixes += planned.applied;
          unsafeFixes += planned.unsafe;
        }
        if (performance.now() - slice > SLICE_MS) {
          progress.report(Math.floor(((i + 1) * 100) / targets.length), `${i + 1}/${targets.length} files`);
          await nextTurn();
          slice = performance.now();
        }
      }
      const id = randomUUID();
      this.plan = { id, files };
      return { id, fixes, unsafeFixes, edits: files.reduce((n, f) => n + f.edits.length, 0), files: files.length };
    } finally {
      progress.done();
    }
  }

  private planFile(target: Target): { file: PlannedFile; applied: number; unsafe: number } | undefined {
    const doc = this.deps.documents.get(target.uri);
    let source: Source;
    if (doc) {
      source = { text: doc.getText(), version: doc.version };
    } else {
      const read = readSource(target.path, target.config.settings.maxFileBytes);
      if ('notice' in read) return undefined;
      source = { text: read.text, version: null };
    }
    const config = this.deps.analyzer().configFor(target.uri, target.config);
    const input = { path: this.deps.workspace().displayPath(target.uri), text: source.text, languageId: doc?.languageId };
    const fixed = fixAll(input, { iam: this.deps.iam(), config, include: 'preferred' });
    if (fixed.edits.length === 0) return undefined;
    const positions = doc ?? positionsOf(lineIndex(source.text));
    const edits = fixed.edits.map((e) => ({ range: { start: positions.positionAt(e.start), end: positions.positionAt(e.end) }, newText: e.newText }));
    return { file: { uri: target.uri, source, edits }, applied: fixed.applied, unsafe: fixed.appliedUnsafe };
  }

  async applyFixes(id: string): Promise<ApplyWorkspaceFixesResult> {
    const plan = this.plan;
    if (!plan || plan.id !== id) return { applied: false, reason: 'These fixes are out of date: run "Fix All in Workspace" again.' };
    this.plan = undefined;
    if (plan.files.length === 0) return { applied: true };
    // Nothing may have changed since the plan: its edits are offsets into the text it read.
    const changed = plan.files.filter((f) => !this.unchanged(f));
    if (changed.length) {
      const names = changed.slice(0, 3).map((f) => uriToPath(f.uri) ?? f.uri);
      return { applied: false, reason: `${changed.length} file(s) changed since the fixes were computed (${names.join(', ')}): run "Fix All in Workspace" again.` };
    }
    const edit: WorkspaceEdit = this.deps.versionedEdits()
      ? { documentChanges: plan.files.map((f) => ({ textDocument: { uri: f.uri, version: f.source.version }, edits: f.edits })) }
      : { changes: Object.fromEntries(plan.files.map((f) => [f.uri, f.edits])) };
    // One edit, so one undo; a refactoring, so the editor saves the files it opened to apply it.
    const result = await this.deps.applyEdit({ label: 'AWS Patterns: Fix All in Workspace', edit, metadata: { isRefactoring: true } });
    return result.applied ? { applied: true } : { applied: false, reason: result.failureReason ?? 'The editor did not apply the edit.' };
  }

  private unchanged(file: PlannedFile): boolean {
    const doc = this.deps.documents.get(file.uri);
    if (file.source.version !== null) return doc?.version === file.source.version;
    if (doc) return doc.getText() === file.source.text;
    const path = uriToPath(file.uri);
    const now = path ? readSource(path, Number.MAX_SAFE_INTEGER) : undefined;
    return now !== undefined && 'text' in now && now.text === file.source.text;
  }
}
