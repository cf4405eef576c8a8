// Compiles the extension-host suite (test/suite/*.ts) to out/test/suite/*.js, one CommonJS file
// per source file: VS Code requires out/test/suite/index.js as extensionTestsPath, and `vscode`
// and `mocha` are resolved at run time (the host provides `vscode`; mocha comes from node_modules).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const entryPoints = readdirSync('test/suite')
  .filter((f) => f.endsWith('.ts') && f !== 'run-test-electron.ts')
  .map((f) => `test/suite/${f}`);
rmSync('out/test/suite', { recursive: true, force: true });
await esbuild.build({ entryPoints, outdir: 'out/test/suite', bundle: false, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning' });
