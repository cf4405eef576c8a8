// The bundled server with a client that pulls diagnostics (as VS Code does): reports on request,
// per-resource settings, `.aws-patterns.json` from the workspace folder, refresh on change, and a
// cancelled code action request answered with null.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type ConfigurationItem, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { CancellationTokenSource, TestClient, fileUri, messageText } from './client';

const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }]\n}\n';

function full(report: unknown): FullDocumentDiagnosticReport {
  const r = report as FullDocumentDiagnosticReport;
  assert.equal(r.kind, 'full', JSON.stringify(report));
  return r;
}

describe('language server, pull diagnostics (stdio)', () => {
  let client: TestClient;
  let folder: string;
  let configPath: string;
  let configUri: string;
  let docUri: string;
  /** Settings answered per scopeUri: tests change them, then notify the server. */
  let settingsFor: (item: ConfigurationItem) => unknown = () => ({});

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aws-patterns-lsp-'));
    configPath = join(folder, '.aws-patterns.json');
    configUri = fileUri(configPath);
    docUri = fileUri(join(folder, 'policies', 'app.json'));
    // Starts broken: a severity that does not exist.
    writeFileSync(configPath, '{\n  "rules": { "iam-wildcard-action": "loud" }\n}\n');
    client = await TestClient.start({ pull: true, workspaceFolders: [folder], configuration: (item) => settingsFor(item) });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('watches .aws-patterns.json and reports a broken one on the file itself', async () => {
    const registration = await client.registrations.wait((r) => r.method === 'workspace/didChangeWatchedFiles', 'file watcher registration');
    assert.deepEqual(registration.registerOptions, { watchers: [{ globPattern: '**/.aws-patterns.json' }, { globPattern: '**/package.json' }] });
    const published = await client.waitForDiagnostics(configUri, { test: (d) => d.length > 0 });
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.match(messageText(published.diagnostics[0].message), /Severity must be one of/);
    assert.deepEqual(published.diagnostics[0].range, { start: { line: 1, character: 36 }, end: { line: 1, character: 42 } });
  });

  it('serves a full report on request, then "unchanged" for the same version', async () => {
    await client.open(docUri, 'json', POLICY);
    const report = full(await client.pull(docUri));
    const codes = report.items.map((d) => d.code);
    assert.ok(codes.includes('iam-wildcard-action'), JSON.stringify(report.items));
    assert.ok(report.resultId);
    const again = await client.pull(docUri, report.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
  });

  it('answers "unchanged" after an edit that moved no diagnostic, and a full report after one that did', async () => {
    const uri = fileUri(join(folder, 'stack.ts'));
    const line = (bucket: string) => `new s3.Bucket(this, '${bucket}', { versioned: false });`;
    const text = (name: string, bucket: string) => `import * as s3 from 'aws-cdk-lib/aws-s3';\nconst name = '${name}';\n${line(bucket)}\n`;
    await client.open(uri, 'typescript', text('a', 'Logs'));
    const first = full(await client.pull(uri));
    assert.ok(first.items.some((d) => d.code === 's3-bucket-versioning'), JSON.stringify(first.items));
    // Typing on a line with no finding: every diagnostic stays where it was.
    await client.change(uri, text('ab', 'Logs'));
    const same = await client.pull(uri, first.resultId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });
    // Typing before a finding on its own line moves its range: the client gets the new list.
    await client.change(uri, text('ab', 'Logs2'));
    const moved = full(await client.pull(uri, first.resultId));
    assert.notEqual(moved.resultId, first.resultId);
    const before = first.items.find((d) => d.code === 's3-bucket-versioning')!;
    const after = moved.items.find((d) => d.code === 's3-bucket-versioning')!;
    assert.equal(after.range.start.character, before.range.start.character + 1);
    // A client that has no result (or an older one) always gets the full list.
    full(await client.pull(uri));
    full(await client.pull(uri, first.resultId));
    await client.close(uri);
  });

  it('asks for settings with the document as scope, once per document', async () => {
    const items = client.configurationRequests.all.filter((i) => i.scopeUri === docUri);
    assert.equal(items.length, 1);
    assert.equal(items[0].section, 'awsPatterns');
  });

  it('re-reads a fixed config file when it changes, clears its problem and asks for a refresh', async () => {
    writeFileSync(configPath, '{\n  "rules": { "iam-wildcard-action": "off" }\n}\n');
    const fromDiagnostics = client.diagnostics.all.length;
    const fromRefresh = client.refreshes.all.length;
    await client.watchedFilesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    const cleared = await client.waitForDiagnostics(configUri, { from: fromDiagnostics });
    assert.deepEqual(cleared.diagnostics, []);
    await client.refreshes.wait(() => true, 'diagnostics refresh', fromRefresh);
    const report = full(await client.pull(docUri));
    assert.deepEqual(
      report.items.filter((d) => d.code === 'iam-wildcard-action'),
      [],
      'the config turned the rule off',
    );
  });

  it('lets editor settings override the config file per resource, after a configuration change', async () => {
    settingsFor = (item) => (item.scopeUri === docUri ? { rules: { 'iam-wildcard-action': 'error' } } : {});
    const fromRefresh = client.refreshes.all.length;
    await client.configurationChanged();
    await client.refreshes.wait(() => true, 'diagnostics refresh', fromRefresh);
    const report = full(await client.pull(docUri));
    const found = report.items.filter((d) => d.code === 'iam-wildcard-action');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, DiagnosticSeverity.Error, 'the setting’s severity wins');
  });

  it('turns analysis off with awsPatterns.enable = false', async () => {
    settingsFor = () => ({ enable: false });
    const fromRefresh = client.refreshes.all.length;
    await client.configurationChanged();
    await client.refreshes.wait(() => true, 'diagnostics refresh', fromRefresh);
    assert.deepEqual(full(await client.pull(docUri)).items, []);
    settingsFor = () => ({});
    await client.configurationChanged();
  });

  it('reports the problems of an open config file live, from its text', async () => {
    await client.open(configUri, 'json', '{ "rules": { "no-such-rule": "off" }, "colour": 1 }');
    const report = full(await client.pull(configUri));
    assert.deepEqual(
      report.items.map((d) => messageText(d.message)),
      ['.aws-patterns.json: Unknown rule "no-such-rule".', '.aws-patterns.json: Unknown setting "colour".'],
    );
  });

  it('answers a code action request cancelled before it ran with null', async () => {
    // Keep the server busy with a large document, then queue a code action and cancel it at once.
    const busyUri = fileUri(join(folder, 'busy.json'));
    const statement = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"},';
    await client.open(busyUri, 'json', `{"Statement":[${statement.repeat(40_000)}{}]}`);
    const busy = client.pull(busyUri);
    const source = new CancellationTokenSource();
    const actions = client.codeActions(docUri, { start: { line: 2, character: 0 }, end: { line: 2, character: 80 } }, [], undefined, source);
    source.cancel();
    assert.equal(await actions, null);
    full(await busy);
  });

  it('never pushed diagnostics for documents (this client pulls)', () => {
    const pushed = client.diagnostics.all.filter((p) => p.uri !== configUri);
    assert.deepEqual(pushed, []);
    assert.ok(client.alive);
  });
});
