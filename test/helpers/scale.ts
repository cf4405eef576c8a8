// Scale tests: a rule's own time (the engine's `timing`, best of three runs) on a file of `small`
// units and of 8× as many. Linear work takes ~8× the time, quadratic ~64×; failing above 24× keeps
// the test clear of a shared machine's noise while still catching a pass that rescans the file.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { RuleDefinition } from '../../server/src/engine/rule';
import { analyzeText } from './engine';

const SCALE = 8;
const BOUND = 24;

/** The rule alone on `text`, which must give `expected` findings: its best time of three runs. */
function ruleMs(rule: RuleDefinition, filename: string, text: string, expected: number): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const r = analyzeText(filename, text, { rules: [rule], timing: true });
    assert.equal(r.findings.length, expected);
    best = Math.min(best, r.timings![rule.id]);
  }
  return best;
}

/** `build(n)` is a file of `n` units, each drawing one finding of `rule`. */
export function assertLinearTime(t: TestContext, rule: RuleDefinition, filename: string, build: (n: number) => string, small: number, unit: string): void {
  const large = small * SCALE;
  ruleMs(rule, filename, build(50), 50); // warm-up
  const a = ruleMs(rule, filename, build(small), small);
  const b = ruleMs(rule, filename, build(large), large);
  t.diagnostic(`${small} ${unit}: ${a.toFixed(1)} ms, ${large} ${unit}: ${b.toFixed(1)} ms (${(b / a).toFixed(1)}×)`);
  assert.ok(b < Math.max(a, 1) * BOUND, `${large} ${unit} took ${(b / a).toFixed(1)}× ${small} ${unit} (${a.toFixed(1)} → ${b.toFixed(1)} ms)`);
}
