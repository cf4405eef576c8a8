// The sample policies the README's audit command runs on: together they show every IAM rule,
// and their compliant statements (named by Sid) draw no finding at all.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseJsonFile } from '../../server/src/engine/json/front';
import { statementsOfSite } from '../../server/src/engine/json/statements';
import { allRules } from '../../server/src/rules/index';
import { analyzeText, repoRoot } from '../helpers/engine';
import { describeFinding } from '../helpers/rule-tester';

const dir = join(repoRoot, 'examples', 'policies');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const results = files.map((f) => {
  const text = readFileSync(join(dir, f), 'utf8');
  return { f, text, result: analyzeText(join(dir, f), text) };
});

const COMPLIANT_SIDS = ['ReadWriteUploads', 'Metrics', 'StayInRegion', 'BackupVendor', 'OwnLambda', 'CloudFrontOnly', 'DenyInsecureTransport', 'AccountAdmin', 'FromIngestTopicOnly'];

describe('examples/policies', () => {
  it('parse cleanly and no rule throws', () => {
    for (const { f, result } of results) assert.deepEqual([result.notices, result.internalErrors], [[], []], f);
  });

  it('show every IAM rule at least once', () => {
    const seen = new Set(results.flatMap((r) => r.result.findings.map((x) => x.ruleId)));
    const iamRules = allRules.filter((r) => r.meta.service === 'iam').map((r) => r.id);
    assert.deepEqual(iamRules.filter((id) => !seen.has(id)), []);
  });

  it('the compliant statements draw no finding', () => {
    const found = new Set<string>();
    for (const { f, text, result } of results) {
      const statements = parseJsonFile(text).file.policies.flatMap((site) => statementsOfSite(site, text));
      for (const s of statements) {
        if (!s.sid || !COMPLIANT_SIDS.includes(s.sid)) continue;
        found.add(s.sid);
        const inside = result.findings.filter((x) => x.start >= s.start && x.end <= s.end);
        assert.deepEqual(inside.map(describeFinding), [], `${f} ${s.sid}`);
      }
    }
    assert.deepEqual(COMPLIANT_SIDS.filter((sid) => !found.has(sid)), []);
  });
});
