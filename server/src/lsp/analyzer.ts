// Runs the engine on an open document with the settings and config that apply to it, and keeps
// the latest report per document so code actions and hovers reuse it instead of re-analyzing.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AwsPatternsSettings } from '../../../shared/settings';
import { isIgnoredByConfig } from '../audit/discover';
import { CancelledError, analyze } from '../engine/analyze';
import { defaultConfig, parseConfig, type ResolvedConfig } from '../engine/config';
import { fixAll, type FixAllResult } from '../engine/fixes';
import type { RuleDefinition } from '../engine/rule';
import type { AnalysisResult, InternalError } from '../engine/types';
import type { IamKnowledge } from '../iam/knowledge';
import { DocumentTree } from '../engine/typescript/file';
import { CdkVersions } from '../projectInfo';
import { bundleWarm } from '../warm';
import { warmupText, type JitWarmup, type WarmupStep } from './warmup';
import { rulesById } from '../rules/index';
import { configProblemToDiagnostic, findingToDiagnostic, noticeToDiagnostic, sameDiagnostics } from './convert';
import { effectiveConfig, isConfigFile, uriToPath, type Workspace } from './workspace';

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

export interface DocumentReport {
  uri: string;
  version: number;
  generation: number;
  /**
   * Names this report's diagnostics: kept from the previous report of the document when the
   * diagnostics are the same, so a pull client can be answered "unchanged" (its result id).
   */
  diagnosticsId: number;
  settings: AwsPatternsSettings;
  config: ResolvedConfig;
  result: AnalysisResult;
  diagnostics: Diagnostic[];
}

const EMPTY_RESULT: AnalysisResult = { kind: undefined, findings: [], notices: [], internalErrors: [] };

/** Returned instead of a report when the document changed (or the request was cancelled) meanwhile. */
export const STALE = 'stale' as const;

export class Analyzer {
  private readonly reports = new Map<string, DocumentReport>();
  /** The last syntax tree per open document, reparsed incrementally on each edit. */
  private readonly trees = new Map<string, DocumentTree>();
  /** aws-cdk-lib versions per folder; dropped with every change of environment. */
  private cdk = new CdkVersions();
  private diagnosticsIds = 0;

  constructor(
    private readonly iam: () => IamKnowledge,
    private readonly workspace: Workspace,
    private readonly log: Logger,
    /** The registry, unless a test hands in its own rules. */
    private readonly rules?: readonly RuleDefinition[],
    /** Warms the keystroke path up after the first TypeScript analyses (the server's, once per process). */
    private readonly warmup?: JitWarmup,
  ) {}

  /** The warm-up of the last TypeScript document analyzed, resumed after each request. */
  private warmupStep: WarmupStep | undefined;

  /**
   * The report for this version of the document. `isStale` is checked after the settings
   * arrive and between parsing and walking: a run for an outdated version stops early.
   */
  async report(doc: TextDocument, isStale: () => boolean = () => false): Promise<DocumentReport | typeof STALE> {
    this.warmup?.cancel();
    try {
      return await this.reportNow(doc, isStale);
    } finally {
      if (this.warmupStep) this.warmup?.schedule(this.warmupStep);
    }
  }

  private async reportNow(doc: TextDocument, isStale: () => boolean): Promise<DocumentReport | typeof STALE> {
    const cached = this.reports.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === this.workspace.generation) return cached;

