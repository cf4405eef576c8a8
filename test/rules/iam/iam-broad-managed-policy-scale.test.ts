// The JSON pass of iam-broad-managed-policy must stay linear in the number of AWS managed policy
// ARNs a file names: it once found each ARN's path with jsonc-parser's `getLocation`, which
// rescans the text from its start, so a template naming thousands of them took seconds. The rule's
// own time (the engine's `timing`) at 8× the roles must stay well under the 64× a quadratic pass
// takes; the best of three runs each, and a generous bound (linear is ~8×), keep it clear of noise.
import { describe, it } from 'node:test';
import { iamBroadManagedPolicy } from '../../../server/src/rules/iam/iam-broad-managed-policy';
import { assertLinearTime } from '../../helpers/scale';

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

describe('iam-broad-managed-policy on a JSON template naming many AWS managed policies', () => {
  it('takes time linear in the number of ARNs (8× the roles, well under 64× the time)', (t) => {
    assertLinearTime(t, iamBroadManagedPolicy, 'template.json', template, 300, 'roles');
  });
});
