// Every registered rule, generically: its ID is its file name and its export's name, and its
// documented examples behave (each invalid example gives exactly one finding of the rule, each
// valid one none), on the real engine with every rule enabled.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules/index';
import { describeFinding } from '../helpers/rule-tester';
import { analyzeText, parseProblems, repoRoot } from '../helpers/engine';

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('rule registry and examples', () => {
  it('rule IDs are unique', () => assert.equal(new Set(allRules.map((r) => r.id)).size, allRules.length));
  for (const rule of allRules) {
    describe(rule.id, () => {
      it('lives in server/src/rules/<service>/<id>.ts and exports a camelCase const of its ID', () => {
        const file = join(repoRoot, 'server', 'src', 'rules', rule.meta.service, `${rule.id}.ts`);
        assert.ok(existsSync(file), `missing ${file}`);
        const mod = require(file) as Record<string, unknown>;
        assert.equal(mod[camel(rule.id)], rule, `export ${camel(rule.id)}`);
      });
      it('has a one-line description, a rationale and at least one example each way', () => {
        assert.ok(rule.meta.description && !rule.meta.description.includes('\n'));
        assert.ok(rule.meta.rationale.length > 40);
        assert.ok(rule.meta.examples.invalid.length > 0 && rule.meta.examples.valid.length > 0);
      });
      rule.meta.examples.invalid.forEach((ex, i) =>
        it(`invalid example ${i + 1} gives exactly one finding`, () => {
          assert.deepEqual(parseProblems(ex.filename, ex.code), []);
          const r = analyzeText(ex.filename, ex.code);
          assert.deepEqual(r.internalErrors, []);
          const mine = r.findings.filter((f) => f.ruleId === rule.id);
          assert.equal(mine.length, 1, mine.map(describeFinding).join('\n') || 'no finding');
        }),
      );
      rule.meta.examples.valid.forEach((ex, i) =>
        it(`valid example ${i + 1} gives none`, () => {
          assert.deepEqual(parseProblems(ex.filename, ex.code), []);
          const r = analyzeText(ex.filename, ex.code);
          assert.deepEqual(r.findings.filter((f) => f.ruleId === rule.id).map(describeFinding), []);
        }),
      );
    });
  }
});
