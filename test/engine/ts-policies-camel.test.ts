import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyStatement } from '../../server/src/engine/policy/model';
import { TsFile, parseTypeScript } from '../../server/src/engine/typescript/file';
import { extractTsPolicyStatements } from '../../server/src/engine/typescript/policies';

// Pulumi's `aws.iam.getPolicyDocument` and CDK for Terraform's `DataAwsIamPolicyDocument` take
// Terraform's lower-camel statement shape. These cases are written for this project.
function extract(code: string): PolicyStatement[] {
  return extractTsPolicyStatements(new TsFile(parseTypeScript('infra.ts', code)));
}
const values = (l: { items: { value: string | undefined }[] } | undefined) => l?.items.map((i) => i.value);
const text = (code: string, r: { start: number; end: number }) => code.slice(r.start, r.end);

const PULUMI = 'import * as aws from "@pulumi/aws";\n';
const CDKTF = 'import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";\n';

describe('TypeScript IAM statements: Pulumi getPolicyDocument', () => {
  it('reads effect (Allow by default), actions, resources and sid, pointing into the code', () => {
    const code = PULUMI + 'const doc = aws.iam.getPolicyDocument({\n  statements: [{ sid: "Read", actions: ["s3:GetObject", "s3:*"], resources: ["*"] }],\n});\n';
    const [s] = extract(code);
    assert.equal(s.effect, 'Allow');
    assert.equal(s.kind, 'identity');
    assert.equal(s.sid, 'Read');
    assert.deepEqual(values(s.actions), ['s3:GetObject', 's3:*']);
    assert.equal(text(code, s.actions!.items[1]), '"s3:*"');
    assert.equal(text(code, { start: s.actions!.keyStart, end: s.actions!.keyEnd }), 'actions');
    assert.deepEqual(values(s.resources), ['*']);
  });
  it('reads getPolicyDocumentOutput, a named import from @pulumi/aws/iam, and statements kept in a const', () => {
    const code =
      'import { getPolicyDocumentOutput } from "@pulumi/aws/iam";\nconst statements = [{ effect: "Deny", notActions: ["iam:*"], notResources: ["arn:aws:s3:::b"] }];\n' +
      'getPolicyDocumentOutput({ statements });\n';
    const [s] = extract(code);
    assert.equal(s.effect, 'Deny');
    assert.deepEqual(values(s.notActions), ['iam:*']);
    assert.deepEqual(values(s.notResources), ['arn:aws:s3:::b']);
  });
  it('reads principals as [{ type, identifiers }] and makes a trust statement of sts:AssumeRole', () => {
    const code =
      PULUMI +
      'aws.iam.getPolicyDocument({ statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }, { type: "Service", identifiers: ["lambda.amazonaws.com"] }] }] });\n';
    const [s] = extract(code);
    assert.equal(s.kind, 'trust');
    assert.deepEqual(
      s.principal!.entries.map((e) => [e.type, e.value]),
      [
        ['AWS', 'arn:aws:iam::111122223333:root'],
        ['Service', 'lambda.amazonaws.com'],
      ],
    );
    assert.equal(s.principal!.incomplete, false);
  });
  it('reads type "*" as the anonymous principal, and a principal it cannot read as incomplete', () => {
    const code =
      PULUMI +
      'declare const kind: string;\naws.iam.getPolicyDocument({ statements: [\n  { actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], principals: [{ type: "*", identifiers: ["*"] }] },\n  { actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], principals: [{ type: kind, identifiers: ["*"] }] },\n] });\n';
    const [pub, unknown] = extract(code);
    assert.equal(pub.kind, 'resource');
    assert.deepEqual(pub.principal!.entries.map((e) => [e.type, e.value]), [['*', '*']]);
    assert.equal(unknown.principal!.incomplete, true);
    assert.equal(unknown.principal!.entries.length, 0);
  });
  it('reads conditions as [{ test, variable, values }]', () => {
    const code =
      PULUMI +
      'aws.iam.getPolicyDocument({ statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["111122223333"] }], conditions: [{ test: "StringEquals", variable: "sts:ExternalId", values: ["abc"] }] }] });\n';
    const [s] = extract(code);
    assert.deepEqual(s.condition!.entries, [{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['abc'] }]);
    assert.equal(s.condition!.incomplete, false);
  });
  it('marks what it cannot see as unknown: an effect, a spread statement, a list from a parameter', () => {
    const code =
      PULUMI +
      'declare const effect: string; declare const extra: object; declare const arns: string[];\naws.iam.getPolicyDocument({ statements: [\n  { effect, actions: ["s3:*"], resources: ["*"] },\n  { ...extra, actions: ["s3:GetObject"] },\n  { actions: ["s3:GetObject"], resources: arns },\n] });\n';
    const [a, b, c] = extract(code);
    assert.equal(a.effect, undefined);
    assert.equal(b.resources?.incomplete, true, 'a spread may hold resources');
    assert.equal(c.resources?.incomplete, true);
  });
  it('stays silent on shapes it does not know: other modules, other functions, PascalCase keys', () => {
    assert.equal(extract('import * as aws from "./my-aws";\naws.iam.getPolicyDocument({ statements: [{ actions: ["s3:*"], resources: ["*"] }] });\n').length, 0);
    assert.equal(extract(PULUMI + 'aws.iam.getRole({ statements: [{ actions: ["s3:*"], resources: ["*"] }] });\n').length, 0);
    assert.equal(extract('function getPolicyDocument(x: object) { return x; }\ngetPolicyDocument({ statements: [{ actions: ["s3:*"], resources: ["*"] }] });\n').length, 0);
    // Pulumi's getPolicyDocument takes `statements`, not `statement` (CDKTF's key).
    assert.equal(extract(PULUMI + 'aws.iam.getPolicyDocument({ statement: [{ actions: ["s3:*"], resources: ["*"] }] });\n').length, 0);
  });
});

