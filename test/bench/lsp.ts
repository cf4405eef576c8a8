// Editor latency as a client sees it: the real server bundle (`dist/server.js --stdio`) driven
// over stdio by the LSP protocol library VS Code's own client is built on. A client with pull
// diagnostics (as VS Code is) times `didChange` → the `textDocument/diagnostic` response; a
// push-only client times `didChange` → the `publishDiagnostics` carrying that version.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export type DiagnosticsMode = 'pull' | 'push';

export interface SessionOptions {
  serverPath: string;
  workspaceRoot: string;
  mode: DiagnosticsMode;
  /** Extra node flags for the server process (e.g. `--require` of the RSS probe). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

const TIMEOUT_MS = 60_000;

function withTimeout<T>(p: Promise<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class ServerSession {
  readonly connection: ProtocolConnection;
  capabilities: InitializeResult['capabilities'] = {};
  private stderr = '';
  private readonly publishWaiters: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private exited = false;

  private constructor(
    readonly proc: ChildProcess,
    readonly options: SessionOptions,
  ) {
    proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    proc.on('exit', () => (this.exited = true));
    this.connection = createProtocolConnection(proc.stdout!, proc.stdin!);
    // Answer what a server may ask of its client: settings (defaults), registrations, progress.
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      for (let i = 0; i < this.publishWaiters.length; i++) {
        const w = this.publishWaiters[i];
        if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version >= w.version)) {
          this.publishWaiters.splice(i, 1);
          w.resolve(p);
          return;
        }
      }
    });
    this.connection.listen();
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: SessionOptions): Promise<ServerSession> {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const session = new ServerSession(proc, options);
    const textDocument: ClientCapabilities['textDocument'] = {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    };
    if (options.mode === 'pull') textDocument.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
    const root = pathToFileURL(options.workspaceRoot).toString();
    const result = await withTimeout(
      session.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: 'bench' }],
        capabilities: { textDocument, workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } } },
      }),
      `initialize${session.describeFailure()}`,
    );
    session.capabilities = result.capabilities;
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  private describeFailure(): string {
    return this.exited ? ` (server exited: ${this.stderr.slice(-500)})` : '';
  }

  get supportsPull(): boolean {
    return this.capabilities.diagnosticProvider !== undefined;
  }

  get incrementalSync(): boolean {
    const sync = this.capabilities.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync?.change;
    return kind === TextDocumentSyncKind.Incremental;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Last result id and item count per document, sent back as VS Code's client does. */
  private readonly pulled = new Map<string, { resultId: string | undefined; items: number }>();

  pull(uri: string): Promise<DocumentDiagnosticReport> {
    const previousResultId = this.pulled.get(uri)?.resultId;
    return withTimeout(this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }), `diagnostics of ${uri}${this.describeFailure()}`);
  }

  /** Resolves with the next publishDiagnostics for `uri` at `version` or later. Register before sending. */
  nextPublish(uri: string, version: number | undefined): Promise<PublishDiagnosticsParams> {
    return withTimeout(new Promise((resolve) => this.publishWaiters.push({ uri, version, resolve })), `publishDiagnostics of ${uri}${this.describeFailure()}`);
  }

  /** Diagnostics for the document as the chosen client mode receives them; returns their count. */
  async diagnostics(uri: string, version: number, send: () => Promise<void>): Promise<number> {
    if (this.options.mode === 'pull') {
      await send();
      const report = await this.pull(uri);
      // "unchanged": the client keeps the diagnostics it has.
      const items = report.kind === 'full' ? report.items.length : (this.pulled.get(uri)?.items ?? -1);
      this.pulled.set(uri, { resultId: report.resultId, items });
      return items;
    }
    const published = this.nextPublish(uri, version);
    await send();
    return (await published).diagnostics.length;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 10_000);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // A server that does not shut down cleanly is killed below; the figures already stand.
      }
    }
    await withTimeout(
      new Promise<void>((resolve) => {
        if (this.exited) resolve();
        else this.proc.on('exit', () => resolve());
      }),
      'server exit',
      10_000,
    ).catch(() => this.proc.kill('SIGKILL'));
    this.connection.dispose();
  }
}

