// The file-system side of project facts, for the server and the CLI (the engine does no I/O):
// walks up from a file to the nearest package.json that uses aws-cdk-lib and reads the version.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { awsCdkLibVersionOf } from './engine/project';

/** The aws-cdk-lib version of the project holding `filePath`, or undefined when none is found. */
export function findAwsCdkLibVersion(filePath: string): string | undefined {
  let dir = dirname(filePath);
  for (let i = 0; i < 40; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const installedPath = join(dir, 'node_modules', 'aws-cdk-lib', 'package.json');
      try {
        const version = awsCdkLibVersionOf(readFileSync(manifest, 'utf8'), existsSync(installedPath) ? readFileSync(installedPath, 'utf8') : undefined);
        if (version) return version;
      } catch {
        // unreadable manifest: keep looking upward
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
