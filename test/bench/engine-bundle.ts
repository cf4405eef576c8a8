// The engine as it ships: bundled and minified by esbuild with the production build's options,
// so in-process figures measure the code users run (no tsx module wrappers, no keep-names
// helpers). The floors (TypeScript's createSourceFile, jsonc-parser's parseTree) come from the
// same bundle: the same library code on both sides of each ratio.
import { buildSync } from 'esbuild';
import { bundleOptions } from '../../scripts/esbuild-options.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as jsonc from 'jsonc-parser';
import type * as typescript from 'typescript';
import type { analyze } from '../../server/src/engine/analyze';
import type { loadIamKnowledge } from '../../server/src/iam/fsLoader';
import type { allRules } from '../../server/src/rules/index';

export interface ShippedEngine {
  analyze: typeof analyze;
  loadIamKnowledge: typeof loadIamKnowledge;
  allRules: typeof allRules;
  ts: Pick<typeof typescript, 'createSourceFile' | 'ScriptKind' | 'ScriptTarget'>;
  parseTree: typeof jsonc.parseTree;
}

const ENTRY = `
export { analyze } from './server/src/engine/analyze';
export { loadIamKnowledge } from './server/src/iam/fsLoader';
export { allRules } from './server/src/rules/index';
import { createSourceFile, ScriptKind, ScriptTarget } from 'typescript';
export const ts = { createSourceFile, ScriptKind, ScriptTarget };
export { parseTree } from 'jsonc-parser';
`;

export function loadShippedEngine(repoRoot: string, outDir: string): ShippedEngine {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'engine.js');
  buildSync({
    ...bundleOptions({ production: true }),
    stdin: { contents: ENTRY, resolveDir: repoRoot, loader: 'ts', sourcefile: 'bench-engine-entry.ts' },
    outfile,
  });
  return require(outfile) as ShippedEngine;
}
