// "Audit Workspace", "Export SARIF Report" and "Fix All in Workspace" over the wire: the bundled
// server over stdio, a fixture workspace on disk, work-done progress on a client token,
// diagnostics for every file, a clean stop on cancel, and one workspace edit for the fixes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LSPErrorCodes, type ApplyWorkspaceEditParams, type ConfigurationItem, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol';
import {
  ApplyWorkspaceFixesRequest,
  AuditWorkspaceRequest,
  ExportSarifRequest,
  PrepareWorkspaceFixesRequest,
  type AuditWorkspaceResult,
} from '../../shared/settings';
import { generateWorkspace, writeFiles } from '../helpers/workspace';
import { CancellationTokenSource, TestClient, fileUri, messageText, type ProgressParams } from './client';
import { validateSarif } from '../helpers/sarif';

const ADMIN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "*", "Resource": "*" }\n  ]\n}\n';
const CLEAN = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }]\n}\n';
const BUCKET = "import * as s3 from 'aws-cdk-lib/aws-s3';\n\nnew s3.Bucket(this, 'Logs', { versioned: true });\n";
const OLD_RUNTIME =
  "import * as lambda from 'aws-cdk-lib/aws-lambda';\n\nnew lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_16_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist') });\n";

type Progress = { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean };

function progressOf(client: TestClient, token: string): Progress[] {
  return client.progress.all.filter((p: ProgressParams<unknown>) => p.token === token).map((p) => p.value as Progress);
}

