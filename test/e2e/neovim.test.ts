// The language server is editor-agnostic: Debian's Neovim 0.7, headless, starts dist/server.js
// over stdio, opens a policy from the sample workspace, and checks the diagnostics and a code
// action (test/e2e/nvim/lsp-check.lua). HOME/XDG/TMPDIR point into .e2e/neovim/.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyWorkspace, enterScratch, repoRoot } from './env';

const server = join(repoRoot, 'dist/server.js');

test('Neovim 0.7 (headless) gets diagnostics and a working code action from the server over stdio', async () => {
  assert.ok(existsSync(server), `${server} is missing: run npm run build first`);
  const scratch = enterScratch('neovim');
  const workspace = copyWorkspace(scratch, 'neovim');
  const args = ['--headless', '--clean', '-n', '-i', 'NONE', '-S', join(__dirname, 'nvim/lsp-check.lua'), join(workspace, 'policies/reports-read.json')];
  // Its own process group, killed whole if it outlives the deadline (the server is its child).
  const nvim = spawn('nvim', args, {
    cwd: workspace, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_PATTERNS_SERVER: server, AWS_PATTERNS_ROOT: workspace },
  });
  let output = '';
  nvim.stdout.on('data', (b: Buffer) => (output += b.toString()));
  nvim.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const timer = setTimeout(() => process.kill(-nvim.pid!, 'SIGKILL'), 60_000);
  const code = await new Promise<number | null>((r) => nvim.on('exit', (c) => r(c)));
  clearTimeout(timer);
  try {
    process.kill(-nvim.pid!, 'SIGKILL');
  } catch {
    // Already gone, as it should be.
  }
  process.stdout.write(`${output.trimEnd().replace(/^/gm, '  [nvim] ')}\n`);
  assert.equal(code, 0, 'nvim reported failures (see [nvim] lines)');
  assert.match(output, /^\d+ passed, 0 failed$/m);
});
