// Timing that holds up on a shared 2-core machine: warm-up rounds are thrown away, the tasks of a
// comparison run interleaved (rotating which goes first) so drift hits both sides alike, the
// heap is collected before every timed pass, and the median of the rounds is reported.

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export interface Sample {
  /** Wall-clock milliseconds. */
  wall: number;
  /**
   * CPU milliseconds of this process (user + system, all its threads, so GC helpers count).
   * On a shared machine other processes stretch the wall clock, not this: in-process
   * comparisons use it.
   */
  cpu: number;
}

export function sample(fn: () => void): Sample {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

export interface Task {
  name: string;
  run: () => void;
}

/** Runs every task once per round, interleaved; returns each task's per-round samples. */
export function interleaved(tasks: readonly Task[], rounds: number, warmup: number): Map<string, Sample[]> {
  const samples = new Map<string, Sample[]>(tasks.map((t) => [t.name, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[(r + i) % tasks.length];
      collectGarbage();
      const s = sample(task.run);
      if (r >= warmup) samples.get(task.name)!.push(s);
    }
  }
  return samples;
}
