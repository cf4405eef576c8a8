// How far V8 lets the heap grow between full collections, for the server and the CLI.
//
// By default V8 lets the old generation grow to up to four times what survived the last full
// collection before it collects again. An audit's live set is small (~50 MB: the bundle's code,
// the IAM data, the report so far), but every file's syntax tree lives through that file's
// analysis and a large one is promoted out of the young generation: garbage that only a full
// collection frees. A full audit of a 4,000-file workspace peaked at 3-4 times its live set
// (test/bench). Growing by at most 30% between full collections keeps the peak near the live set
// for a few more (short, mostly concurrent) collections. Nothing is capped: a workspace that
// really needs more heap still gets it.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

/**
 * Applied by the loaders (`boot.ts`, `cliBoot.ts`) before the bundle compiles, which is also
 * before any analysis. The flag is read each time V8 sets the next collection's limit, so setting
 * it once the process runs takes effect (the bench measures it).
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
