// `meta.gate`: a rule whose gate the file's text fails is not created at all (a rule family that
// cannot apply costs nothing), each gate object is tested once per file, and a rule skipped so
// still counts as having run for the suppression checks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule, type RuleDefinition } from '../../server/src/engine/rule';
import { CDK_GATE } from '../../server/src/engine/typescript/cdk';
import { SDK_GATE } from '../../server/src/engine/typescript/sdk';
import { allRules } from '../../server/src/rules/index';
import { analyzeText, testRuleMeta } from '../helpers/engine';

/** A rule that counts its `create` calls and reports the file's first character. */
function countingRule(id: string, gate: RegExp | undefined): RuleDefinition & { created: number } {
  const rule = defineRule({
    id,
    meta: testRuleMeta(id, { fix: 'none', languages: ['typescript', 'json'], messages: { found: 'found' }, gate }),
    create(ctx) {
      counted.created++;
      return { fileEnd: () => ctx.report({ messageId: 'found', start: 0, end: 1 }) };
    },
  });
  const counted = Object.assign(rule, { created: 0 });
  return counted;
}

/** A pattern that counts how often the engine tests it. */
class CountingRegExp extends RegExp {
  tests = 0;
  override test(text: string): boolean {
    this.tests++;
    return super.test(text);
  }
}

describe('rule gates', () => {
  it('a rule is not created for a file its gate rejects, and runs where the gate passes', () => {
    const rule = countingRule('gated', /aws-cdk/);
    assert.deepEqual(analyzeText('a.ts', 'const x = 1;\n', { rules: [rule] }).findings, []);
    assert.equal(rule.created, 0);
    const r = analyzeText('b.ts', "import * as cdk from 'aws-cdk-lib';\n", { rules: [rule] });
    assert.equal(rule.created, 1);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['gated']);
  });

  it('works for JSON files too, and a rule without a gate always runs', () => {
    const gated = countingRule('gated', /Statement/);
    const open = countingRule('open', undefined);
    const r = analyzeText('a.json', '{ "name": "x" }\n', { rules: [gated, open] });
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['open']);
    assert.equal(gated.created, 0);
  });

  it('rules sharing a gate object share one test per file', () => {
    const gate = new CountingRegExp('aws-sdk');
    const rules = [countingRule('one', gate), countingRule('two', gate), countingRule('three', gate)];
    analyzeText('a.ts', "import { S3Client } from '@aws-sdk/client-s3';\n", { rules });
    assert.equal(gate.tests, 1);
    assert.deepEqual(rules.map((r) => r.created), [1, 1, 1]);
  });

  it('a rule its gate skipped counts as having run: a suppression of it that suppresses nothing is reported', () => {
    const r = analyzeText('a.js', '// aws-patterns-disable-next-line sdk-v2-import\nconst x = 1;\n');
    assert.deepEqual(r.findings.map((f) => `${f.ruleId}/${f.messageId}`), ['unused-suppression/unused']);
  });

  it("every registered rule's gate passes on each of its own invalid examples", () => {
    for (const rule of allRules) {
      const gate = rule.meta.gate;
      if (!gate) continue;
      for (const example of rule.meta.examples.invalid) assert.ok(gate.test(example.code), `${rule.id}: ${example.filename}`);
    }
  });

  it('the CDK and SDK gates are what the construct and SDK layers resolve through', () => {
    // v1 and v2 CDK modules, SDK v3 and v2 modules, in imports and requires.
    for (const text of ["import * as s3 from '@aws-cdk/aws-s3';", "const cdk = require('aws-cdk-lib');", "import { Stack } from 'aws-cdk-lib/core';"]) assert.ok(CDK_GATE.test(text), text);
    for (const text of ["import { S3Client } from '@aws-sdk/client-s3';", "const AWS = require('aws-sdk');", "import S3 from 'aws-sdk/clients/s3';"]) assert.ok(SDK_GATE.test(text), text);
  });
});
