// The IAM rules on Pulumi's `aws.iam.getPolicyDocument` and CDK for Terraform's
// `DataAwsIamPolicyDocument` statements (lower-camel keys, `principals: [{ type, identifiers }]`,
// `conditions` / `condition: [{ test, variable, values }]`). Cases written for this project. The
// shared rule tables require every message of a rule, so these run the real engine directly and
// check the same things for each fix and suggestion: exact output, still parses, finding gone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/text';
import type { Finding } from '../../../server/src/engine/types';
import { analyzeText, parseProblems } from '../../helpers/engine';

const PULUMI = 'import * as aws from "@pulumi/aws";\n\n';
const CDKTF = 'import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";\n\n';
const pulumiDoc = (statement: string) => `${PULUMI}export const doc = aws.iam.getPolicyDocument({\n  statements: [${statement}],\n});\n`;
const cdktfDoc = (statement: string) => `${CDKTF}new DataAwsIamPolicyDocument(this, "doc", {\n  statement: [${statement}],\n});\n`;

interface Expected {
  messageId: string;
  line?: number;
  column?: number;
  severity?: string;
  data?: Record<string, unknown>;
  suggestions?: { title: string; output?: string }[];
}
interface Case {
  name: string;
  filename: string;
  code: string;
  errors?: Expected[];
  output?: string | null;
}

function ruleCases(ruleId: string, cases: { valid: Case[]; invalid: Case[] }): void {
  const findingsOf = (path: string, code: string): Finding[] => analyzeText(path, code).findings.filter((f) => f.ruleId === ruleId);
  const lineCol = (code: string, offset: number) => {
    const before = code.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };
  const checkOutput = (c: Case, f: Finding, out: string) => {
    assert.notEqual(out, c.code, 'the fix changes the file');
    assert.deepEqual(parseProblems(c.filename, out), [], 'the fixed file parses');
    assert.equal(findingsOf(c.filename, out).filter((g) => g.messageId === f.messageId).length, findingsOf(c.filename, c.code).filter((g) => g.messageId === f.messageId).length - 1, 'one finding fewer');
  };
  describe(ruleId, () => {
    for (const c of cases.valid) it(`valid: ${c.name}`, () => assert.deepEqual(findingsOf(c.filename, c.code).map((f) => f.message), []));
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = findingsOf(c.filename, c.code);
        assert.equal(got.length, c.errors!.length, got.map((f) => f.message).join(' | '));
        c.errors!.forEach((exp, i) => {
          const f = got[i];
          assert.equal(f.messageId, exp.messageId);
          const at = lineCol(c.code, f.start);
          if (exp.line !== undefined) assert.equal(at.line, exp.line, 'line');
          if (exp.column !== undefined) assert.equal(at.column, exp.column, 'column');
          if (exp.severity) assert.equal(f.severity, exp.severity);
          if (exp.data) for (const [k, v] of Object.entries(exp.data)) assert.equal(f.data?.[k], v, `data.${k}`);
          for (const es of exp.suggestions ?? []) {
            const sug = (f.suggestions ?? []).find((g) => g.title.includes(es.title));
            assert.ok(sug, `suggestion "${es.title}"`);
            const out = applyEdits(c.code, sug.edits);
            checkOutput(c, f, out);
            if (es.output !== undefined) assert.equal(out, es.output);
          }
          if (exp.suggestions) assert.equal((f.suggestions ?? []).length, exp.suggestions.length, 'suggestion count');
        });
        const fixes = got.flatMap((f) => (f.fix ? [[f, f.fix] as const] : []));
        if (c.output === null) assert.equal(fixes.length, 0, 'no fix');
        else {
          assert.equal(fixes.length, 1);
          const out = applyEdits(c.code, fixes[0][1].edits);
          checkOutput(c, fixes[0][0], out);
          assert.equal(out, c.output);
        }
      });
    }
  });
}

