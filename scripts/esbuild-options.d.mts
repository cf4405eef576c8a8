// Types of scripts/esbuild-options.mjs for the TypeScript code that imports it.
import type { BuildOptions } from 'esbuild';
export function bundleOptions(options?: { production?: boolean }): BuildOptions;