describe('workspace audit over LSP', () => {
  let ws: string;
  let client: TestClient;
  const settings: Record<string, unknown> = {};

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-audit-'));
    writeFiles(ws, {
      'policies/admin.json': ADMIN,
      'policies/clean.json': CLEAN,
      'policies/broken.json': '{ "Statement": [ ',
      'infra/package.json': JSON.stringify({ dependencies: { 'aws-cdk-lib': '2.200.0' } }),
      'infra/lib/storage.ts': BUCKET,
      'infra/lib/compute.ts': OLD_RUNTIME,
      'notes.md': ADMIN,
      // Never audited: dependencies, synth output, build output, .gitignore'd, config-ignored, files.exclude'd.
      'node_modules/dep/policy.json': ADMIN,
      'cdk.out/Stack.template.json': ADMIN,
      'test/__snapshots__/Stack.template.json': ADMIN.replace('{', '{ "Metadata": { "aws:cdk:path": "Stack/Role/Resource" },'),
      'dist/policy.json': ADMIN,
      '.gitignore': 'generated/\n',
      'generated/policy.json': ADMIN,
      '.aws-patterns.json': '{ "ignore": ["legacy/"] }\n',
      'legacy/policy.json': ADMIN,
      'hidden/policy.json': ADMIN,
    });
    client = await TestClient.start({
      pull: true,
      workspaceFolders: [ws],
      configuration: (item: ConfigurationItem) => (item.section === 'files.exclude' ? { '**/hidden': true, '**/.git': true } : settings),
      applyEdit: (p) => applyToDisk(p),
    });
  });
  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  const audited = ['infra/lib/compute.ts', 'infra/lib/storage.ts', 'infra/package.json', 'policies/admin.json', 'policies/broken.json', 'policies/clean.json'];
  let result: AuditWorkspaceResult;

  it('audits every file of the folder with progress that counts files, and publishes diagnostics for each', async () => {
    const from = client.diagnostics.all.length;
    result = await client.connection.sendRequest(AuditWorkspaceRequest, { workDoneToken: 'audit-1' });
    const progress = progressOf(client, 'audit-1');
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress[0].cancellable, true);
    assert.equal(progress.at(-1)!.kind, 'end');
    const reports = progress.filter((p) => p.kind === 'report');
    assert.ok(reports.length >= 1);
    assert.equal(reports.at(-1)!.message, `${audited.length}/${audited.length} files`);
    assert.equal(reports.at(-1)!.percentage, 100);

    const published = new Map(client.diagnostics.all.slice(from).map((p) => [p.uri, p.diagnostics]));
    assert.deepEqual([...published.keys()].map((u) => fileURLToPath(u).slice(ws.length + 1).split('\\').join('/')).sort(), audited);
    assert.deepEqual(published.get(fileUri(join(ws, 'policies/clean.json'))), [], 'a clean file gets an empty list');
    const admin = published.get(fileUri(join(ws, 'policies/admin.json')))!;
    const wildcard = admin.find((d) => d.code === 'iam-wildcard-action')!;
    assert.deepEqual(wildcard.range, { start: { line: 3, character: 35 }, end: { line: 3, character: 38 } });
    assert.equal(wildcard.source, 'aws-patterns');
    assert.match(messageText(published.get(fileUri(join(ws, 'policies/broken.json')))![0].message), /JSON/);
    // The project's aws-cdk-lib (2.200.0 has no NODEJS_24_X) picks the replacement runtime.
    const runtime = published.get(fileUri(join(ws, 'infra/lib/compute.ts')))!.find((d) => d.code === 'lambda-deprecated-runtime')!;
    assert.match(messageText(runtime.message), /Move to nodejs22\.x/);

    assert.equal(result.filesChecked, audited.length);
    const total = [...published.values()].flat().filter((d) => d.code !== undefined).length;
    assert.equal(result.findings, total);
    assert.equal(result.bySeverity.error + result.bySeverity.warning + result.bySeverity.information + result.bySeverity.hint, total);
  });

  it('returns a summary with counts by severity, rule and service, top files, and a link per finding', () => {
    const md = result.markdown;
    for (const heading of ['## By severity', '## By rule', '## By service', '## Files with the most findings', '## Findings', '## Files not fully analyzed']) {
      assert.ok(md.includes(heading), heading);
    }
    assert.match(md, /\| \[iam-wildcard-action\]\(<https:\/\/github\.com\/aws-patterns\/aws-patterns\/blob\/main\/docs\/rules\/iam-wildcard-action\.md>\) \| iam \|/);
    const adminLink = `${fileUri(join(ws, 'policies/admin.json'))}#L4,36`;
    assert.ok(md.includes(`[4:36](<${adminLink}>)`), md);
    const links = [...md.matchAll(/\]\(<(file:[^>]+)>\)/g)].map((m) => m[1]);
    assert.ok(links.length >= result.findings, 'every finding has a link');
    for (const l of links) assert.match(l, /#L\d+,\d+$/);
  });

  it('writes links relative to the summary file when the client says where it will save it', async () => {
    const summaryUri = fileUri(join(ws, '.vscode-storage', 'summary', 'AWS Patterns audit.md'));
    const relative = await client.connection.sendRequest(AuditWorkspaceRequest, { summaryUri });
    assert.ok(relative.markdown.includes('[4:36](<../../policies/admin.json#L4,36>)'), relative.markdown);
    assert.ok(!relative.markdown.includes('file:'), 'no file: URIs (Markdown previews do not follow them)');
  });

  it('exports the last audit as SARIF 2.1.0 that validates against the schema', async () => {
    const exported = await client.connection.sendRequest(ExportSarifRequest);
    assert.ok(exported);
    assert.equal(exported.defaultUri, `${fileUri(ws)}/aws-patterns.sarif`);
    const sarif = JSON.parse(exported.sarif);
    assert.deepEqual(validateSarif(sarif), []);
    assert.equal(sarif.runs[0].results.length, result.findings);
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.ruleId === 'iam-wildcard-action' && r.locations[0].physicalLocation.artifactLocation.uri === 'policies/admin.json'));
  });

  it('hands an audited file to pull diagnostics while it is open, and shows its disk problems again when closed', async () => {
    const uri = fileUri(join(ws, 'policies/admin.json'));
    const from = client.diagnostics.all.length;
    await client.open(uri, 'json', ADMIN);
    await client.waitForDiagnostics(uri, { from, test: (d) => d.length === 0 });
    await client.close(uri);
    const again = await client.waitForDiagnostics(uri, { from: from + 1, test: (d) => d.length > 0 });
    assert.ok(again.diagnostics.some((d) => d.code === 'iam-wildcard-action'));
  });

  it('re-analyzes the audited files live when the settings change', async () => {
    const uri = fileUri(join(ws, 'policies/admin.json'));
    const from = client.diagnostics.all.length;
    settings.rules = { 'iam-wildcard-action': 'off' };
    await client.configurationChanged();
    const off = await client.waitForDiagnostics(uri, { from });
    assert.ok(!off.diagnostics.some((d) => d.code === 'iam-wildcard-action'), JSON.stringify(off.diagnostics));
    delete settings.rules;
    const back = client.diagnostics.all.length;
    await client.configurationChanged();
    await client.waitForDiagnostics(uri, { from: back, test: (d) => d.some((x) => x.code === 'iam-wildcard-action') });
  });

  it('fixes the workspace in one edit after a plan, and a second plan has nothing left', async () => {
    const storage = join(ws, 'infra/lib/storage.ts');
    const plan = await client.connection.sendRequest(PrepareWorkspaceFixesRequest, { workDoneToken: 'fix-1' });
    assert.ok(plan.fixes >= 1 && plan.edits >= 1 && plan.files >= 1, JSON.stringify(plan));
    assert.ok(plan.unsafeFixes <= plan.fixes);
    assert.equal(progressOf(client, 'fix-1').at(-1)?.kind, 'end');
    const before = readFileSync(storage, 'utf8');
    const from = client.applyEdits.all.length;
    assert.deepEqual(await client.connection.sendRequest(ApplyWorkspaceFixesRequest, { id: plan.id }), { applied: true });
    const sent = await client.applyEdits.wait(() => true, 'workspace/applyEdit', from);
    assert.equal(sent.label, 'AWS Patterns: Fix All in Workspace');
    assert.deepEqual(sent.metadata, { isRefactoring: true });
    const changes = sent.edit.documentChanges as TextDocumentEdit[];
    assert.equal(changes.length, plan.files, 'one workspace edit covers every file');
    assert.equal(changes.reduce((n, c) => n + c.edits.length, 0), plan.edits);
    for (const c of changes) assert.equal(c.textDocument.version, null, 'closed files are edited by path');
    assert.notEqual(readFileSync(storage, 'utf8'), before);
    assert.match(readFileSync(storage, 'utf8'), /encryption: s3\.BucketEncryption\.S3_MANAGED/);
    const again = await client.connection.sendRequest(PrepareWorkspaceFixesRequest, {});
    assert.equal(again.edits, 0, JSON.stringify(again));
  });

  it('refuses a plan whose files changed on disk, and a plan it does not know', async () => {
    writeFileSync(join(ws, 'infra/lib/more.ts'), BUCKET);
    const plan = await client.connection.sendRequest(PrepareWorkspaceFixesRequest, {});
    assert.ok(plan.edits > 0);
    writeFileSync(join(ws, 'infra/lib/more.ts'), `${BUCKET}// edited\n`);
    const r = await client.connection.sendRequest(ApplyWorkspaceFixesRequest, { id: plan.id });
    assert.equal(r.applied, false);
    assert.match(r.reason!, /changed since the fixes were computed/);
    assert.equal((await client.connection.sendRequest(ApplyWorkspaceFixesRequest, { id: plan.id })).applied, false, 'a plan is used once');
    assert.equal(readFileSync(join(ws, 'infra/lib/more.ts'), 'utf8'), `${BUCKET}// edited\n`);
  });
});

