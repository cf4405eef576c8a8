// The language server: wiring only. Documents go to the engine (through lsp/analyzer), results
// come back as diagnostics, quick fixes, fix-all and hovers; the palette's workspace commands
// (audit, SARIF export, fix all in workspace) are in lsp/audit. It speaks IPC (`--node-ipc`, as
// the VS Code client starts it) and `--stdio` (any other editor); vscode-languageserver picks by argv.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import {
  ApplyWorkspaceFixesRequest,
  AuditWorkspaceRequest,
  ExportSarifRequest,
  FIX_ALL_KIND,
  PrepareWorkspaceFixesRequest,
  SETTINGS_SECTION,
} from '../../shared/settings';
import { defaultIamDataDir, loadIamKnowledge } from './iam/fsLoader';
import type { IamKnowledge } from './iam/knowledge';
import { Analyzer, STALE } from './lsp/analyzer';
import { WorkspaceAudit } from './lsp/audit';
import { fixAllAction, kindRequested, quickFixes } from './lsp/codeActions';
import { configProblemToDiagnostic, toLspEdits } from './lsp/convert';
import { fileKindOf } from './engine/analyze';
import { IAM_COMPLETION_TRIGGERS } from './features/completion';
import { completionList, guidanceHover } from './lsp/guidance';
import { hoverFor } from './lsp/hover';
import { PushScheduler } from './lsp/pushScheduler';
import { cancelUndispatched } from './lsp/stale';
import { JitWarmup } from './lsp/warmup';
import { Workspace, isConfigFile } from './lsp/workspace';
import { rulesById } from './rules/index';

const PUSH_DEBOUNCE_MS = 200;

const connection = createConnection({ cancelUndispatched });
const log = {
  error: (m: string) => connection.console.error(m),
  info: (m: string) => connection.console.info(m),
};

