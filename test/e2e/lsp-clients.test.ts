// The language server is editor-agnostic: two more real editors start dist/server.js over stdio,
// open a policy from the sample workspace, and check the diagnostics and a code action (applied,
// the text changes, the finding goes). Debian's Neovim 0.7 (test/e2e/nvim/lsp-check.lua) and
// Emacs 28 + Eglot 1.9 (test/e2e/emacs/lsp-check.el), both headless. HOME/XDG/TMPDIR point
// into .e2e/lsp-clients/.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { copyWorkspace, enterScratch, repoRoot } from './env';

const server = join(repoRoot, 'dist/server.js');
let scratch = '';

before(() => {
  assert.ok(existsSync(server), `${server} is missing: run npm run build first`);
  scratch = enterScratch('lsp-clients');
});

/** Runs an editor in its own process group (the server is its child), killed whole at the end. */
async function runEditor(label: string, command: string, args: (policy: string) => string[]): Promise<string> {
  const workspace = copyWorkspace(scratch, label);
  const child = spawn(command, args(join(workspace, 'policies/reports-read.json')), {
    cwd: workspace, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_PATTERNS_SERVER: server },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const killGroup = (): void => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const timer = setTimeout(killGroup, 60_000);
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  clearTimeout(timer);
  killGroup();
  process.stdout.write(`${stdout.trimEnd().replace(/^/gm, `  [${label}] `)}\n`);
  assert.equal(code, 0, `${label} reported failures (see [${label}] lines); stderr:\n${stderr}`);
  assert.match(stdout, /^\d+ passed, 0 failed$/m);
  return stdout;
}

test('Neovim 0.7 (headless) gets diagnostics and a working code action from the server over stdio', async () => {
  await runEditor('nvim', 'nvim', (policy) => ['--headless', '--clean', '-n', '-i', 'NONE', '-S', join(__dirname, 'nvim/lsp-check.lua'), policy]);
});

test('Emacs 28 + Eglot (batch) gets diagnostics and a working code action from the server over stdio', async () => {
  await runEditor('emacs', 'emacs', (policy) => ['--batch', '-l', join(__dirname, 'emacs/lsp-check.el'), policy]);
});
