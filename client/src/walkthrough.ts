// The commands behind the first-run walkthrough (`contributes.walkthroughs`): open the bundled
// sample policy, go to a finding, open its quick fixes, insert one of our snippets. Each is a thin
// use of editor commands; the choices themselves live in plain modules tested without VS Code.
import {
  Selection, TextEditorRevealType, Uri, ViewColumn, commands, languages, window, workspace,
  type Diagnostic, type Disposable, type ExtensionContext, type TextEditor,
} from 'vscode';
import { COMMANDS, DIAGNOSTIC_SOURCE, LANGUAGES, SAMPLE_POLICY, WALKTHROUGH_ID } from '../../shared/settings';
import { nextFinding } from './nextFinding';
import { snippetChoices, snippetLanguages, type SnippetContribution } from './snippetChoices';

/** How long "Go to Next Finding" waits for the first diagnostics of a document just opened. */
const FIRST_DIAGNOSTICS_MS = 4000;

const analyzed: readonly string[] = LANGUAGES;

export function registerWalkthroughCommands(context: ExtensionContext): Disposable[] {
  const manifest = context.extension.packageJSON as { contributes?: { snippets?: SnippetContribution[] } };
  const snippets = manifest.contributes?.snippets ?? [];
  // Files of the extension itself, read through VS Code's file system (no Node I/O in the client).
  const readText = async (path: string): Promise<string> => new TextDecoder().decode(await workspace.fs.readFile(Uri.joinPath(context.extensionUri, path)));
  const readJsonFiles = async (paths: string[]): Promise<Map<string, unknown>> => {
    const read = await Promise.all(paths.map((p) => readText(p).then((t) => JSON.parse(t) as unknown, () => undefined)));
    return new Map(paths.map((p, i) => [p, read[i]]));
  };

  return [
    commands.registerCommand(COMMANDS.getStarted, () =>
      commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false),
    ),
    commands.registerCommand(COMMANDS.openSamplePolicy, async () => {
      const content = await readText(SAMPLE_POLICY);
      await show(await workspace.openTextDocument({ language: 'json', content }));
    }),
    commands.registerCommand(COMMANDS.goToNextFinding, () => goToFinding(false)),
    commands.registerCommand(COMMANDS.quickFixNextFinding, () => goToFinding(true)),
    commands.registerCommand(COMMANDS.insertSnippet, async (language?: unknown) => {
      const ours = snippetLanguages(snippets);
      const current = targetEditor();
      // From the walkthrough (a language argument) or with no editor of ours: a new untitled file.
      const languageId = typeof language === 'string' ? language : current && ours.includes(current.document.languageId) ? current.document.languageId : 'typescript';
      const files = await readJsonFiles(snippets.filter((c) => c.language === languageId).map((c) => c.path));
      const choices = snippetChoices(snippets, languageId, (path) => files.get(path));
      if (choices.length === 0) {
        void window.showInformationMessage(`AWS Patterns has no snippets for ${languageId} files.`);
        return;
      }
      const editor = typeof language !== 'string' && current?.document.languageId === languageId
        ? await show(current.document, current.viewColumn)
        : await show(await workspace.openTextDocument({ language: languageId, content: '' }));
      const pick = await window.showQuickPick(
        choices.map((c) => ({ label: c.prefix, description: c.name.replace(/^AWS: /, ''), detail: c.description, body: c.body })),
        { placeHolder: 'Insert an AWS pattern (in the editor, typing its prefix offers it too)', matchOnDescription: true, matchOnDetail: true },
      );
      if (!pick) return;
      await show(editor.document, editor.viewColumn);
      await commands.executeCommand('editor.action.insertSnippet', { snippet: pick.body });
    }),
  ];
}

/**
 * The editor the user means: the active one, or (when the walkthrough page is in front, which
 * is no text editor) the visible editor of a language we analyze.
 */
function targetEditor(): TextEditor | undefined {
  return window.activeTextEditor ?? window.visibleTextEditors.find((e) => analyzed.includes(e.document.languageId));
}

/**
 * Shows a document: in the active group when it holds a text editor or nothing, beside it when it
 * shows something else (the walkthrough), so the walkthrough stays in view.
 */
function show(document: TextEditor['document'], viewColumn?: ViewColumn): Thenable<TextEditor> {
  const besideOther = window.tabGroups.activeTabGroup.activeTab !== undefined && window.activeTextEditor === undefined;
  return window.showTextDocument(document, { viewColumn: viewColumn ?? (besideOther ? ViewColumn.Beside : ViewColumn.Active) });
}

async function goToFinding(quickFix: boolean): Promise<void> {
  const target = targetEditor();
  if (!target) {
    void window.showInformationMessage('Open a JSON, TypeScript or JavaScript file first, or run "AWS Patterns: Open Sample Policy".');
    return;
  }
  const finding = nextFinding(await ourDiagnostics(target.document.uri), target.selection.active, quickFix);
  if (!finding) {
    void window.showInformationMessage('AWS Patterns found nothing in this file.');
    return;
  }
  const editor = await show(target.document, target.viewColumn);
  editor.selection = new Selection(finding.range.start, finding.range.start);
  editor.revealRange(finding.range, TextEditorRevealType.InCenterIfOutsideViewport);
  await commands.executeCommand(quickFix ? 'editor.action.quickFix' : 'editor.action.showHover');
}

/** Our diagnostics of a document; for a document just opened, waits briefly for the first ones. */
function ourDiagnostics(uri: Uri): Promise<Diagnostic[]> {
  const current = () => languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (current().length) return Promise.resolve(current());
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(current());
    };
    const timer = setTimeout(done, FIRST_DIAGNOSTICS_MS);
    const subscription = languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && current().length) done();
    });
  });
}
