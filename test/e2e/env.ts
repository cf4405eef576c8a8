// Where the real-editor tests find their tools (installed by setup.sh outside the repository) and
// the scratch folder that holds everything a run writes: HOME, XDG dirs, TMPDIR, workspaces,
// code-server's user data and extensions, browser profiles, logs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');

// setup.sh is the one place the versions are written; read them from there.
const setupScript = readFileSync(join(__dirname, 'setup.sh'), 'utf8');
function pinned(name: string): string {
  const m = new RegExp(`^${name}=(\\S+)$`, 'm').exec(setupScript);
  if (!m) throw new Error(`${name} not found in test/e2e/setup.sh`);
  return m[1];
}

// Evaluated when this module loads, before enterScratch() moves HOME.
export const cacheDir = process.env.AWS_PATTERNS_E2E_CACHE ?? join(homedir(), '.cache/aws-patterns-e2e');
export const codeServerBin = join(cacheDir, `code-server-${pinned('CODE_SERVER_VERSION')}`, 'node_modules/.bin/code-server');
export const playwrightDir = join(cacheDir, `playwright-core-${pinned('PLAYWRIGHT_VERSION')}`, 'node_modules/playwright-core');
export const chromiumPath = process.env.AWS_PATTERNS_E2E_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The .vsix under test: AWS_PATTERNS_E2E_VSIX (used to prove a broken package fails), else the
 * newest of what `npm run package` writes (`dist-vsix/<name>.vsix` or vsce's default `<name>-<version>.vsix`).
 */
export function vsixPath(): string {
  if (process.env.AWS_PATTERNS_E2E_VSIX) return resolve(process.env.AWS_PATTERNS_E2E_VSIX);
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const candidates = [join(repoRoot, 'dist-vsix', `${name}.vsix`), join(repoRoot, `${name}-${version}.vsix`)].filter((p) => existsSync(p));
  if (candidates.length === 0) throw new Error('no .vsix: run npm run package first');
  return candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}
/** Compiled extension-host suite (scripts/build-suite.mjs). */
export const suiteIndex = join(repoRoot, 'out/test/suite/index.js');
export const fixtureWorkspace = join(repoRoot, 'test/fixtures/e2e-workspace');
/** Screenshots; AWS_PATTERNS_E2E_SHOTS moves them (prove-failure.sh keeps the broken runs' apart). */
export const screenshotDir = resolve(process.env.AWS_PATTERNS_E2E_SHOTS ?? join(repoRoot, 'test-results/e2e'));

/**
 * Creates a fresh scratch folder for this run and points HOME, XDG_* and TMPDIR of this process
 * (and so of every child: code-server, chromium, nvim) into it, so nothing lands in the real home.
 */
export function enterScratch(name: string): string {
  const root = join(repoRoot, '.e2e', name);
  rmSync(root, { recursive: true, force: true });
  const dirs = {
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'xdg/config'),
    XDG_DATA_HOME: join(root, 'xdg/data'),
    XDG_CACHE_HOME: join(root, 'xdg/cache'),
    XDG_STATE_HOME: join(root, 'xdg/state'),
    XDG_RUNTIME_DIR: join(root, 'xdg/runtime'),
    TMPDIR: join(root, 'tmp'),
  };
  for (const [key, dir] of Object.entries(dirs)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    process.env[key] = dir;
  }
  mkdirSync(screenshotDir, { recursive: true });
  return root;
}

/**
 * A private copy of the fixture workspace, so edits in one test never leak into another. Each
 * copy is a git repository of its own, as a project usually is: otherwise it would sit inside
 * this checkout, whose .gitignore ignores `.e2e/`, and the audit (which honors .gitignore files
 * up to the repository root, as git does) would rightly skip every file.
 */
export function copyWorkspace(scratch: string, name: string): string {
  const dest = join(scratch, 'workspaces', name);
  cpSync(fixtureWorkspace, dest, { recursive: true });
  execFileSync('git', ['init', '-q', dest]);
  return dest;
}

export function requireTools(): void {
  const missing = [codeServerBin, join(playwrightDir, 'package.json'), chromiumPath].filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run test/e2e/setup.sh first`);
}
