// The bundled server over stdio warms its keystroke path up once the editor is quiet after a
// TypeScript file opens, says so in its log, and the keystrokes after it get the right diagnostics.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from './client';

const HANDLER = [
  "import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';",
  '',
  'export const handler = async () => {',
  '  const client = new DynamoDBClient({});',
  "  return client.send(new ScanCommand({ TableName: 'orders' }));",
  '};',
  '',
].join('\n');

const codes = (report: unknown) => (report as FullDocumentDiagnosticReport).items.map((d) => d.code).sort();

describe('language server warm-up (stdio)', () => {
  let client: TestClient;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aws-patterns-warmup-'));
    client = await TestClient.start({ pull: true, workspaceFolders: [folder] });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('warms up once after the first TypeScript analysis, and the next keystroke is analyzed right', async () => {
    const uri = fileUri(join(folder, 'src', 'list-orders.ts'));
    await client.open(uri, 'typescript', HANDLER);
    const opened = await client.pull(uri);
    assert.deepEqual(codes(opened), ['dynamodb-scan', 'lambda-client-in-handler']);
    const log = await client.logs.wait((m) => /Warmed up/.test(m.message), 'the warm-up log line');
    assert.match(log.message, /Warmed up the analysis for the first keystrokes: 9 runs in \d+ ms\./);

    // The client moves out of the handler: one finding goes, the other stays.
    const moved = HANDLER.replace('  const client = new DynamoDBClient({});\n', '').replace('export const handler', 'const client = new DynamoDBClient({});\n\nexport const handler');
    await client.change(uri, moved);
    assert.deepEqual(codes(await client.pull(uri)), ['dynamodb-scan']);
    assert.equal(client.logs.all.filter((m) => /Warmed up/.test(m.message)).length, 1, 'once per server');
  });
});
