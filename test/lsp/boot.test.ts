// The server's loader (dist/server.js) and its V8 code cache: the first server writes the cache to a
// folder of the user's own under the temp directory, the next one starts from it, and a broken or
// untrusted cache only means an ordinary (slower) start. Runs the real bundle over stdio.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ServerSession } from '../bench/lsp';
import { serverPath } from './client';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
}
`;
// The loader writes the cache just after the first analysis (1.5 s after start-up at the latest).
const SAVED_AFTER_MS = 2500;

describe('server start-up through the V8 code cache', { skip: process.platform === 'win32' && 'POSIX folder modes' }, () => {
  let tmp = '';
  let ws = '';
  const cacheDir = () => join(tmp, `aws-patterns-cache-${userInfo().uid}`);
  const cacheFiles = () => readdirSync(cacheDir()).filter((f) => f.endsWith('.bin'));

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'aws-patterns-boot-'));
    ws = join(tmp, 'ws');
    mkdirSync(ws);
    writeFileSync(join(ws, 'policy.json'), POLICY);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** Starts a server with `tmp` as its temp directory, pulls the policy's diagnostics, stays `linger` ms. */
  async function diagnose(linger: number): Promise<number> {
    const session = await ServerSession.start({ serverPath, workspaceRoot: ws, mode: 'pull', env: { ...process.env, TMPDIR: tmp } });
    try {
      const uri = pathToFileURL(join(ws, 'policy.json')).toString();
      const count = await session.diagnostics(uri, 1, () => session.open(uri, 'json', POLICY));
      await new Promise((resolve) => setTimeout(resolve, linger));
      return count;
    } finally {
      await session.stop();
    }
  }

  let expected = 0;

  it('writes the cache once the first server has started, in a folder only the user can open', async () => {
    expected = await diagnose(SAVED_AFTER_MS);
    assert.ok(expected > 0, 'the policy has findings');
    const files = cacheFiles();
    assert.equal(files.length, 1, String(files));
    assert.match(files[0], /^server-[0-9a-f]{32}\.bin$/);
    assert.equal(statSync(cacheDir()).mode & 0o777, 0o700);
    assert.equal(statSync(join(cacheDir(), files[0])).mode & 0o777, 0o600);
  });

  it('starts the next server from that cache, which V8 accepts (it is not written again)', async () => {
    const [file] = cacheFiles();
    const before = statSync(join(cacheDir(), file)).mtimeMs;
    assert.equal(await diagnose(SAVED_AFTER_MS), expected);
    assert.equal(statSync(join(cacheDir(), file)).mtimeMs, before);
  });

  // An audit paces the heap with another V8 flag for its length (server/src/heap.ts): V8 rejects
  // code cached under flags other than the next start's, so the flag must be back as it was.
  it('still writes a cache the next server accepts when the first one audited the workspace', async () => {
    rmSync(cacheDir(), { recursive: true, force: true });
    const session = await ServerSession.start({ serverPath, workspaceRoot: ws, mode: 'pull', env: { ...process.env, TMPDIR: tmp } });
    try {
      const result = await session.connection.sendRequest<{ findings: number }>('awsPatterns/auditWorkspace', {});
      assert.equal(result.findings, expected);
      await new Promise((resolve) => setTimeout(resolve, SAVED_AFTER_MS));
    } finally {
      await session.stop();
    }
    const [file, ...more] = cacheFiles();
    assert.deepEqual(more, []);
    const written = statSync(join(cacheDir(), file)).mtimeMs;
    assert.equal(await diagnose(SAVED_AFTER_MS), expected);
    assert.equal(statSync(join(cacheDir(), file)).mtimeMs, written, 'V8 accepted the cache: not written again');
  });

  it('starts as usual from a corrupt cache, and replaces it', async () => {
    const [file] = cacheFiles();
    const path = join(cacheDir(), file);
    writeFileSync(path, Buffer.alloc(4096, 0x5a));
    assert.equal(await diagnose(SAVED_AFTER_MS), expected);
    assert.notEqual(readFileSync(path).subarray(0, 16).toString('hex'), '5a'.repeat(16), 'a valid cache replaced the corrupt one');
  });

  it('neither reads nor writes a cache folder that others may write to', async () => {
    rmSync(cacheDir(), { recursive: true, force: true });
    mkdirSync(cacheDir());
    chmodSync(cacheDir(), 0o777);
    assert.equal(await diagnose(SAVED_AFTER_MS), expected);
    assert.deepEqual(cacheFiles(), []);
  });
});
