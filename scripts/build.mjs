// Builds everything that ships: CommonJS bundles for Node (the VS Code client with `vscode`
// external; the language server, its loader and the CLI fully bundled) and the IAM data files.
// `node scripts/build.mjs [--production] [--clean]`; test/package.test.ts imports `buildBundles`
// to package a production build in a scratch folder.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIamData } from './build-iam-data.mjs';
import { bundleOptions } from './esbuild-options.mjs';

const root = join(import.meta.dirname, '..');

/** The three bundles into `outdir` (default `dist/`), minified without source maps for production. */
export async function buildBundles({ outdir = join(root, 'dist'), production = false } = {}) {
  const common = bundleOptions({ production });
  const entries = [
    { entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client.js'), external: ['vscode'] },
    // The server and the CLI start through a small loader that compiles their bundle from a V8 code cache.
    { entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server-main.js') },
    { entryPoints: ['server/src/boot.ts'], outfile: join(outdir, 'server.js') },
    { entryPoints: ['server/src/cli.ts'], outfile: join(outdir, 'cli-main.js') },
    { entryPoints: ['server/src/cliBoot.ts'], outfile: join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
  ].filter((e) => existsSync(join(root, e.entryPoints[0])));
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  // The CLI is the package's `bin`: `npm exec aws-patterns` in a checkout runs the file itself, so
  // it must be executable (esbuild writes 0644; only an install from the tarball sets the bit).
  const cli = join(outdir, 'cli.js');
  if (existsSync(cli)) chmodSync(cli, 0o755);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.chdir(root);
  if (!existsSync('dist/iam-data/index.json') || process.argv.includes('--clean')) {
    rmSync('dist/iam-data', { recursive: true, force: true });
    buildIamData('dist/iam-data');
  }
  await buildBundles({ production: process.argv.includes('--production') });
}
