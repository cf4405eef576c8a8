// One code-server per test run, in its own process group. Stopping kills the whole group:
// killing only the launcher leaves file watchers and extension hosts behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerBin } from './env';

export interface CodeServer {
  url: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  stop(): Promise<void>;
}

// workbench.startupEditor "none": the welcome page otherwise steals focus from the quick-open.
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 100,
  // Sticky scroll pins a JSON object's opening line over the top of the editor: a click on a line
  // that scrolled under it lands on the overlay instead (a quick-fix test failed so, 1 CI run in 3).
  'editor.stickyScroll.enabled': false,
  'files.autoSave': 'off',
  // The scratch workspaces sit inside the repository's checkout: no "open the parent repository?" prompt.
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** This run's user-data and extensions dirs, with our user settings (code-server's mkdir is not recursive). */
export function codeServerDirs(scratch: string): { userDataDir: string; extensionsDir: string } {
  const userDataDir = join(scratch, 'code-server/user-data');
  const extensionsDir = join(scratch, 'code-server/extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(userSettings, null, 2));
  return { userDataDir, extensionsDir };
}

/** `code-server --install-extension` into this run's extensions dir; returns the CLI output. */
export function installExtension(scratch: string, vsix: string): string {
  const { userDataDir, extensionsDir } = codeServerDirs(scratch);
  const args = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const install = spawnSync(codeServerBin, [...args, '--force', '--install-extension', vsix], { encoding: 'utf8', timeout: 60_000 });
  const out = `${install.stdout}${install.stderr}`;
  if (install.status !== 0 || /failed/i.test(out)) throw new Error(`--install-extension ${vsix} failed (${install.status}):\n${out}`);
  const list = spawnSync(codeServerBin, [...args, '--list-extensions', '--show-versions'], { encoding: 'utf8', timeout: 60_000 });
  return `${out}${list.stdout}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export async function startCodeServer(scratch: string): Promise<CodeServer> {
  const { userDataDir, extensionsDir } = codeServerDirs(scratch);
  const port = await freePort();
  const logFile = join(scratch, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ];
  // detached: a new session and process group, which stop() kills as a whole.
  const child = spawn(codeServerBin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  // Last resort if the test process dies without calling stop(): never leave the group running.
  const onExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', onExit);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      throw new Error(`code-server did not answer /healthz in 30 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url, userDataDir, extensionsDir, logFile,
    async stop() {
      process.removeListener('exit', onExit);
      const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      // Children that ignored SIGTERM (extension hosts, watchers) go with the group.
      killGroup(child, 'SIGKILL');
      log.end();
    },
  };
}
