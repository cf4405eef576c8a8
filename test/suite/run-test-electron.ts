// `npm run test:vscode`: the same extension-host suite in desktop VS Code through
// @vscode/test-electron. It downloads VS Code (from update.code.visualstudio.com) into
// .vscode-test/, so it needs a machine with internet; on our CI machines the suite runs inside
// code-server instead (npm run test:e2e). VSCODE_VERSION picks the build (default: the
// oldest release engines.vscode allows, then `stable` is worth a second run).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, '../..');
  // A fresh copy of the workspace: the suite edits documents (unsaved) and must not see stale state.
  const workspace = join(repoRoot, '.e2e/vscode-electron/e2e-workspace');
  rmSync(workspace, { recursive: true, force: true });
  cpSync(join(repoRoot, 'test/fixtures/e2e-workspace'), workspace, { recursive: true });
  // A repository of its own, or this checkout's .gitignore (which ignores .e2e/) hides it from the audit.
  execFileSync('git', ['init', '-q', workspace]);
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out/test/suite/index.js'),
    // --disable-extensions keeps other installed extensions out; the one under development still loads.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
