// Configuration in the editor, over the wire: a broken `.aws-patterns.json` shows on itself while
// analysis goes on with the defaults; `ignore` and `trustedAccounts` from the file and from the
// `awsPatterns.*` settings; changes apply live; the project's aws-cdk-lib version reaches fixes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type CodeAction, type ConfigurationItem, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { writeFiles } from '../helpers/workspace';
import { TestClient, fileUri } from './client';

// Two findings: iam-wildcard-action and iam-wildcard-resource.
const ADMIN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:*", "Resource": "*" }\n  ]\n}\n';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] });
const OLD_RUNTIME =
  "import * as lambda from 'aws-cdk-lib/aws-lambda';\n\nnew lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_16_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist') });\n";

const PRESIGN =
  "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\nexport const url = (key: string) => getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 1800 });\n";

describe('configuration in the editor', () => {
  let ws: string;
  let client: TestClient;
  let settings: Record<string, unknown> = {};

  const codes = async (uri: string) => ((await client.pull(uri)) as FullDocumentDiagnosticReport).items.map((d) => d.code);
  /** Tells the server a file on disk changed, and waits for the diagnostics refresh it asks for. */
  async function changedOnDisk(path: string, text: string): Promise<void> {
    writeFileSync(join(ws, path), text);
    const from = client.refreshes.all.length;
    await client.watchedFilesChanged([{ uri: fileUri(join(ws, path)), type: FileChangeType.Changed }]);
    await client.refreshes.wait(() => true, 'diagnostics refresh', from);
  }
  async function settingsChanged(next: Record<string, unknown>): Promise<void> {
    settings = next;
    const from = client.refreshes.all.length;
    await client.configurationChanged();
    await client.refreshes.wait(() => true, 'diagnostics refresh', from);
  }

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-lsp-config-'));
    writeFiles(ws, {
      '.aws-patterns.json': '{ "rules": { "iam-wildcard-action": "loud" } }',
      'policies/admin.json': ADMIN,
      'trust/partner.json': TRUST,
      'legacy/old.json': ADMIN,
      'infra/package.json': JSON.stringify({ dependencies: { 'aws-cdk-lib': '2.200.0' } }),
      'infra/lib/fn.ts': OLD_RUNTIME,
      'src/urls.ts': PRESIGN,
    });
    client = await TestClient.start({ pull: true, workspaceFolders: [ws], configuration: (item: ConfigurationItem) => (item.section === 'awsPatterns' ? settings : null) });
    for (const [path, language, text] of [
      ['policies/admin.json', 'json', ADMIN],
      ['trust/partner.json', 'json', TRUST],
      ['legacy/old.json', 'json', ADMIN],
      ['infra/lib/fn.ts', 'typescript', OLD_RUNTIME],
      ['src/urls.ts', 'typescript', PRESIGN],
    ]) {
      await client.open(fileUri(join(ws, path)), language, text);
    }
  });
  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('shows a broken config file’s problem on the file, and analyzes with the defaults meanwhile', async () => {
    const published = await client.waitForDiagnostics(fileUri(join(ws, '.aws-patterns.json')), { test: (d) => d.length > 0 });
    assert.match(String(published.diagnostics[0].message), /Severity must be one of/);
    assert.ok((await codes(fileUri(join(ws, 'policies/admin.json')))).includes('iam-wildcard-action'), 'analysis goes on');
  });

  it('applies severity, off, ignore patterns and trusted accounts from the file, live', async () => {
    const admin = fileUri(join(ws, 'policies/admin.json'));
    await changedOnDisk('.aws-patterns.json', '{ "rules": { "iam-wildcard-action": "off" }, "ignore": ["legacy/"], "trustedAccounts": ["111122223333"] }');
    assert.ok(!(await codes(admin)).includes('iam-wildcard-action'));
    assert.ok((await codes(admin)).includes('iam-wildcard-resource'), 'other rules still run');
    assert.deepEqual(await codes(fileUri(join(ws, 'legacy/old.json'))), [], 'an ignored file shows nothing');
    assert.ok(!(await codes(fileUri(join(ws, 'trust/partner.json')))).includes('iam-trust-missing-external-id'));
    const cleared = await client.waitForDiagnostics(fileUri(join(ws, '.aws-patterns.json')), { test: (d) => d.length === 0 });
    assert.deepEqual(cleared.diagnostics, [], 'the fixed file’s problem is gone');
  });

  it('lets the awsPatterns.* settings override the file: severities replace, lists add', async () => {
    await changedOnDisk('.aws-patterns.json', '{ "rules": { "iam-wildcard-action": "off" } }');
    assert.ok((await codes(fileUri(join(ws, 'trust/partner.json')))).includes('iam-trust-missing-external-id'));
    assert.ok((await codes(fileUri(join(ws, 'legacy/old.json')))).length > 0);
    const urls = fileUri(join(ws, 'src/urls.ts'));
    assert.ok(!(await codes(urls)).includes('s3-presigned-url-expiry'), '1800 s is within the default 3600 s');
    await settingsChanged({ rules: { 'iam-wildcard-action': 'error' }, ignore: ['legacy/'], trustedAccounts: ['111122223333'], presignedUrlMaxSeconds: 900 });
    assert.ok((await codes(urls)).includes('s3-presigned-url-expiry'), 'the setting replaces the maximum');
    const admin = ((await client.pull(fileUri(join(ws, 'policies/admin.json')))) as FullDocumentDiagnosticReport).items;
    assert.equal(admin.find((d) => d.code === 'iam-wildcard-action')?.severity, 1, 'the setting turns the rule back on, as an error (default: warning)');
    assert.deepEqual(await codes(fileUri(join(ws, 'legacy/old.json'))), []);
    assert.ok(!(await codes(fileUri(join(ws, 'trust/partner.json')))).includes('iam-trust-missing-external-id'));
    await settingsChanged({});
  });

  it('gives fixes in the spelling of the project’s aws-cdk-lib, and follows a package.json change', async () => {
    const uri = fileUri(join(ws, 'infra/lib/fn.ts'));
    const titles = async () => {
      const report = (await client.pull(uri)) as FullDocumentDiagnosticReport;
      const d = report.items.find((x) => x.code === 'lambda-deprecated-runtime')!;
      return ((await client.codeActions(uri, d.range, [d], ['quickfix'])) as CodeAction[]).map((a) => a.title);
    };
    assert.deepEqual(await titles(), ['Use Runtime.NODEJS_22_X'], 'aws-cdk-lib 2.200.0 has no NODEJS_24_X');
    await changedOnDisk('infra/package.json', JSON.stringify({ dependencies: { 'aws-cdk-lib': '^2.230.0' } }));
    assert.deepEqual(await titles(), ['Use Runtime.NODEJS_24_X']);
  });
});
