// Runs an extension-host test suite (a module exporting `run()`, the @vscode/test-electron
// contract) inside code-server. code-server has no --extensionDevelopmentPath flag; its web
// workbench reads extensionDevelopmentPath / extensionTestsPath from the URL's `payload`
// parameter and, when the suite ends, calls window.codeAutomationExit(code) (the hook
// @vscode/test-web uses).
import type { BrowserContext } from './playwright';
import { remoteAuthority, UI_TIMEOUT } from './workbench';

/** Workbench chatter of an offline code-server, kept in the log file but not printed. */
const NOISE = /open-vsx|ERR_NAME_NOT_RESOLVED|Unable to read file|\[lifecycle\]|ChatSessionStore|copilot|socket|connection token|Failed to load resource|Service Worker|web worker extension host|allow-scripts|builtin extensions cache|Time limit reached when tokenizing/;

export interface SuiteRun {
  exitCode: number;
  output: string[];
}

export async function runExtensionHostSuite(
  context: BrowserContext, serverUrl: string,
  options: { workspace: string; extensionDevelopmentPath: string; extensionTestsPath: string; timeoutMs: number },
): Promise<SuiteRun> {
  const authority = await remoteAuthority(serverUrl, options.workspace);

  const output: string[] = [];
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((r) => (finish = r));
  const page = await context.newPage();
  await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
  page.on('console', (msg) => {
    // Mocha's reporter writes through console.log in the extension host; the workbench relays it
    // to the browser console with a styled log-level prefix.
    const text = msg.text().replace(/^%c\s*(INFO|ERR|WARN)\s+color: #\w+\s?/, '');
    output.push(text);
    if (!NOISE.test(text.split('\n')[0])) process.stdout.write(text.replace(/^/gm, '  [ext host] ') + '\n');
  });
  page.on('pageerror', (err) => output.push(`pageerror: ${err.message}`));

  const remote = (path: string): string => `vscode-remote://${authority}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(options.extensionTestsPath)],
  ];
  const url = `${serverUrl}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: UI_TIMEOUT });

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`extension-host suite did not finish in ${options.timeoutMs} ms`)), options.timeoutMs);
  });
  try {
    const exitCode = await Promise.race([finished, timeout]);
    return { exitCode, output };
  } finally {
    clearTimeout(timer);
    await page.close();
  }
}
