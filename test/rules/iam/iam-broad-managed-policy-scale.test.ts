// The JSON pass of iam-broad-managed-policy must stay linear in the number of AWS managed policy
// ARNs a file names: it once found each ARN's path with jsonc-parser's `getLocation`, which
// rescans the text from its start, so a template naming thousands of them took seconds. The rule's
// own time (the engine's `timing`) at 8× the roles must stay well under the 64× a quadratic pass
// takes; the best of three runs each, and a generous bound (linear is ~8×), keep it clear of noise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iamBroadManagedPolicy } from '../../../server/src/rules/iam/iam-broad-managed-policy';
import { analyzeText } from '../../helpers/engine';

/** A CloudFormation template of `roles` roles, each attaching a service-wide policy and naming another ARN in a condition. */
function template(roles: number): string {
  const resources: string[] = [];
  for (let i = 0; i < roles; i++) {
    resources.push(
      `    "Role${i}": {\n      "Type": "AWS::IAM::Role",\n      "Properties": {\n        "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3FullAccess"],\n` +
        `        "Policies": [{ "PolicyName": "p${i}", "PolicyDocument": { "Version": "2012-10-17", "Statement": [{ "Effect": "Deny", "Action": "iam:AttachRolePolicy", "Resource": "*",\n` +
        `          "Condition": { "ArnEquals": { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" } } }] } }]\n      }\n    }`,
    );
  }
  return `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n${resources.join(',\n')}\n  }\n}\n`;
}

function ruleMs(text: string, expected: number): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const r = analyzeText('template.json', text, { rules: [iamBroadManagedPolicy], timing: true });
    assert.equal(r.findings.length, expected);
    best = Math.min(best, r.timings![iamBroadManagedPolicy.id]);
  }
  return best;
}

describe('iam-broad-managed-policy on a JSON template naming many AWS managed policies', () => {
  it('takes time linear in the number of ARNs (8× the roles, well under 64× the time)', (t) => {
    ruleMs(template(50), 50); // warm-up
    const small = ruleMs(template(300), 300);
    const large = ruleMs(template(2400), 2400);
    t.diagnostic(`300 roles: ${small.toFixed(1)} ms, 2,400 roles: ${large.toFixed(1)} ms (${(large / small).toFixed(1)}×)`);
    assert.ok(large < Math.max(small, 1) * 24, `2,400 roles took ${(large / small).toFixed(1)}× 300 roles (${small.toFixed(1)} → ${large.toFixed(1)} ms)`);
  });
});
