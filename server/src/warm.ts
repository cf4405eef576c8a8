// The language server tells its loader (boot.ts) that its first analysis is done: the loader then
// takes the V8 code cache (codeCache.ts), which so holds the bytecode of the parser and the rules
// besides start-up's, and takes it after the first diagnostics instead of on their way. Loader and
// server are separate bundles, each with its own copy of this module: a registered symbol is what
// they share.
const WARM = Symbol.for('aws-patterns.bundleWarm');
const slot = globalThis as unknown as Record<symbol, (() => void) | undefined>;

/** The loader: `fn` runs once, at the bundle's first `bundleWarm()`. */
export function whenBundleWarm(fn: () => void): void {
  slot[WARM] = fn;
}

/** The server, after each analysis: the first call runs what the loader registered. */
export function bundleWarm(): void {
  const fn = slot[WARM];
  if (!fn) return;
  slot[WARM] = undefined;
  fn();
}
