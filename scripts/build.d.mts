// Types of scripts/build.mjs for the TypeScript tests that import it.
export function buildBundles(options?: { outdir?: string; production?: boolean }): Promise<void>;
