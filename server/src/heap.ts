// How far V8 lets the heap grow between full collections: in the CLI and during the server's
// passes over a whole workspace, and while the user types.
//
// By default V8 lets the old generation grow to up to four times what survived the last full
// collection before it collects again. An audit's live set is small (~50 MB: the bundle's code,
// the IAM data, the report so far), but every file's syntax tree lives through that file's
// analysis and a large one is promoted out of the young generation: garbage that only a full
// collection frees. A full audit of a 4,000-file workspace peaked at 3-4 times its live set
// (test/bench). Growing by at most 30% between full collections keeps the peak near the live set
// for a few more (short, mostly concurrent) collections. Nothing is capped: a workspace that
// really needs more heap still gets it.
//
// While the user types, the server leaves the pace to V8. Each keystroke on a 5,000-line stack
// promotes ~1 MB: at 30% that brought a full collection every ~10 keystrokes (18-20 per 200) and a
// keystroke p95 of 29-37 ms; at V8's own pace 4 per 200 and 26-27 ms, for a peak RSS of ~215 MB
// over those 200 keystrokes instead of ~176 MB (docs/benchmark.md, 36.; since 38.-39. a keystroke
// promotes far less: 2 full collections per 200).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const AUDIT_HEAP_GROWING_PERCENT = 30;

/**
 * The CLI's loader (`cliBoot.ts`) sets the audit pace before the bundle compiles (V8 accepts cached
 * code only under the flags it was produced with); the server switches at run time around its
 * workspace passes. The flag is read each time V8 sets the next collection's limit, so setting it
 * once the process runs takes effect (the bench measures it). 0 is V8's default: its own factor.
 */
export function paceHeap(use: 'audit' | 'editing'): void {
  setFlagsFromString(`--heap-growing-percent=${use === 'audit' ? AUDIT_HEAP_GROWING_PERCENT : 0}`);
}

/**
 * Every process that runs the engine, before its bundle compiles (the CLI's and the server's
 * loaders; the benchmark's engine process): objects reach the old generation only by surviving two
 * young collections. By default V8 also allocates objects directly in the old generation from the
 * allocation sites whose objects mostly survived so far ("pretenuring"). Many of a file's objects
 * survive a young collection that lands inside its analysis, so their sites get pretenured; such an
 * object then points at the file's younger objects (its tree, node list and facts), and every young
 * collection must keep and promote whatever an old object points to, garbage or not, until the
 * next full collection. On the benchmark's TypeScript corpus a pass took 0.68× the CPU time
 * without it, with scavenges at a third of their time (docs/benchmark.md, 38.).
 */
export function tenureByAgeOnly(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

/**
 * The server's loader, before the bundle compiles: `withAuditHeapPace` starts a pass with a full
 * collection, through V8's \`gc\` (exposed to contexts created after this, not to the running one).
 */
export function allowFullCollection(): void {
  setFlagsFromString('--expose-gc');
}

// Shared with the server's loader (a separate bundle with its own copy of this module), which must
// not take its code cache while the flag differs from the one it compiled under.
const PASSES = Symbol.for('aws-patterns.workspacePasses');
const slot = globalThis as unknown as Record<symbol, number | undefined>;

/**
 * The server, around a pass over the whole workspace (audit, fix-all, refresh): the heap is paced as
 * in the CLI until the last such pass running ends, then as for editing again.
 */
export async function withAuditHeapPace<T>(pass: () => Promise<T>): Promise<T> {
  if (!auditHeapPaced()) {
    paceHeap('audit');
    // The limit in force was set at V8's pace (up to 4× the live set) and holds until the next full
    // collection: collected now, the pass runs under limits set at its own pace from the start.
    collectGarbage();
  }
  slot[PASSES] = (slot[PASSES] ?? 0) + 1;
  try {
    return await pass();
  } finally {
    slot[PASSES] = (slot[PASSES] ?? 1) - 1;
    if (!auditHeapPaced()) paceHeap('editing');
  }
}

/** True while a workspace pass has changed the flag: code cached now would be rejected by the next start. */
export function auditHeapPaced(): boolean {
  return (slot[PASSES] ?? 0) > 0;
}

let collect: (() => void) | undefined | null = null;

/** A full collection where the loader allowed it (not where tests run the server in-process). */
function collectGarbage(): void {
  if (collect === null) {
    try {
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      collect = typeof gc === 'function' ? (gc as () => void) : undefined;
    } catch {
      collect = undefined;
    }
  }
  collect?.();
}
