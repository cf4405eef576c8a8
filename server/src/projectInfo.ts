// The file-system side of project facts, for the server and the CLI (the engine does no I/O):
// walks up from a file to the nearest package.json that uses aws-cdk-lib and reads the version.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedConfig } from './engine/config';
import { awsCdkLibVersionOf } from './engine/project';

/** The aws-cdk-lib version a folder's own package.json gives, or undefined. */
function versionIn(dir: string): string | undefined {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const installedPath = join(dir, 'node_modules', 'aws-cdk-lib', 'package.json');
  try {
    return awsCdkLibVersionOf(readFileSync(manifest, 'utf8'), existsSync(installedPath) ? readFileSync(installedPath, 'utf8') : undefined);
  } catch {
    return undefined; // unreadable manifest: keep looking upward
  }
}

/** The aws-cdk-lib version of the project holding `filePath`, or undefined when none is found. */
export function findAwsCdkLibVersion(filePath: string): string | undefined {
  return new CdkVersions().of(filePath);
}

/**
 * `findAwsCdkLibVersion` with the answer kept per folder: an audit of thousands of files reads
 * each package.json once. Drop it (make a new one) when a package.json may have changed.
 */
export class CdkVersions {
  private readonly byDir = new Map<string, string | undefined>();

  of(filePath: string): string | undefined {
    const visited: string[] = [];
    let found: string | undefined;
    let dir = dirname(filePath);
    for (let i = 0; i < 40; i++) {
      if (this.byDir.has(dir)) {
        found = this.byDir.get(dir);
        break;
      }
      visited.push(dir);
      found = versionIn(dir);
      if (found) break;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  /** The config with the project's aws-cdk-lib version filled in for `filePath` (fixes pick a spelling by it). */
  configFor(config: ResolvedConfig, filePath: string): ResolvedConfig {
    const awsCdkLibVersion = this.of(filePath);
    if (awsCdkLibVersion === config.settings.awsCdkLibVersion) return config;
    return { ...config, settings: { ...config.settings, awsCdkLibVersion } };
  }
}
