// Which files an audit reads: the files named, and every file the engine can analyze under the
// folders named, minus dependency, VCS and build-output folders.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileKindOf } from '../engine/analyze';
import { CONFIG_FILE_NAME } from '../engine/config';
import { UsageError } from './args';

/** Folders that hold dependencies, VCS data or generated output, never the user's own source. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'cdk.out',
  'dist',
  'build',
  'out',
  'coverage',
  '.aws-sam',
  '.serverless',
]);

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Files named explicitly that the engine has no front end for. */
  unsupported: string[];
}

export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const files = new Set<string>();
  const unsupported: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new UsageError(`No such file or folder: ${p}`);
    }
    if (stat.isDirectory()) walk(abs, files);
    else if (fileKindOf(abs)) files.add(abs);
    else unsupported.push(p);
  }
  return { files: [...files].sort(), unsupported };
}

function walk(dir: string, out: Set<string>): void {
  // Iterative, and symlinked folders are not followed: no cycles, no escaping the tree.
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to audit there
    }
    for (const e of entries) {
      const full = join(current, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) stack.push(full);
      } else if (e.isFile() && e.name !== CONFIG_FILE_NAME && fileKindOf(e.name)) {
        out.add(full);
      }
    }
  }
}
