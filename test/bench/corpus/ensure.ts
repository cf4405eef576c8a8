// Finds the benchmark corpus in its cache folder, or generates it in a child process (so the
// benchmark process never holds the managed-policy data set in its heap).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusKey, type CorpusManifest, type CorpusOptions } from './generate';

export interface Corpus {
  manifest: CorpusManifest;
  /** The workspace folder holding the files. */
  root: string;
}

export function cacheDir(name: string): string {
  return join(process.env.AWS_PATTERNS_BENCH_CACHE ?? join(tmpdir(), 'aws-patterns-bench'), name);
}

export function ensureCorpus(name: string, options: CorpusOptions): Corpus {
  const dir = cacheDir(name);
  const manifestPath = join(dir, 'manifest.json');
  const key = corpusKey(options);
  const cached = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest) : undefined;
  if (cached?.key !== key) {
    execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'generate.ts'), dir, JSON.stringify(options)], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest, root: join(dir, 'workspace') };
}
