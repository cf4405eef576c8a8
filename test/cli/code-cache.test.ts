// The CLI's loader (dist/cli.js) and its V8 code cache: the first run writes the cache to a folder
// of the user's own under the temp directory, later runs start from it with the same output, and a
// corrupt cache only means an ordinary start. Runs the real bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const examples = join(__dirname, '..', '..', 'examples');

describe('aws-patterns through the V8 code cache', { skip: process.platform === 'win32' && 'POSIX folder modes' }, () => {
  let tmp = '';
  const cacheDir = () => join(tmp, `aws-patterns-cache-${userInfo().uid}`);
  const cacheFiles = () => readdirSync(cacheDir()).filter((f) => f.startsWith('cli-') && f.endsWith('.bin'));
  const audit = () => spawnSync(process.execPath, [cli, 'audit', examples, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'aws-patterns-cli-cache-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes the cache on the first run and gives the same report from it on the next', () => {
    const first = audit();
    assert.equal(first.status, 0, first.stderr);
    const [file, ...more] = cacheFiles();
    assert.deepEqual(more, []);
    assert.match(file, /^cli-[0-9a-f]{32}\.bin$/);
    assert.equal(statSync(join(cacheDir(), file)).mode & 0o777, 0o600);
    const written = statSync(join(cacheDir(), file)).mtimeMs;
    const second = audit();
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout, first.stdout);
    assert.ok(JSON.parse(second.stdout).summary.findings > 0);
    assert.equal(statSync(join(cacheDir(), file)).mtimeMs, written, 'V8 accepted the cache: not written again');
  });

  it('runs as usual from a corrupt cache, and replaces it', () => {
    const [file] = cacheFiles();
    writeFileSync(join(cacheDir(), file), Buffer.alloc(4096, 0x5a));
    const clean = spawnSync(process.execPath, [cli, 'audit', examples, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', env: { ...process.env, TMPDIR: join(tmp, 'none') } });
    const r = audit();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, clean.stdout);
    assert.ok(statSync(join(cacheDir(), file)).size > 4096, 'a valid cache replaced the corrupt one');
  });

  // The loader decodes an ASCII bundle as Latin-1 (quicker); any other bytes must still be UTF-8.
  it('runs a bundle with non-ASCII text, and an ASCII one, with their text intact', () => {
    const loader = join(__dirname, '..', '..', 'server', 'src', 'codeCache.ts');
    for (const text of ['plain ascii', 'région ✓ 日本']) {
      const main = join(tmp, `bundle-${text.length}.js`);
      writeFileSync(main, `process.stdout.write(${JSON.stringify(text)} + ':' + ${JSON.stringify(text)}.length);`);
      for (const run of ['first', 'from the cache']) {
        const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', `require(${JSON.stringify(loader)}).runFromCodeCache(${JSON.stringify(main)}, 'cli', 'now')`], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, `${text}:${text.length}`, run);
      }
    }
  });
});
