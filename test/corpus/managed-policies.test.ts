// Real policies no one here wrote: every AWS managed policy, latest version, through the real
// engine. AWS's own policies use real actions, so iam-unknown-action must stay near zero, and
// their Deny statements are guardrails that no over-broad rule may flag.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseJsonFile } from '../../server/src/engine/json/front';
import { statementsOfSite } from '../../server/src/engine/json/statements';
import { describeFinding } from '../helpers/rule-tester';
import { analyzeManagedPolicies, countByRule, type PolicyRun } from './managed-policies';

const OVER_BROAD_RULES = new Set(['iam-wildcard-action', 'iam-wildcard-resource', 'iam-not-action-allow', 'iam-public-principal', 'iam-trust-missing-external-id']);

describe('AWS managed policies', () => {
  let runs: PolicyRun[] = [];
  before(() => {
    const t0 = performance.now();
    runs = analyzeManagedPolicies();
    const counts = countByRule(runs);
    console.log(`# ${runs.length} managed policies analyzed in ${(performance.now() - t0).toFixed(0)} ms`);
    for (const [id, c] of Object.entries(counts)) console.log(`# ${id}: ${c.findings} findings in ${c.policies} policies ${JSON.stringify(c.bySeverity)}`);
  });

  it('all of them (about 1,600) are analyzed without an exception or a notice', () => {
    assert.ok(runs.length > 1500, `only ${runs.length} policies`);
    const problems = runs.flatMap((r) => [...r.result.internalErrors.map((e) => `${r.name}: ${e.ruleId} threw ${e.message}`), ...r.result.notices.map((n) => `${r.name}: ${n.message}`)]);
    assert.deepEqual(problems, []);
    assert.ok(runs.every((r) => r.result.kind === 'json'));
  });

  it('iam-unknown-action is near zero: no errors, at most 5 warnings', () => {
    const unknown = runs.flatMap((r) => r.result.findings.filter((f) => f.ruleId === 'iam-unknown-action').map((f) => `${r.name}: ${describeFinding(f)}`));
    for (const u of unknown) console.log(`# ${u}`);
    assert.ok(unknown.length <= 5, unknown.join('\n'));
    assert.ok(!unknown.some((u) => u.includes(' error: ')), unknown.join('\n'));
  });

  it('no Deny statement is flagged as over-broad', () => {
    const wrong: string[] = [];
    for (const run of runs) {
      const { file } = parseJsonFile(run.text);
      const statements = file.policies.flatMap((site) => statementsOfSite(site, run.text));
      for (const f of run.result.findings) {
        if (!OVER_BROAD_RULES.has(f.ruleId)) continue;
        const s = statements.find((st) => st.start <= f.start && f.end <= st.end);
        if (s?.effect !== 'Allow') wrong.push(`${run.name}: ${describeFinding(f)} in a ${s?.effect ?? 'missing'} statement`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('the over-broad rules do fire on AWS\'s broad policies (the test can fail)', () => {
    const byName = new Map(runs.map((r) => [r.name, r]));
    const rules = (name: string) => new Set(byName.get(name)?.result.findings.map((f) => `${f.ruleId}/${f.messageId}`));
    assert.ok(rules('AdministratorAccess').has('iam-wildcard-action/allActions'));
    assert.ok(rules('PowerUserAccess').has('iam-not-action-allow/notAction'));
    assert.ok(rules('AmazonS3FullAccess').has('iam-wildcard-action/serviceWildcard'));
    assert.ok(rules('AmazonDynamoDBReadOnlyAccess').has('iam-wildcard-action/partialWildcard'));
  });
});
