// The extension in a real VS Code extension host, through the public `vscode` API only: the
// language client, the bundled server, and the editor's own providers (snippets, code actions,
// hovers) all take part. Workspace: test/fixtures/e2e-workspace.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  commandId, extensionId, hoverText, manifest, openWithFindings, repoRoot, revertAndCloseAll,
  ruleOf, SOURCE, waitForDiagnostics, waitForTab, waitForText, workspaceUri,
} from './helpers';

suite('AWS Patterns in the extension host', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is not loaded`);
    // The extension under test is the repository's own folder, not an installed copy.
    assert.equal(ext.extensionPath, repoRoot);
    await ext.activate();
  });

  setup(revertAndCloseAll);

  test('diagnostics for the sample policy: the wildcard action, on its exact range', async () => {
    const { editor, diagnostics } = await openWithFindings('policies/reports-read.json', ['iam-wildcard-action']);
    const d = diagnostics.find((x) => ruleOf(x) === 'iam-wildcard-action')!;
    assert.equal(editor.document.getText(d.range), '"s3:*"');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d.source, SOURCE);
    assert.ok(typeof d.code === 'object' && d.code.target.toString().includes('iam-wildcard-action'), 'codeDescription links the rule page');
    // The resource is a specific ARN: no other finding on this statement.
    assert.deepEqual(diagnostics.map(ruleOf), ['iam-wildcard-action']);
  });

  test('diagnostics for the sample CDK stack: the bucket without enforceSSL and the wildcard statement', async () => {
    const { editor, diagnostics } = await openWithFindings('cdk/storage-stack.ts', ['s3-bucket-enforce-ssl', 'iam-wildcard-action']);
    const text = (rule: string): string => editor.document.getText(diagnostics.find((x) => ruleOf(x) === rule)!.range);
    assert.match(text('s3-bucket-enforce-ssl'), /Bucket/);
    assert.equal(text('iam-wildcard-action'), "'s3:*'");
  });

  test('a non-policy JSON file gets no findings', async () => {
    const uri = workspaceUri('package.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Open a policy after it: once the policy's findings are in, the server has answered both.
    await openWithFindings('policies/reports-read.json', ['iam-wildcard-action']);
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE), []);
  });

  test('a quick fix from executeCodeActionProvider, applied with applyEdit, changes the text and clears the finding', async () => {
    const { editor, diagnostics } = await openWithFindings('policies/reports-read.json', ['iam-wildcard-action']);
    const doc = editor.document;
    const before = doc.getText();
    const d = diagnostics.find((x) => ruleOf(x) === 'iam-wildcard-action')!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value,
    );
    // The API's code actions carry no diagnostics; the range holds this one finding only.
    const fixes = actions.filter((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    assert.ok(fixes.length > 0, `no quick fix for iam-wildcard-action; got ${actions.map((a) => a.title).join(' | ') || 'nothing'}`);
    const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), `applyEdit refused "${fix.title}"`);
    const after = await waitForText(doc, (t) => t !== before, 'the fix to change the text');
    assert.doesNotMatch(after, /"s3:\*"/);
    assert.doesNotThrow(() => JSON.parse(after), 'the fixed policy is still JSON');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => ruleOf(x) === 'iam-wildcard-action'), 'the finding to go after the fix');
  });

  test('a hover over the finding explains the rule and shows the ✅ pattern', async () => {
    const { editor, diagnostics } = await openWithFindings('policies/reports-read.json', ['iam-wildcard-action']);
    const d = diagnostics.find((x) => ruleOf(x) === 'iam-wildcard-action')!;
    const inside = d.range.start.translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, inside);
    const text = hoverText(hovers);
    assert.match(text, /iam-wildcard-action/);
    assert.match(text, /✅/);
  });

  test('a hover over the wildcard action counts what it grants, by access level', async () => {
    const { editor, diagnostics } = await openWithFindings('policies/reports-read.json', ['iam-wildcard-action']);
    const d = diagnostics.find((x) => ruleOf(x) === 'iam-wildcard-action')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, d.range.start.translate(0, 2));
    const text = hoverText(hovers);
    assert.match(text, /`s3:\*`\*\* grants \d+ actions/);
    for (const level of ['List', 'Read', 'Write']) assert.match(text, new RegExp(`\\| ${level} \\| \\d+ \\|`), `no ${level} row`);
  });

  test('a hover over a CDK bucket shows the guide\'s checklist, ✗ for what it lacks and ✓ for what it has', async () => {
    const { editor } = await openWithFindings('cdk/storage-stack.ts', ['s3-bucket-enforce-ssl']);
    const at = editor.document.positionAt(editor.document.getText().indexOf('s3.Bucket') + 4);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(text, /✗[^\n]*enforceSSL: true/, `no ✗ for enforceSSL in:\n${text}`);
    assert.match(text, /✓[^\n]*versioned: true/, `no ✓ for versioned in:\n${text}`);
  });

  for (const language of ['typescript', 'json']) {
    test(`every contributed ${language} snippet is offered by completion after "aws-"`, async () => {
      const prefixes = snippetPrefixes(language);
      assert.ok(prefixes.length > 0, `package.json contributes no ${language} snippets`);
      const doc = await vscode.workspace.openTextDocument({ language, content: 'aws-' });
      await vscode.window.showTextDocument(doc);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 4),
      );
      const offered = new Set(list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
      assert.deepEqual(prefixes.filter((p) => !offered.has(p)), [], 'snippets missing from completion');
    });
  }

  test('"AWS Patterns: Audit Workspace" reports files never opened and skips build output', async () => {
    const id = commandId('Audit Workspace');
    const admin = workspaceUri('policies/admin.json');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === admin.toString()), false, 'admin.json must not be open yet');
    await vscode.commands.executeCommand(id);
    const found = await waitForDiagnostics(admin, (ds) => ds.some((d) => ruleOf(d) === 'iam-wildcard-action'), 'the audit to report admin.json');
    assert.equal(found.find((d) => ruleOf(d) === 'iam-wildcard-action')!.severity, vscode.DiagnosticSeverity.Error, '"*" on "*" is an error');
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri('cdk.out/StorageStack.template.json')), [], 'cdk.out is build output');
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri('package.json')).filter((d) => d.source === SOURCE), []);
    // And the summary opens (the tab reaches the extension host as an event, after the command).
    await waitForTab((label) => label.includes('AWS Patterns audit'), 'the audit summary');
  });

  test('"AWS Patterns: Audit Workspace" also reports a file that was opened and closed before it', async () => {
    // Closing an editor does not close its document at once (VS Code keeps the model a while);
    // the audit must still list the file's findings in the Problems panel.
    await openWithFindings('cdk/storage-stack.ts', ['s3-bucket-enforce-ssl']);
    await revertAndCloseAll();
    await vscode.commands.executeCommand(commandId('Audit Workspace'));
    await waitForDiagnostics(workspaceUri('cdk/storage-stack.ts'), (ds) => ds.some((d) => ruleOf(d) === 's3-bucket-enforce-ssl'), 'the audit to report the stack');
  });
});

/** The prefixes of the snippets package.json contributes for `language`. */
function snippetPrefixes(language: string): string[] {
  const files = (manifest.contributes?.snippets ?? []).filter((s) => s.language === language);
  return files.flatMap((f) => {
    const snippets = JSON.parse(readFileSync(join(repoRoot, f.path), 'utf8')) as Record<string, { prefix: string | string[] }>;
    return Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
  }).filter((p) => p.startsWith('aws-'));
}
