// Shared steps of the extension-host suites. Everything waits for an editor event (diagnostics
// changed, document changed) with a deadline; nothing sleeps for a fixed time.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';

/** The repository root: this file runs from out/test/suite/. */
export const repoRoot = resolve(__dirname, '../../..');
export const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    snippets?: { language: string; path: string }[];
  };
};
export const extensionId = `${manifest.publisher}.${manifest.name}`;
export const SOURCE = 'aws-patterns';

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the e2e workspace open (test/fixtures/e2e-workspace)');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** The command contributed with this title in the "AWS Patterns" category. */
export function commandId(title: string): string {
  const found = manifest.contributes?.commands?.find((c) => c.title === title && c.category === 'AWS Patterns');
  if (!found) throw new Error(`package.json contributes no "AWS Patterns: ${title}" command`);
  return found.command;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves once `check` holds for the file's diagnostics (checked now and on every change). */
export function waitForDiagnostics(
  uri: vscode.Uri, check: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolvePromise, reject) => {
    const done = (): boolean => {
      const current = ours(uri);
      if (!check(current)) return false;
      cleanup();
      resolvePromise(current);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`).join(', ') || 'none';
      reject(new Error(`timed out waiting for ${what} on ${uri.fsPath}; diagnostics: ${seen}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      sub.dispose();
    };
    done();
  });
}

/** Opens a workspace file in an editor and waits until diagnostics for `rules` arrive. */
export async function openWithFindings(relative: string, rules: string[]): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = workspaceUri(relative);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostics = await waitForDiagnostics(uri, (ds) => rules.every((r) => ds.some((d) => ruleOf(d) === r)), `findings ${rules.join(', ')}`);
  return { editor, diagnostics };
}

/** Resolves when the document's text satisfies `check` (now or after a change). */
export function waitForText(doc: vscode.TextDocument, check: (text: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    if (check(doc.getText())) return resolvePromise(doc.getText());
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && check(doc.getText())) {
        clearTimeout(timer);
        sub.dispose();
        resolvePromise(doc.getText());
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    return undefined;
  });
}

/** Resolves with the label of the first tab whose label satisfies `check` (now or once it opens). */
export function waitForTab(check: (label: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
  const find = (): string | undefined => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).find(check);
  return new Promise((resolvePromise, reject) => {
    const now = find();
    if (now !== undefined) return resolvePromise(now);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const label = find();
      if (label === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolvePromise(label);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
      reject(new Error(`timed out waiting for ${what}; tabs: ${labels.join(', ') || 'none'}`));
    }, timeoutMs);
    return undefined;
  });
}

/** Reverts and closes every editor (no save prompt), so each test starts from the files on disk. */
export async function revertAndCloseAll(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.tabGroups.all.some((g) => g.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