export interface LatencyFigures {
  mode: DiagnosticsMode;
  edits: number;
  samples: number[];
  /** Diagnostics the last response carried (proves the server analyzed the file). */
  lastDiagnostics: number;
}

/**
 * Opens `text`, then types `edits` characters one by one into a string literal near its middle:
 * at once, or after `pauseMs` of reading, as a user does after opening a file.
 */
export async function keystrokeLatency(options: SessionOptions, path: string, text: string, edits: number, pauseMs = 0): Promise<LatencyFigures> {
  const session = await ServerSession.start(options);
  try {
    if (options.mode === 'pull' && !session.supportsPull) throw new Error('the server does not declare diagnosticProvider (pull diagnostics)');
    const uri = pathToFileURL(path).toString();
    let version = 1;
    await session.diagnostics(uri, version, () => session.open(uri, 'typescript', text));
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const { line, character, offset } = typingSpot(text);
    let current = text;
    const samples: number[] = [];
    let lastDiagnostics = 0;
    for (let i = 0; i < edits; i++) {
      const ch = String.fromCharCode(97 + (i % 26));
      const at = offset + i;
      current = current.slice(0, at) + ch + current.slice(at);
      version++;
      const change: TextDocumentContentChangeEvent = session.incrementalSync
        ? { range: { start: { line, character: character + i }, end: { line, character: character + i } }, text: ch }
        : { text: current };
      const t0 = performance.now();
      lastDiagnostics = await session.diagnostics(uri, version, () => session.change(uri, version, [change]));
      samples.push(performance.now() - t0);
    }
    return { mode: options.mode, edits, samples, lastDiagnostics };
  } finally {
    await session.stop();
  }
}

/**
 * Just inside the first string literal at or after the middle line (else the first one in the
 * file): typing there keeps the file valid.
 */
export function typingSpot(text: string): { line: number; character: number; offset: number } {
  const lines = text.split('\n');
  const spots: { line: number; character: number; offset: number }[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const quote = lines[i].indexOf("'");
    if (quote >= 0 && !lines[i].trimStart().startsWith('//')) spots.push({ line: i, character: quote + 1, offset: offset + quote + 1 });
    offset += lines[i].length + 1;
  }
  const spot = spots.find((s) => s.line >= lines.length / 2) ?? spots[0];
  if (!spot) throw new Error('no string literal in the file to type into');
  return spot;
}

export interface ColdStartFigures {
  mode: DiagnosticsMode;
  samples: number[];
  lastDiagnostics: number;
}

/** Spawn → initialize → didOpen → first diagnostics, in a fresh server each run. */
export async function coldStart(options: SessionOptions, path: string, text: string, runs: number): Promise<ColdStartFigures> {
  const samples: number[] = [];
  let lastDiagnostics = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const session = await ServerSession.start(options);
    try {
      const uri = pathToFileURL(path).toString();
      lastDiagnostics = await session.diagnostics(uri, 1, () => session.open(uri, 'typescript', text));
      samples.push(performance.now() - t0);
    } finally {
      await session.stop();
    }
  }
  return { mode: options.mode, samples, lastDiagnostics };
}

export interface ServerAuditFigures {
  peakRssMb: number;
  wallMs: number;
  findings: number;
  filesChecked: number;
}

/**
 * Peak RSS of the server over a full audit (`awsPatterns/auditWorkspace`, the "Audit Workspace"
 * command): VmHWM of the live process once the request has answered (Linux /proc).
 */
export async function serverAuditMemory(options: SessionOptions): Promise<ServerAuditFigures> {
  const session = await ServerSession.start(options);
  try {
    const t0 = performance.now();
    const result = await withTimeout(session.connection.sendRequest<{ findings: number; filesChecked: number }>('awsPatterns/auditWorkspace', {}), 'the workspace audit', 900_000);
    const wallMs = performance.now() - t0;
    const hwm = /VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${session.proc.pid}/status`, 'utf8'))?.[1];
    if (!hwm) throw new Error('no VmHWM in /proc: peak RSS of a live process is read on Linux only');
    return { peakRssMb: Number(hwm) / 1024, wallMs, findings: result.findings, filesChecked: result.filesChecked };
  } finally {
    await session.stop();
  }
}
