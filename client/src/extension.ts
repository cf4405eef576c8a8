// The VS Code side: starts the language server and registers palette commands. No analysis
// happens here; everything that can be tested without VS Code lives in the server. The workspace
// commands send a request, show the server's progress in a cancellable notification, and show
// what the server returns.
import {
  EventEmitter,
  ProgressLocation,
  TabInputText,
  TabInputTextDiff,
  Uri,
  commands,
  window,
  workspace,
  type CancellationToken,
  type ExtensionContext,
  type TextDocumentContentProvider,
} from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  WorkDoneProgress,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ApplyWorkspaceFixesRequest,
  AuditWorkspaceRequest,
  COMMANDS,
  ExportSarifRequest,
  FIX_ALL_KIND,
  LANGUAGES,
  PrepareWorkspaceFixesRequest,
  SERVER_EXEC_ARGV,
  SETTINGS_SECTION,
} from '../../shared/settings';
import { registerWalkthroughCommands } from './walkthrough';

let client: LanguageClient | undefined;

function isShownInTab(uri: Uri): boolean {
  const key = uri.toString();
  return window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => {
      const input = tab.input;
      if (input instanceof TabInputText) return input.uri.toString() === key;
      if (input instanceof TabInputTextDiff) return input.modified.toString() === key || input.original.toString() === key;
      return false;
    }),
  );
}

/**
 * Where the audit summary goes: a Markdown file in the extension's storage (outside the
 * workspace), shown as a preview. Previews follow relative links but not `file:` URIs, so the
 * server writes each finding's link relative to this file. Where storage is not on disk (a web
 * editor), a read-only virtual document shows the Markdown text instead.
 */
class Summary implements TextDocumentContentProvider {
  static readonly virtualUri = Uri.from({ scheme: 'aws-patterns-audit', path: '/AWS Patterns audit.md' });
  private text = '';
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly storage: Uri) {}

  get fileUri(): Uri | undefined {
    return this.storage.scheme === 'file' ? Uri.joinPath(this.storage, 'AWS Patterns audit.md') : undefined;
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  async show(markdown: string): Promise<void> {
    const file = this.fileUri;
    if (file) {
      await workspace.fs.createDirectory(this.storage);
      await workspace.fs.writeFile(file, new TextEncoder().encode(markdown));
      try {
        await commands.executeCommand('markdown.showPreview', file);
        return;
      } catch {
        // No Markdown preview (the built-in extension disabled): the text, below.
      }
    }
    this.text = markdown;
    this.changed.fire(Summary.virtualUri);
    await window.showTextDocument(await workspace.openTextDocument(file ?? Summary.virtualUri), { preview: false });
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

let progressTokens = 0;

/**
 * Runs a request that reports LSP work-done progress on a token we create, in a notification
 * that counts and can be cancelled (cancelling cancels the request). Undefined when cancelled.
 */
function withServerProgress<R>(title: string, send: (workDoneToken: string, token: CancellationToken) => Promise<R>): Thenable<R | undefined> {
  return window.withProgress({ location: ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = `aws-patterns-${Date.now()}-${++progressTokens}`;
    let shown = 0;
    const listener = client!.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const percentage = value.percentage ?? shown;
      progress.report({ message: value.message, increment: Math.max(0, percentage - shown) });
      shown = percentage;
    });
    try {
      return await send(workDoneToken, token);
    } catch (e) {
      if (token.isCancellationRequested) return undefined;
      throw e;
    } finally {
      listener.dispose();
    }
  });
}

async function auditWorkspace(summary: Summary): Promise<boolean> {
  const result = await withServerProgress('AWS Patterns: auditing the workspace', (workDoneToken, token) =>
    client!.sendRequest(AuditWorkspaceRequest, { workDoneToken, summaryUri: summary.fileUri?.toString() }, token),
  );
  if (!result) {
    void window.showInformationMessage('AWS Patterns: audit cancelled.');
    return false;
  }
  await summary.show(result.markdown);
  return true;
}

