// When the server's loader takes its V8 code cache: just after the server's first analysis (the
// server says so through warm.ts), so the cache holds the parser's and the rules' bytecode and is
// not taken on the way to the first diagnostics; without an analysis, 1.5 s after start-up. Runs
// the real loader module on a small stand-in bundle in a child process of its own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const src = join(__dirname, '..', '..', 'server', 'src');

describe('the server loader takes its code cache after the first analysis', { skip: process.platform === 'win32' && 'POSIX folder modes' }, () => {
  let tmp = '';
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'aws-patterns-warm-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** Runs a stand-in bundle through `runFromCodeCache(..., 'warm')` with a temp dir of its own; the cache files written. */
  function run(name: string, body: string): string[] {
    const dir = join(tmp, name);
    const main = join(tmp, `${name}.js`);
    // A distinct text per case: the cache file is named by a hash of the bundle.
    writeFileSync(main, `// ${name}\nconst { bundleWarm } = require(${JSON.stringify(join(src, 'warm.ts'))});\n${body}\n`);
    const loader = `require(${JSON.stringify(join(src, 'codeCache.ts'))}).runFromCodeCache(${JSON.stringify(main)}, 'server', 'warm');`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', loader], { encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });
    assert.equal(r.status, 0, r.stderr);
    const cache = join(dir, `aws-patterns-cache-${userInfo().uid}`);
    return existsSync(cache) ? readdirSync(cache).filter((f) => f.endsWith('.bin')) : [];
  }

  it('writes the cache soon after the first analysis, long before the fallback', () => {
    const files = run('warm', 'setTimeout(bundleWarm, 50); setTimeout(() => {}, 400);');
    assert.equal(files.length, 1, String(files));
    assert.match(files[0], /^server-[0-9a-f]{32}\.bin$/);
  });

  it('writes nothing in the first 1.5 s while nothing was analyzed', () => {
    assert.deepEqual(run('idle', 'setTimeout(() => {}, 400);'), []);
  });

  it('writes the cache 1.5 s after start-up when nothing was analyzed by then', () => {
    assert.equal(run('late', 'setTimeout(() => {}, 2200);').length, 1);
  });

  it('a second warm signal changes nothing', () => {
    const files = run('twice', 'setTimeout(() => { bundleWarm(); bundleWarm(); }, 50); setTimeout(() => {}, 400);');
    assert.equal(files.length, 1, String(files));
  });
});
