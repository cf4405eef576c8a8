// The esbuild options every shipped bundle is built with (scripts/build.mjs), shared with the
// benchmark's engine bundle (test/bench/engine-bundle.ts) so that it measures the code users run.
import { join } from 'node:path';
import { typescriptEsmPath } from './typescript-esm.mjs';

const root = join(import.meta.dirname, '..');

/** Bundled CommonJS for Node 20; minified without source maps for production. */
export function bundleOptions({ production = false } = {}) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // `module` first: jsonc-parser's UMD build requires its parts at run time, which a bundle cannot serve.
    mainFields: ['module', 'main'],
    // `typescript`: its parser only, as an ES module the bundler can tree-shake (scripts/typescript-esm.mjs).
    alias: { typescript: typescriptEsmPath() },
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
  };
}