// A bug anywhere must not take the editor's linting down with it: log and keep serving.
process.on('uncaughtException', (e) => logSafely('Uncaught exception', e));
process.on('unhandledRejection', (e) => logSafely('Unhandled rejection', e));
function logSafely(what: string, e: unknown): void {
  const text = `${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  try {
    log.error(text);
  } catch {
    process.stderr.write(`${text}\n`);
  }
}

/** Runs a handler; any failure is logged and answered with the empty result. */
async function safely<T>(name: string, empty: T, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ResponseError) throw e; // a deliberate protocol answer (e.g. ServerCancelled)
    log.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return empty;
  }
}

let iamKnowledge: IamKnowledge | undefined;
const iam = () => (iamKnowledge ??= loadIamKnowledge());

const documents = new TextDocuments(TextDocument);
const client = {
  pull: false,
  refresh: false,
  versionedEdits: false,
  markdown: false,
  watchedFiles: false,
  configurationChanges: false,
  folders: false,
  configuration: false,
};
let workspace = new Workspace({});
// Process-wide, as V8's optimized code is: one warm-up per server, whichever analyzer runs it.
const warmup = new JitWarmup({ onWarm: (rounds, ms) => log.info(`Warmed up the analysis for the first keystrokes: ${rounds} runs in ${ms.toFixed(0)} ms.`) });
let analyzer = new Analyzer(iam, workspace, log, undefined, warmup);
const push = new PushScheduler(PUSH_DEBOUNCE_MS, (uri) => void pushDiagnostics(uri));
const workspaceAudit = new WorkspaceAudit({
  workspace: () => workspace,
  analyzer: () => analyzer,
  documents,
  iam,
  filesExclude: (scopeUri) => (client.configuration ? connection.workspace.getConfiguration({ scopeUri, section: 'files.exclude' }) : Promise.resolve(undefined)),
  publish: (uri, diagnostics) => connection.sendDiagnostics({ uri, diagnostics }),
  applyEdit: (params) => connection.workspace.applyEdit(params),
  pull: () => client.pull,
  versionedEdits: () => client.versionedEdits,
  log,
  version,
});
/** Config files we pushed problems for, so they are cleared once fixed. */
const configDiagnosticsShown = new Set<string>();
// Distinguishes this server's result IDs from a previous instance's after a restart.
const session = Math.random().toString(36).slice(2, 8);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  client.pull = caps.textDocument?.diagnostic !== undefined;
  client.refresh = caps.workspace?.diagnostics?.refreshSupport === true;
  client.versionedEdits = caps.workspace?.workspaceEdit?.documentChanges === true;
  client.markdown = caps.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false;
  client.watchedFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  client.configurationChanges = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  client.folders = caps.workspace?.workspaceFolders === true;
  client.configuration = caps.workspace?.configuration === true;

  workspace = new Workspace({
    fetchSettings: client.configuration ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }) : undefined,
  });
  workspace.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
  analyzer = new Analyzer(iam, workspace, log, undefined, warmup);

  const literalActions = caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      diagnosticProvider: { identifier: 'aws-patterns', interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: literalActions ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: IAM_COMPLETION_TRIGGERS },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'aws-patterns', version },
  };
});

connection.onInitialized(() => {
  log.info(`AWS Patterns ${version} running in Node ${process.version}; ${client.pull ? 'pull' : 'push'} diagnostics.`);
  if (!existsSync(join(defaultIamDataDir(), 'index.json'))) log.error(`IAM data not found in ${defaultIamDataDir()}: IAM rules cannot run.`);
  if (client.configurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  // package.json: the project's aws-cdk-lib version picks the spelling of some fixes.
  if (client.watchedFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.aws-patterns.json' }, { globPattern: '**/package.json' }] });
  }
  if (client.folders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      workspace.addFolders(e.added, e.removed);
      environmentChanged();
    });
  }
  publishConfigProblems();
});

/** Settings, folders or a config file changed: drop every cache and re-run what is shown. */
function environmentChanged(): void {
  workspace.clear();
  analyzer.clear();
  publishConfigProblems();
  void workspaceAudit.refresh().catch((e) => logSafely('Refreshing audited files', e));
  if (client.pull) {
    if (client.refresh) connection.languages.diagnostics.refresh().catch((e) => logSafely('diagnostics refresh', e));
  } else {
    for (const doc of documents.all()) push.schedule(doc.uri);
  }
}

connection.onDidChangeConfiguration((change) => {
  workspace.setGlobalSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
  environmentChanged();
});

const isProjectManifest = (uri: string) => uri.endsWith('/package.json') && !uri.includes('/node_modules/');

connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((c) => isConfigFile(c.uri) || isProjectManifest(c.uri))) environmentChanged();
});

/**
 * A broken `.aws-patterns.json` shows on the file itself. While it is open, its live problems
 * come with its own diagnostics (analyzer); these pushed ones describe the file on disk.
 */
function publishConfigProblems(): void {
  try {
    for (const fc of workspace.allConfigs()) {
      if (documents.get(fc.uri)) {
        if (client.pull && configDiagnosticsShown.delete(fc.uri)) connection.sendDiagnostics({ uri: fc.uri, diagnostics: [] });
        continue;
      }
      const onDisk = fc.text === undefined ? undefined : TextDocument.create(fc.uri, 'json', 0, fc.text);
      const diagnostics = onDisk ? fc.problems.map((p) => configProblemToDiagnostic(onDisk, p)) : [];
      if (diagnostics.length === 0 && !configDiagnosticsShown.has(fc.uri)) continue;
      if (diagnostics.length) {
        configDiagnosticsShown.add(fc.uri);
        log.error(`${fc.uri} has ${diagnostics.length} problem(s); the rest of it applies, defaults replace what is broken.`);
      } else configDiagnosticsShown.delete(fc.uri);
      connection.sendDiagnostics({ uri: fc.uri, diagnostics });
    }
  } catch (e) {
    logSafely('Reading .aws-patterns.json', e);
  }
}

documents.onDidChangeContent((e) => {
  if (!client.pull) push.schedule(e.document.uri);
});

documents.onDidOpen((e) => {
  workspaceAudit.opened(e.document.uri);
  if (isConfigFile(e.document.uri)) publishConfigProblems();
});

documents.onDidClose((e) => {
  const uri = e.document.uri;
  push.cancel(uri);
  workspace.forget(uri);
  analyzer.forget(uri);
  // An audited file keeps showing its problems on disk; any other closed file shows none.
  if (!workspaceAudit.closed(uri) && !client.pull) connection.sendDiagnostics({ uri, diagnostics: [] });
  if (isConfigFile(uri)) publishConfigProblems();
});

/** Push mode: analyze the latest version; an outdated run gives way to the one already scheduled. */
async function pushDiagnostics(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  try {
    const report = await analyzer.report(doc, () => documents.get(uri)?.version !== version);
    if (report === STALE) return;
    connection.sendDiagnostics({ uri, version, diagnostics: report.diagnostics });
  } catch (e) {
    logSafely(`Analyzing ${uri}`, e);
    connection.sendDiagnostics({ uri, version, diagnostics: [] }); // never leave stale problems on screen
  }
}

const EMPTY_REPORT: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

connection.languages.diagnostics.on((params, token) =>
  safely('Diagnostics', EMPTY_REPORT, async (): Promise<DocumentDiagnosticReport> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return EMPTY_REPORT;
    workspaceAudit.pulled(doc.uri);
    const version = doc.version;
    const report = await analyzer.report(doc, () => token.isCancellationRequested || documents.get(doc.uri)?.version !== version);
    if (report === STALE) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; pull again.', { retriggerRequest: true });
    // Named by content, not version: after a keystroke that moved no diagnostic the client keeps its own.
    const resultId = `${session}:${report.diagnosticsId}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: report.diagnostics };
  }),
);