describe('TypeScript IAM statements: CDKTF DataAwsIamPolicyDocument', () => {
  it('reads `statement` and CDKTF\'s `condition` key', () => {
    const code =
      CDKTF +
      'new DataAwsIamPolicyDocument(this, "trust", {\n  statement: [{\n    actions: ["sts:AssumeRole"],\n    principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],\n    condition: [{ test: "StringEquals", variable: "sts:ExternalId", values: ["abc"] }],\n  }],\n});\n';
    const [s] = extract(code);
    assert.equal(s.kind, 'trust');
    assert.equal(s.effect, 'Allow');
    assert.deepEqual(s.condition!.entries, [{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['abc'] }]);
  });
  it('reads the namespace imports of @cdktf/provider-aws', () => {
    const a = extract('import { dataAwsIamPolicyDocument } from "@cdktf/provider-aws";\nnew dataAwsIamPolicyDocument.DataAwsIamPolicyDocument(this, "d", { statement: [{ actions: ["s3:*"], resources: ["*"] }] });\n');
    const b = extract('import * as aws from "@cdktf/provider-aws";\nnew aws.iam.DataAwsIamPolicyDocument(this, "d", { statement: [{ actions: ["s3:*"], resources: ["*"] }] });\n');
    assert.deepEqual(values(a[0].actions), ['s3:*']);
    assert.deepEqual(values(b[0].actions), ['s3:*']);
  });
  it('stays silent on a class of the same name from elsewhere, and on `statements` (Pulumi\'s key)', () => {
    assert.equal(extract('import { DataAwsIamPolicyDocument } from "./docs";\nnew DataAwsIamPolicyDocument(this, "d", { statement: [{ actions: ["s3:*"], resources: ["*"] }] });\n').length, 0);
    assert.equal(extract(CDKTF + 'new DataAwsIamPolicyDocument(this, "d", { statements: [{ actions: ["s3:*"], resources: ["*"] }] });\n').length, 0);
  });
});

describe('TypeScript IAM statements: a JSON policy written in a string', () => {
  const doc = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }]\n}';
  it('reads a template literal with no substitution, at its own offsets in the file', () => {
    const code = PULUMI + 'new aws.iam.Policy("p", { policy: `' + doc + '` });\n';
    const [s] = extract(code);
    assert.equal(s.origin, 'typescript');
    assert.deepEqual(values(s.actions), ['s3:*']);
    assert.equal(text(code, s.actions!.items[0]), '"s3:*"');
    assert.equal(text(code, s.resources!.items[0]), '"*"');
  });
  it('reads a one-line single-quoted string', () => {
    const code = "const policy = '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}';\n";
    const [s] = extract(code);
    assert.equal(s.kind, 'resource');
    assert.deepEqual(s.principal!.entries.map((e) => e.value), ['*']);
  });
  it('leaves alone what it cannot place exactly or that is not a policy', () => {
    // An escape makes the written text differ from the value; a substitution is not JSON yet.
    assert.equal(extract('const p = `{ "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "\\u002a" }] }`;\n').length, 0);
    assert.equal(extract('declare const a: string;\nconst p = `{ "Statement": [{ "Effect": "Allow", "Action": "${a}", "Resource": "*" }] }`;\n').length, 0);
    assert.equal(extract('const p = `{ "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }`;\n').length, 0, 'broken JSON');
    assert.equal(extract('const q = `SELECT "Statement" FROM t`;\n').length, 0);
    assert.equal(extract('expect(doc).toEqual(`{ "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }] }`);\n').length, 0, 'a test expectation');
  });
});
