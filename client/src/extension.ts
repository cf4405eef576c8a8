// The VS Code side: starts the language server and registers palette commands. No analysis
// happens here; everything that can be tested without VS Code lives in the server.
import { commands, window, type ExtensionContext } from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { COMMANDS, FIX_ALL_KIND, LANGUAGES, SETTINGS_SECTION } from '../../shared/settings';
import { registerWalkthroughCommands } from './walkthrough';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const outputChannel = window.createOutputChannel('AWS Patterns', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // The client decides when to validate (pull model): on every change and on save.
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  // The id doubles as the settings prefix: `awsPatterns.trace.server` traces the protocol.
  client = new LanguageClient(SETTINGS_SECTION, 'AWS Patterns', serverOptions, clientOptions);

  context.subscriptions.push(
    outputChannel,
    commands.registerCommand(COMMANDS.showOutput, () => outputChannel.show(true)),
    commands.registerCommand(COMMANDS.restartServer, () => client?.restart()),
    commands.registerCommand(COMMANDS.fixAll, () => commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' })),
    ...registerWalkthroughCommands(context),
  );
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
