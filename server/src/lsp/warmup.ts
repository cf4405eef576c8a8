// V8 optimizes the engine's hot paths only after they have run a few times, so the first
// keystrokes after a large file opens were 3–7× slower than the later ones (112, 76 and 44 ms
// against ~17 ms on the benchmark's 5,114-line stack). Once per server, when the editor has been
// quiet for a moment after a TypeScript analysis, this re-runs a keystroke's path (incremental
// reparse and full analysis) on that document a few times, so the user's first real keystrokes
// run optimized code. It runs one analysis per turn of the event loop, gives way to any request,
// and stops for good once enough analyses, warm-up or real, have run.

/** One warm-up analysis of the document; false when it no longer applies (closed, changed). */
export type WarmupStep = (round: number) => boolean;

export interface WarmupOptions {
  /** Analyses (real or warm-up) after which the code is warm. */
  analyses?: number;
  /** Quiet time after the last request before warming starts. */
  idleMs?: number;
  /** Warm-up time spent at most, in case each analysis is slow (a huge file). */
  budgetMs?: number;
  /** Called once when a warm-up round made the code warm: warm-up rounds run and time spent. */
  onWarm?: (rounds: number, ms: number) => void;
}

export class JitWarmup {
  private count = 0;
  private rounds = 0;
  private spentMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly analyses: number;
  private readonly idleMs: number;
  private readonly budgetMs: number;
  private readonly onWarm: WarmupOptions['onWarm'];

  constructor(options: WarmupOptions = {}) {
    this.onWarm = options.onWarm;
    this.analyses = options.analyses ?? 10;
    this.idleMs = options.idleMs ?? 400;
    this.budgetMs = options.budgetMs ?? 1000;
  }

  /** True once enough analyses ran or the budget is spent: nothing more is scheduled. */
  get done(): boolean {
    return this.count >= this.analyses || this.spentMs >= this.budgetMs;
  }

  /** Analyses counted so far (the real ones and the warm-up's). */
  get runs(): number {
    return this.count;
  }

  /** A real analysis of a TypeScript document ran. */
  counted(): void {
    this.count++;
  }

  /** Warms up with `step` after the next quiet spell (replacing a warm-up not yet finished). */
  schedule(step: WarmupStep): void {
    this.cancel();
    if (this.done) return;
    this.next(step, 0, this.idleMs);
  }

  /** A request arrived: it goes first, and reschedules the warm-up if it still wants one. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private next(step: WarmupStep, round: number, delay: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.done) return;
      const started = performance.now();
      const ran = step(round);
      if (!ran) return;
      this.spentMs += performance.now() - started;
      this.count++;
      this.rounds++;
      if (this.done) this.onWarm?.(this.rounds, this.spentMs);
      else this.next(step, round + 1, 0);
    }, delay);
    // A pending warm-up never keeps the process alive.
    this.timer.unref?.();
  }
}

/**
 * The text a warm-up round analyzes: even rounds add a space at the end of the middle line (a
 * change the incremental parser must reparse around), odd ones restore the document's text.
 */
export function warmupText(text: string, round: number): string {
  if (round % 2 === 1) return text;
  const newline = text.indexOf('\n', text.length >> 1);
  const at = newline < 0 ? text.length : newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
  return `${text.slice(0, at)} ${text.slice(at)}`;
}