connection.onCodeAction((params, token) =>
  safely('Code actions', null, async () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const version = doc.version;
    const stale = () => token.isCancellationRequested || documents.get(doc.uri)?.version !== version;
    const report = await analyzer.report(doc, stale);
    if (report === STALE || stale()) return null;
    const actions = kindRequested(params.context.only, CodeActionKind.QuickFix)
      ? quickFixes(doc, report.result.findings, params.range, params.context.diagnostics, client.versionedEdits)
      : [];
    // Fix-all re-analyzes up to 10 times: computed only when asked for by kind (on save, the
    // command, the source action menu), not for every lightbulb request as the cursor moves.
    const only = params.context.only;
    if (only && kindRequested(only, FIX_ALL_KIND) && report.result.findings.some((f) => f.fix?.kind === 'safe')) {
      const fixed = analyzer.fixAll(doc, report);
      if (stale()) return null; // fixes computed for a version the editor no longer has
      if (fixed.edits.length) actions.push(fixAllAction(doc, toLspEdits(doc, fixed.edits), fixed.applied, client.versionedEdits));
    }
    return actions;
  }),
);

connection.onHover((params, token) =>
  safely('Hover', null, async () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const version = doc.version;
    const report = await analyzer.report(doc, () => token.isCancellationRequested || documents.get(doc.uri)?.version !== version);
    if (report === STALE) return null;
    const guidance = report.result.kind ? guidanceHover(doc, workspace.displayPath(doc.uri), doc.offsetAt(params.position), iam(), report.result, report.config) : undefined;
    return hoverFor(doc, report.result.findings, params.position, rulesById, client.markdown, report.result.kind, guidance);
  }),
);

connection.onCompletion((params) =>
  safely('Completion', null, async () => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !(await workspace.settingsFor(doc.uri)).enable) return null;
    const path = workspace.displayPath(doc.uri);
    const kind = fileKindOf(path, doc.languageId);
    return kind ? completionList(doc, path, kind, doc.offsetAt(params.position), iam()) : null;
  }),
);

/** A workspace command: errors are logged and answered as errors, cancellation as RequestCancelled. */
async function command<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof ResponseError)) log.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    throw e;
  }
}

// Progress goes to the token the client passed (client-initiated work-done progress); the client
// cancels by cancelling the request.
connection.onRequest(AuditWorkspaceRequest, (params, token) =>
  command('Audit Workspace', () => workspaceAudit.audit(token, connection.window.attachWorkDoneProgress(params.workDoneToken), params.summaryUri)),
);
connection.onRequest(ExportSarifRequest, () => command('Export SARIF Report', () => workspaceAudit.exportSarif()));
connection.onRequest(PrepareWorkspaceFixesRequest, (params, token) =>
  command('Fix All in Workspace', () => workspaceAudit.prepareFixes(token, connection.window.attachWorkDoneProgress(params.workDoneToken))),
);
connection.onRequest(ApplyWorkspaceFixesRequest, (params) => command('Fix All in Workspace', () => workspaceAudit.applyFixes(params.id)));

documents.listen(connection);
connection.listen();
