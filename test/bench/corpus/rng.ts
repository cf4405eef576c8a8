// A seeded random source: the corpus must be byte-identical on every run and machine, so
// nothing here reads the clock or Math.random.

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast and good enough to vary generated code. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  some<T>(items: readonly T[], min: number, max: number): T[] {
    const pool = [...items];
    const n = Math.min(pool.length, this.int(min, max));
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

export const NOUNS = [
  'order', 'invoice', 'payment', 'customer', 'user', 'session', 'report', 'upload', 'image', 'thumbnail',
  'audit', 'event', 'notification', 'inventory', 'product', 'cart', 'shipment', 'ledger', 'export', 'import',
  'billing', 'profile', 'document', 'media', 'archive', 'metric', 'alert', 'webhook', 'token', 'subscription',
];
export const VERBS = ['process', 'sync', 'ingest', 'resize', 'notify', 'validate', 'enrich', 'publish', 'archive', 'reconcile', 'index', 'transform'];

export function pascal(...words: string[]): string {
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

export function camel(...words: string[]): string {
  const p = pascal(...words);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

export function kebab(...words: string[]): string {
  return words.join('-').toLowerCase();
}

export function indent(text: string, levels: number, unit = '  '): string {
  const pad = unit.repeat(levels);
  return text
    .split('\n')
    .map((l) => (l.length ? pad + l : l))
    .join('\n');
}

/** A 12-digit account ID, stable for a given random source. */
export function accountId(rng: Rng): string {
  let s = String(rng.int(1, 9));
  for (let i = 0; i < 11; i++) s += String(rng.int(0, 9));
  return s;
}
