// A real LSP client for tests: starts the bundled server (`dist/server.js --stdio`) as a child
// process and talks JSON-RPC to it with vscode-jsonrpc. Waits are event-driven: each resolves on
// the message it waits for, and the timeout is only a guard against a hung server.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type ConfigurationItem,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type LogMessageParams,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
} from 'vscode-languageserver-protocol';

export const repoRoot = join(__dirname, '..', '..');
export const serverPath = join(repoRoot, 'dist', 'server.js');
const GUARD_MS = 20_000;

/** A `$/progress` notification: the token and its begin, report or end value. */
export interface ProgressParams<T> {
  token: string | number;
  value: T;
}

export interface ClientOptions {
  /** Declare pull diagnostics (and refresh support). */
  pull?: boolean;
  /** Answer `workspace/configuration`; omit to declare no configuration support. */
  configuration?: (item: ConfigurationItem) => unknown | Promise<unknown>;
  workspaceFolders?: string[];
  /** Extra capabilities merged over the defaults. */
  capabilities?: ClientCapabilities;
  /** Answers `workspace/applyEdit` (the server's "Fix All in Workspace"); refused when absent. */
  applyEdit?: (params: ApplyWorkspaceEditParams) => ApplyWorkspaceEditResult | Promise<ApplyWorkspaceEditResult>;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Resolves when a later event passes `test`; events already seen are checked first. */
class EventLog<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.all.push(value);
    const ready = this.waiters.filter((w) => w.test(value));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(value);
  }

  /** The first event from index `from` on that passes `test`. */
  wait(test: (value: T) => boolean, what: string, from = 0): Promise<T> {
    const seen = this.all.slice(from).find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), GUARD_MS);
      this.waiters.push({ test, resolve: (v) => (clearTimeout(timer), resolve(v)) });
    });
  }
}

/** Diagnostic messages may be markup in LSP 3.18; ours are plain strings. */
export function messageText(message: string | { value: string }): string {
  return typeof message === 'string' ? message : message.value;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export class TestClient {
  readonly diagnostics = new EventLog<PublishDiagnosticsParams>();
  readonly refreshes = new EventLog<number>();
  readonly registrations = new EventLog<Registration>();
  readonly configurationRequests = new EventLog<ConfigurationItem>();
  readonly progress = new EventLog<ProgressParams<unknown>>();
  readonly applyEdits = new EventLog<ApplyWorkspaceEditParams>();
  readonly logs = new EventLog<LogMessageParams>();
  stderr = '';
  initializeResult!: InitializeResult;
  private versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    child.stderr!.on('data', (d) => (client.stderr += String(d)));

    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.diagnostics.push(p);
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      client.logs.push(p);
    });
    // Work-done progress on tokens this client made up ($/progress): no per-token handler here.
    connection.onUnhandledProgress((p) => {
      client.progress.push(p);
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, async (p) => {
      client.applyEdits.push(p);
      return options.applyEdit ? options.applyEdit(p) : { applied: false, failureReason: 'this test client applies no edits' };
    });
    // `undefined` goes over the wire as `result: null`.
    connection.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) client.registrations.push(r);
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.refreshes.push(Date.now());
    });
    if (options.configuration) {
      const answer = options.configuration;
      // An answer may be a promise: a test can hold the server mid-request.
      connection.onRequest(ConfigurationRequest.type, (p) =>
        Promise.all(
          p.items.map((item) => {
            client.configurationRequests.push(item);
            return answer(item);
          }),
        ),
      );
    }
    connection.listen();

    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, versionSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      workspace: {
        workspaceEdit: { documentChanges: true },
        configuration: options.configuration !== undefined,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        applyEdit: true,
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      window: { workDoneProgress: true },
      ...options.capabilities,
    };
    const folders = (options.workspaceFolders ?? []).map((f, i) => ({ uri: fileUri(f), name: `folder${i}` }));
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      capabilities,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next published diagnostics for `uri` (at `version`, when given) that pass `test`. */
  waitForDiagnostics(uri: string, options: { version?: number; test?: (d: Diagnostic[]) => boolean; from?: number } = {}): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.wait(
      (p) => p.uri === uri && (options.version === undefined || p.version === options.version) && (options.test?.(p.diagnostics) ?? true),
      `diagnostics for ${uri}${options.version !== undefined ? ` v${options.version}` : ''}`,
      options.from ?? 0,
    );
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[], token?: CancellationTokenSource): Promise<(CodeAction | Command)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }, token?.token);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async configurationChanged(settings: unknown = {}): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}

export { CancellationTokenSource };