async function exportSarif(summary: Summary): Promise<void> {
  let exported = await client!.sendRequest(ExportSarifRequest);
  if (!exported) {
    const pick = await window.showInformationMessage('AWS Patterns: there is no audit to export yet.', 'Audit Workspace');
    if (pick !== 'Audit Workspace' || !(await auditWorkspace(summary))) return;
    exported = await client!.sendRequest(ExportSarifRequest);
    if (!exported) return;
  }
  const target = await window.showSaveDialog({
    defaultUri: exported.defaultUri ? Uri.parse(exported.defaultUri) : undefined,
    filters: { SARIF: ['sarif', 'json'] },
    saveLabel: 'Export',
    title: 'Export SARIF Report',
  });
  if (!target) return;
  await workspace.fs.writeFile(target, new TextEncoder().encode(exported.sarif));
  void window.showInformationMessage(`AWS Patterns: SARIF report written to ${target.scheme === 'file' ? target.fsPath : target.toString()}.`);
}

async function fixAllInWorkspace(): Promise<void> {
  const plan = await withServerProgress('AWS Patterns: computing fixes', (workDoneToken, token) =>
    client!.sendRequest(PrepareWorkspaceFixesRequest, { workDoneToken }, token),
  );
  if (!plan) return;
  if (plan.edits === 0) {
    void window.showInformationMessage('AWS Patterns: nothing in the workspace has a fix to apply.');
    return;
  }
  const apply = 'Apply Fixes';
  const behaviour = plan.unsafeFixes
    ? `${plan.unsafeFixes === plan.fixes ? 'All' : plan.unsafeFixes} of them change what gets deployed (a bucket setting, a runtime...): review the changes before you deploy. `
    : '';
  const answer = await window.showWarningMessage(
    `Apply ${plural(plan.fixes, 'fix', 'fixes')}: ${plural(plan.edits, 'edit')} in ${plural(plan.files, 'file')}?`,
    { modal: true, detail: `${behaviour}One Undo reverts them all.` },
    apply,
  );
  if (answer !== apply) return;
  const result = await client!.sendRequest(ApplyWorkspaceFixesRequest, { id: plan.id });
  if (result.applied) void window.showInformationMessage(`AWS Patterns: applied ${plural(plan.fixes, 'fix', 'fixes')} in ${plural(plan.files, 'file')}.`);
  else void window.showErrorMessage(`AWS Patterns: ${result.reason ?? 'the fixes were not applied.'}`);
}

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = window.createOutputChannel('AWS Patterns', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // The client decides when to validate (pull model): on every change and on save.
    diagnosticPullOptions: { onChange: true, onSave: true },
    // The workspace audit pushes every file's problems; a file shown in a tab has them by pull,
    // so its pushed copy is dropped here rather than listed twice.
    middleware: { handleDiagnostics: (uri, diagnostics, next) => next(uri, isShownInTab(uri) ? [] : diagnostics) },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  // The id doubles as the settings prefix: `awsPatterns.trace.server` traces the protocol.
  client = new LanguageClient(SETTINGS_SECTION, 'AWS Patterns', serverOptions, clientOptions);
  const summary = new Summary(context.storageUri ?? context.globalStorageUri);

  context.subscriptions.push(
    outputChannel,
    workspace.registerTextDocumentContentProvider(Summary.virtualUri.scheme, summary),
    commands.registerCommand(COMMANDS.showOutput, () => outputChannel.show(true)),
    commands.registerCommand(COMMANDS.restartServer, () => client?.restart()),
    commands.registerCommand(COMMANDS.fixAll, () => commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' })),
    commands.registerCommand(COMMANDS.auditWorkspace, () => auditWorkspace(summary)),
    commands.registerCommand(COMMANDS.exportSarif, () => exportSarif(summary)),
    commands.registerCommand(COMMANDS.fixAllInWorkspace, () => fixAllInWorkspace()),
    ...registerWalkthroughCommands(context),
  );
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
