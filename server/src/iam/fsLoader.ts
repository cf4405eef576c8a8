// Reads the compiled IAM data from a folder (dist/iam-data beside the bundles). Used by the
// server and the CLI, which own I/O; the engine only sees the resulting IamKnowledge.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIamKnowledge, type IamDataLoader, type IamKnowledge } from './knowledge';

export function fsIamLoader(dir: string): IamDataLoader {
  return {
    index: () => JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')),
    service(prefix) {
      // Prefixes come from the index, but guard against path tricks all the same.
      if (!/^[a-z0-9-]+$/.test(prefix)) return undefined;
      const file = join(dir, `${prefix}.json`);
      return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
    },
  };
}

/** The data folder next to the running bundle, or the build output when running from sources. */
export function defaultIamDataDir(): string {
  const candidates = [join(__dirname, 'iam-data'), join(__dirname, '..', '..', '..', 'dist', 'iam-data')];
  return candidates.find((d) => existsSync(join(d, 'index.json'))) ?? candidates[0];
}

export function loadIamKnowledge(dir = defaultIamDataDir()): IamKnowledge {
  return createIamKnowledge(fsIamLoader(dir));
}