    const generation = this.workspace.generation;
    const settings = await this.workspace.settingsFor(doc.uri);
    if (isStale()) return STALE;
    const base = { uri: doc.uri, version: doc.version, generation, settings, diagnosticsId: 0 };
    let report: DocumentReport;
    if (!settings.enable) {
      report = { ...base, config: defaultConfig(), result: EMPTY_RESULT, diagnostics: [] };
    } else if (isConfigFile(doc.uri)) {
      // The config file being edited: its own problems, live, instead of an analysis.
      const { problems } = parseConfig(doc.getText(), new Set(rulesById.keys()));
      report = { ...base, config: defaultConfig(), result: EMPTY_RESULT, diagnostics: problems.map((p) => configProblemToDiagnostic(doc, p)) };
    } else {
      const effective = effectiveConfig(this.workspace.configFor(doc.uri), settings);
      if (this.ignored(doc.uri, effective)) {
        // The config's `ignore` patterns keep a file out of the audit and out of the editor alike.
        report = { ...base, config: effective, result: EMPTY_RESULT, diagnostics: [] };
        return this.keep(report, cached);
      }
      const config = this.configFor(doc.uri, effective);
      const started = performance.now();
      let result: AnalysisResult;
      try {
        result = analyze(this.input(doc), { iam: this.iam(), config, rules: this.rules, isCancelled: isStale, tree: this.treeOf(doc.uri) });
      } catch (e) {
        if (e instanceof CancelledError) return STALE;
        throw e;
      }
      bundleWarm();
      if (result.kind === 'typescript' && this.warmup && !this.warmup.done) {
        this.warmup.counted();
        this.warmupStep = this.warmupStepFor(doc, config);
      }
      this.logInternalErrors(doc.uri, result.internalErrors);
      const elapsed = performance.now() - started;
      if (elapsed > 200) this.log.info(`Analyzing ${doc.uri} took ${elapsed.toFixed(0)} ms.`);
      const diagnostics = [...result.notices.map((n) => noticeToDiagnostic(doc, n)), ...result.findings.map((f) => findingToDiagnostic(doc, f))];
      report = { ...base, config, result, diagnostics };
    }
    return this.keep(report, cached);
  }

  /** Names the report's diagnostics (the previous report's id when they are the same) and keeps it. */
  private keep(report: DocumentReport, previous: DocumentReport | undefined): DocumentReport {
    report.diagnosticsId = previous && sameDiagnostics(previous.diagnostics, report.diagnostics) ? previous.diagnosticsId : ++this.diagnosticsIds;
    if (report.generation === this.workspace.generation) this.reports.set(report.uri, report);
    return report;
  }

  /** Fix-all on the document's current text, with the config its report used. */
  fixAll(doc: TextDocument, report: DocumentReport): FixAllResult {
    const result = fixAll(this.input(doc), { iam: this.iam(), config: report.config, rules: this.rules });
    this.logInternalErrors(doc.uri, result.result.internalErrors);
    return result;
  }

  /**
   * One warm-up analysis of this version of the document through its kept tree, as a keystroke
   * runs it; results are thrown away. False once the document changed, closed or was cleared.
   */
  private warmupStepFor(doc: TextDocument, config: ResolvedConfig): WarmupStep {
    const { uri, version } = doc;
    const input = this.input(doc);
    return (round) => {
      if (this.reports.get(uri)?.version !== version || !this.trees.has(uri)) {
        this.warmupStep = undefined;
        return false;
      }
      try {
        analyze({ ...input, text: warmupText(input.text, round) }, { iam: this.iam(), config, rules: this.rules, tree: this.treeOf(uri) });
        return true;
      } catch (e) {
        this.log.error(`Warming up the analysis on ${uriToPath(uri) ?? uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        this.warmupStep = undefined;
        return false;
      }
    };
  }

  forget(uri: string): void {
    this.reports.delete(uri);
    this.trees.delete(uri);
  }

  private treeOf(uri: string): DocumentTree {
    let tree = this.trees.get(uri);
    if (!tree) this.trees.set(uri, (tree = new DocumentTree()));
    return tree;
  }

  clear(): void {
    this.reports.clear();
    this.cdk = new CdkVersions();
  }

  /** The config with the project facts of the file filled in (its aws-cdk-lib version). */
  configFor(uri: string, config: ResolvedConfig): ResolvedConfig {
    const path = uriToPath(uri);
    return path ? this.cdk.configFor(config, path) : config;
  }

  private ignored(uri: string, config: ResolvedConfig): boolean {
    const path = uriToPath(uri);
    const folder = this.workspace.folderOf(uri);
    const root = folder && uriToPath(folder.uri);
    return path !== undefined && root !== undefined && isIgnoredByConfig(config.ignore, root, path);
  }

  private input(doc: TextDocument) {
    return { path: this.workspace.displayPath(doc.uri), text: doc.getText(), languageId: doc.languageId };
  }

  /** Logged with the document's own path: the engine only saw the project-relative one. */
  private logInternalErrors(uri: string, errors: readonly InternalError[]): void {
    const where = uriToPath(uri) ?? uri;
    for (const e of errors) {
      this.log.error(`Rule ${e.ruleId} failed on ${where}${e.line ? `:${e.line}` : ''} and was turned off for this file: ${e.stack ?? e.message}`);
    }
  }
}
