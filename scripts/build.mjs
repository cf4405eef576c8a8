// Builds everything that ships: three CommonJS bundles for Node (the VS Code client with
// `vscode` external; the language server and the CLI fully bundled) and the IAM data files.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { buildIamData } from './build-iam-data.mjs';

const production = process.argv.includes('--production');
// `module` first: jsonc-parser's UMD build requires its parts at run time, which a bundle cannot serve.
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], sourcemap: !production, minify: production, logLevel: 'warning' };

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
].filter((e) => existsSync(e.entryPoints[0]));

if (!existsSync('dist/iam-data/index.json') || process.argv.includes('--clean')) {
  rmSync('dist/iam-data', { recursive: true, force: true });
  buildIamData('dist/iam-data');
}
await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
// The CLI is the package's `bin`: `npm exec aws-patterns` in a checkout runs the file itself, so
// it must be executable (esbuild writes 0644; only an install from the tarball sets the bit).
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