ruleCases('iam-wildcard-action', {
  valid: [
    { name: 'Pulumi: named actions', filename: 'index.ts', code: pulumiDoc('{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }') },
    { name: 'Pulumi: a Deny', filename: 'index.ts', code: pulumiDoc('{ effect: "Deny", actions: ["s3:*"], resources: ["*"] }') },
    { name: 'a look-alike from another module stays silent', filename: 'index.ts', code: 'import * as aws from "./aws";\n\naws.iam.getPolicyDocument({ statements: [{ actions: ["*"], resources: ["*"] }] });\n' },
  ],
  invalid: [
    {
      name: 'Pulumi: s3:* (effect defaults to Allow), the fix keeps the array',
      filename: 'index.ts',
      code: pulumiDoc('{ actions: ["s3:*"], resources: ["arn:aws:s3:::b/*"] }'),
      errors: [
        {
          messageId: 'serviceWildcard',
          line: 4,
          column: 28,
          severity: 'warning',
          suggestions: [{ title: 'read and list' }, { title: 'write actions' }, { title: 'starting list', output: pulumiDoc('{ actions: ["s3:GetObject", "s3:PutObject"], resources: ["arn:aws:s3:::b/*"] }') }],
        },
      ],
      output: null,
    },
    {
      name: 'CDKTF: "*" on "*" is an error',
      filename: 'main.ts',
      code: cdktfDoc('{ effect: "Allow", actions: ["*"], resources: ["*"] }'),
      errors: [{ messageId: 'allActions', line: 4, severity: 'error' }],
      output: null,
    },
  ],
});

const jsonText = (statement: string) => `${PULUMI}new aws.iam.Policy("p", {\n  policy: \`{\n    "Version": "2012-10-17",\n    "Statement": [\n      ${statement}\n    ]\n  }\`,\n});\n`;

ruleCases('iam-wildcard-action', {
  valid: [],
  invalid: [
    {
      name: 'JSON in a template literal: the suggestions write JSON into the string',
      filename: 'index.ts',
      code: jsonText('{ "Effect": "Allow", "Action": ["s3:*"], "Resource": "arn:aws:s3:::b/*" }'),
      errors: [
        {
          messageId: 'serviceWildcard',
          line: 7,
          suggestions: [{ title: 'read and list' }, { title: 'write actions' }, { title: 'starting list', output: jsonText('{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*" }') }],
        },
      ],
      output: null,
    },
  ],
});

ruleCases('iam-trust-missing-external-id', {
  valid: [],
  invalid: [
    {
      name: 'JSON in a template literal: the condition is added as JSON',
      filename: 'index.ts',
      code: jsonText('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }'),
      errors: [{ messageId: 'missingExternalId', line: 7 }],
      output: jsonText('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole", "Condition": { "StringEquals": { "sts:ExternalId": "EXTERNAL_ID" } } }'),
    },
    {
      name: 'JSON in a one-line single-quoted string: the condition is added in its compact style',
      filename: 'index.ts',
      code: `${PULUMI}const trust = '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}';\n`,
      errors: [{ messageId: 'missingExternalId', line: 3 }],
      output: `${PULUMI}const trust = '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"EXTERNAL_ID"}}}]}';\n`,
    },
  ],
});

ruleCases('iam-wildcard-resource', {
  valid: [{ name: 'Pulumi: a resource Output stays silent', filename: 'index.ts', code: `${PULUMI}declare const table: aws.dynamodb.Table;\naws.iam.getPolicyDocument({ statements: [{ actions: ["dynamodb:GetItem"], resources: [table.arn] }] });\n` }],
  invalid: [
    {
      name: 'Pulumi: resources ["*"] gets the scoped ARN placeholder',
      filename: 'index.ts',
      code: pulumiDoc('{ actions: ["dynamodb:GetItem"], resources: ["*"] }'),
      errors: [{ messageId: 'wildcardResource', line: 4, column: 61 }],
      output: pulumiDoc('{ actions: ["dynamodb:GetItem"], resources: ["arn:aws:dynamodb:REGION:ACCOUNT_ID:table/TABLE_NAME"] }'),
    },
  ],
});

