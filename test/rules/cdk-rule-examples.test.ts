// Each CDK rule's documented examples behave as documented: every invalid example gives exactly
// one finding of that rule, every valid example none (the docs page shows them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules/index';
import { analyzeText, parseProblems } from '../helpers/engine';

const cdkRules = allRules.filter((r) => r.meta.service === 's3' || r.meta.service === 'lambda' || r.meta.service === 'dynamodb').filter((r) => r.meta.guide !== 'SQS / Consumer Pattern');

describe('CDK rule examples', () => {
  it('there are CDK rules', () => assert.ok(cdkRules.length >= 15));
  for (const rule of cdkRules) {
    it(`${rule.id}: examples`, () => {
      assert.ok(rule.meta.examples.invalid.length > 0 && rule.meta.examples.valid.length > 0);
      for (const ex of rule.meta.examples.invalid) {
        assert.deepEqual(parseProblems(ex.filename, ex.code), []);
        const found = analyzeText(ex.filename, ex.code, { rules: [rule] }).findings.filter((f) => f.ruleId === rule.id);
        assert.equal(found.length, 1, `invalid example of ${rule.id} gives ${found.length} findings:\n${ex.code}`);
      }
      for (const ex of rule.meta.examples.valid) {
        assert.deepEqual(parseProblems(ex.filename, ex.code), []);
        const found = analyzeText(ex.filename, ex.code, { rules: [rule] }).findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(found.map((f) => f.message), [], `valid example of ${rule.id}:\n${ex.code}`);
      }
    });
  }
});