describe('workspace audit cancelled midway', () => {
  let ws: string;
  let client: TestClient;
  const COUNT = 400;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-cancel-'));
    generateWorkspace(ws, COUNT);
    client = await TestClient.start({ pull: true, workspaceFolders: [ws], configuration: () => ({}) });
  });
  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('stops between two files, ends its progress, answers RequestCancelled and keeps serving', async () => {
    const source = new CancellationTokenSource();
    const from = client.diagnostics.all.length;
    const pending = client.connection.sendRequest(AuditWorkspaceRequest, { workDoneToken: 'audit-cancel' }, source.token);
    // Cancel once the server has analyzed some files, well before all of them.
    await client.progress.wait((p) => p.token === 'audit-cancel' && (p.value as Progress).kind === 'report' && /^\d+\/\d+ files$/.test((p.value as Progress).message ?? ''), 'first progress report');
    source.cancel();
    await assert.rejects(pending, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    const progress = progressOf(client, 'audit-cancel');
    assert.equal(progress.at(-1)!.kind, 'end', 'the progress ends');
    const analyzed = client.diagnostics.all.length - from;
    assert.ok(analyzed > 0 && analyzed < COUNT, `stopped midway: ${analyzed} of ${COUNT} files`);

    // A round trip later, nothing more was published, and no half audit is offered for export.
    assert.equal(await client.connection.sendRequest(ExportSarifRequest), null);
    assert.equal(client.diagnostics.all.length - from, analyzed, 'no diagnostics after the stop');
    assert.ok(client.alive);

    // The server audits the whole workspace afterwards.
    const full = await client.connection.sendRequest(AuditWorkspaceRequest, {});
    assert.equal(full.filesChecked, COUNT);
    assert.ok(full.findings > 0);
  });
});

/** Applies a workspace edit to the files on disk, as an editor would. */
function applyToDisk(params: ApplyWorkspaceEditParams): { applied: boolean } {
  for (const change of (params.edit.documentChanges ?? []) as TextDocumentEdit[]) {
    const path = fileURLToPath(change.textDocument.uri);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'x', 0, text), change.edits as TextEdit[]));
  }
  return { applied: true };
}