ruleCases('iam-public-principal', {
  valid: [
    {
      name: 'Pulumi: type "*" limited by aws:SourceArn',
      filename: 'index.ts',
      code: pulumiDoc(
        '{ actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:us-east-1:111122223333:q"], principals: [{ type: "*", identifiers: ["*"] }], conditions: [{ test: "ArnEquals", variable: "aws:SourceArn", values: ["arn:aws:sns:us-east-1:111122223333:t"] }] }',
      ),
    },
    { name: 'CDKTF: a principal type it cannot read', filename: 'main.ts', code: `${CDKTF}declare const t: string;\nnew DataAwsIamPolicyDocument(this, "d", { statement: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], principals: [{ type: t, identifiers: ["*"] }] }] });\n` },
  ],
  invalid: [
    {
      name: 'Pulumi: type "*" identifiers ["*"] on a bucket',
      filename: 'index.ts',
      code: pulumiDoc('{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], principals: [{ type: "*", identifiers: ["*"] }] }'),
      errors: [{ messageId: 'publicResource', line: 4 }],
      output: null,
    },
    {
      name: 'CDKTF: type "AWS" identifiers ["*"]',
      filename: 'main.ts',
      code: cdktfDoc('{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"], principals: [{ type: "AWS", identifiers: ["*"] }] }'),
      errors: [{ messageId: 'publicResource', line: 4 }],
      output: null,
    },
  ],
});

ruleCases('iam-trust-missing-external-id', {
  valid: [
    {
      name: 'Pulumi: an external ID in conditions',
      filename: 'index.ts',
      code: pulumiDoc('{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["111122223333"] }], conditions: [{ test: "StringEquals", variable: "sts:ExternalId", values: ["abc"] }] }'),
    },
    { name: 'Pulumi: a service principal', filename: 'index.ts', code: pulumiDoc('{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }] }') },
  ],
  invalid: [
    {
      name: 'Pulumi: the fix adds a `conditions` block list',
      filename: 'index.ts',
      code: `${PULUMI}export const trust = aws.iam.getPolicyDocument({\n  statements: [\n    {\n      actions: ["sts:AssumeRole"],\n      principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],\n    },\n  ],\n});\n`,
      errors: [{ messageId: 'missingExternalId', line: 7, data: { account: '111122223333', more: '' } }],
      output: `${PULUMI}export const trust = aws.iam.getPolicyDocument({\n  statements: [\n    {\n      actions: ["sts:AssumeRole"],\n      principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],\n      conditions: [{ test: "StringEquals", variable: "sts:ExternalId", values: ["EXTERNAL_ID"] }],\n    },\n  ],\n});\n`,
    },
    {
      name: 'CDKTF: the fix appends to the existing `condition` list',
      filename: 'main.ts',
      code: cdktfDoc('{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["111122223333"] }], condition: [{ test: "StringEquals", variable: "aws:RequestTag/team", values: ["ops"] }] }'),
      errors: [{ messageId: 'missingExternalId', data: { account: '111122223333' } }],
      output: cdktfDoc(
        '{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: ["111122223333"] }], condition: [{ test: "StringEquals", variable: "aws:RequestTag/team", values: ["ops"] }, { test: "StringEquals", variable: "sts:ExternalId", values: ["EXTERNAL_ID"] }] }',
      ),
    },
  ],
});

ruleCases('iam-unknown-action', {
  valid: [{ name: 'CDKTF: a real action', filename: 'main.ts', code: cdktfDoc('{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }') }],
  invalid: [
    {
      name: 'Pulumi: a typo, replaced in place',
      filename: 'index.ts',
      code: pulumiDoc('{ actions: ["s3:GetObjekt"], resources: ["arn:aws:s3:::b/*"] }'),
      errors: [{ messageId: 'unknownAction', line: 4 }],
      output: pulumiDoc('{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }'),
    },
  ],
});

ruleCases('iam-not-action-allow', {
  valid: [{ name: 'Pulumi: NotAction in a Deny', filename: 'index.ts', code: pulumiDoc('{ effect: "Deny", notActions: ["iam:*"], resources: ["*"] }') }],
  invalid: [
    {
      name: 'CDKTF: notActions in an Allow',
      filename: 'main.ts',
      code: cdktfDoc('{ notActions: ["iam:*"], resources: ["*"] }'),
      errors: [{ messageId: 'notAction', line: 4 }],
      output: null,
    },
  ],
});
