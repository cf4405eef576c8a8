// The extension-host test entry, the @vscode/test-electron contract: VS Code loads the extension
// from its folder (extensionDevelopmentPath), requires this module (extensionTestsPath) inside
// the extension host and awaits run(). The same compiled module runs in code-server (here) and
// in desktop VS Code (npm run test:vscode).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// Reporter lines as whole strings: code-server relays extension-host console calls to the browser
// console, where printf-style arguments would arrive unformatted.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));

export function run(): Promise<void> {
  // No colors: in code-server the reporter's lines travel through the browser console.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.suite.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
