// Every rule's metadata is complete and its documented examples are true: each invalid example
// gives exactly one finding of that rule, each valid example none (as biome's generator checks).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules/index';
import { analyzeText, repoRoot } from '../helpers/engine';
import { describeFinding } from '../helpers/rule-tester';

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('rule metadata and examples', () => {
  it('rule IDs are unique', () => {
    assert.equal(new Set(allRules.map((r) => r.id)).size, allRules.length);
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      it('metadata is complete', () => {
        const m = rule.meta;
        for (const field of ['title', 'description', 'rationale', 'guide'] as const) assert.ok(m[field].trim().length > 0, `${field} is empty`);
        assert.ok(!/[\r\n]/.test(m.description), 'description is one line');
        assert.ok(m.languages.length > 0 && Object.keys(m.messages).length > 0);
        assert.ok(m.examples.invalid.length > 0 && m.examples.valid.length > 0, 'needs invalid and valid examples');
        const file = join(repoRoot, 'server', 'src', 'rules', rule.meta.service, `${rule.id}.ts`);
        assert.ok(existsSync(file), `rule file ${file}`);
        // Catch a wrong import under the right name: the export named after the ID is this rule.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        assert.equal(require(file)[camel(rule.id)], rule, `export ${camel(rule.id)} of ${rule.id}.ts`);
      });

      rule.meta.examples.invalid.forEach((ex, i) => {
        it(`invalid example ${i + 1} (${ex.filename}) gives exactly one finding`, () => {
          const result = analyzeText(ex.filename, ex.code);
          assert.deepEqual(result.internalErrors, []);
          const own = result.findings.filter((f) => f.ruleId === rule.id);
          assert.equal(own.length, 1, own.map(describeFinding).join('\n') || 'no finding');
        });
      });
      rule.meta.examples.valid.forEach((ex, i) => {
        it(`valid example ${i + 1} (${ex.filename}) gives none`, () => {
          const result = analyzeText(ex.filename, ex.code);
          assert.deepEqual(result.internalErrors, []);
          assert.deepEqual(result.findings.filter((f) => f.ruleId === rule.id).map(describeFinding), []);
        });
      });
    });
  }
});
