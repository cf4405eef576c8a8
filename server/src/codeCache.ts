// Runs a bundle from a V8 code cache: the language server and the CLI start through a small loader
// (dist/server.js, dist/cli.js) that compiles their bundle (dist/server-main.js, dist/cli-main.js)
// with the bytecode an earlier run saved. Compiling the 4 MB bundle and running its start-up code
// (TypeScript's among it) took ~300 ms of CPU of every start; from the cache it takes ~100 ms
// (test/bench). The cache is an optimization only: anything wrong with it (missing, rejected by V8,
// unwritable) and the bundle compiles as usual.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { auditHeapPaced } from './heap';
import { whenBundleWarm } from './warm';

// A server takes its cache just after its first analysis (warm.ts), off the path to the first
// diagnostics, or at this long after start-up if nothing is analyzed sooner: V8 drops the bytecode
// of functions that do not run again within a few seconds, start-up's among them.
const SAVE_AFTER_MS = 1500;
/** How long after the first analysis: its diagnostics are on their way out first. */
const WARM_DELAY_MS = 20;

/**
 * Compiles and runs `main` as Node would load it (a CommonJS module), from the cache `name` if any.
 * Without a usable cache, a new one is taken while V8 still holds the bytecode of the functions that
 * ran (full collections soon drop the bytecode of functions not run again): at once for the CLI
 * (`now`: its bundle runs to the end), and for a server (`warm`) just after its first analysis, so
 * that the cache also holds the parser's and the rules' bytecode, or 1.5 s after start-up at the
 * latest. V8 accepts cached code only under the flags it was produced with: set flags before calling this.
 */
export function runFromCodeCache(main: string, name: 'server' | 'cli', when: 'warm' | 'now'): void {
  const bytes = readFileSync(main);
  // esbuild writes ASCII only: decoding it as Latin-1 gives the same string without UTF-8's
  // validation, and hashing the bytes skips re-encoding the string (~4 ms of every start together).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cache = cachePath(name, bytes);
  const cachedData = cache ? readCache(cache) : undefined;
  const script = new Script(wrap(source), { filename: main, cachedData });
  const mainModule = { exports: {}, id: main, filename: main, loaded: false };
  const take = cache && (!cachedData || script.cachedDataRejected) ? () => saveCache(cache, script.createCachedData()) : undefined;
  if (take && when === 'warm') {
    let taken = false;
    const once = () => {
      if (taken) return;
      // Taken during a workspace audit, the cache would carry its heap flag and the next start would reject it.
      if (auditHeapPaced()) {
        setTimeout(once, SAVE_AFTER_MS).unref();
        return;
      }
      taken = true;
      clearTimeout(fallback);
      take();
    };
    const fallback = setTimeout(once, SAVE_AFTER_MS).unref();
    whenBundleWarm(() => setTimeout(once, WARM_DELAY_MS).unref());
  }
  script.runInThisContext()(mainModule.exports, createRequire(main), mainModule, main, dirname(main));
  if (take && when === 'now') take();
}

/**
 * The cache file for this bundle, Node and flags, in a folder of this user's only; undefined when
 * there is no such folder. V8 checks the source only by its length, so the name carries a hash of
 * the bundle's bytes: a rebuilt bundle never meets the bytecode of another.
 */
function cachePath(name: string, bytes: Buffer): string | undefined {
  try {
    const uid = userInfo().uid;
    const dir = join(tmpdir(), `aws-patterns-cache-${uid < 0 ? userInfo().username : uid}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A folder someone else made (shared /tmp) or others may write to is not trusted.
    const info = statSync(dir);
    if ((uid >= 0 && info.uid !== uid) || (process.platform !== 'win32' && (info.mode & 0o022) !== 0)) return undefined;
    const key = createHash('sha256').update(bytes).update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}`).digest('hex').slice(0, 32);
    return join(dir, `${name}-${key}.bin`);
  } catch {
    return undefined;
  }
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written whole then renamed (another window's server may be reading); older caches are removed. */
function saveCache(path: string, data: Buffer): void {
  try {
    const prefix = `${basename(path).split('-')[0]}-`;
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, path);
    const dir = dirname(path);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.bin') && join(dir, name) !== path) unlinkSync(join(dir, name));
    }
  } catch {
    // No cache this time: the next start compiles as usual.
  }
}
