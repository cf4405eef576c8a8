import { iamNotActionAllow } from '../../../server/src/rules/iam/iam-not-action-allow';
import { ruleTester } from '../../helpers/rule-tester';

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;

ruleTester(iamNotActionAllow, {
  valid: [
    { name: 'Allow with Action and Resource', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }') },
    { name: 'Deny with NotAction is a guardrail', filename: 'p.json', code: policy('{ "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": { "StringNotEquals": { "aws:RequestedRegion": "eu-west-1" } } }') },
    { name: 'Deny with NotResource', filename: 'p.json', code: policy('{ "Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b/*" }') },
    { name: 'Deny with NotPrincipal', filename: 'bucket.json', code: policy('{ "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }') },
    { name: 'unknown effect stays silent', filename: 'p.json', code: policy('{ "NotAction": "iam:*", "Resource": "*" }') },
    { name: 'not a policy', filename: 'data.json', code: '{ "Effect": "Allow", "NotAction": "x" }' },
  ],
  invalid: [
    {
      name: 'Serverless: NotAction in provider.iam.role.statements',
      filename: 'serverless.ts',
      code: "export default { provider: { name: 'aws', iam: { role: { statements: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }] } } } };\n",
      errors: [{ messageId: 'notAction', line: 1, column: 90, data: { count: 1 } }],
      output: null,
    },
    {
      name: 'NotAction is reported on its key',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*" }'),
      errors: [{ messageId: 'notAction', line: 4, column: 26, endColumn: 37, severity: 'warning', data: { count: 2 } }],
      output: null,
    },
    {
      name: 'NotResource',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*" }'),
      errors: [{ messageId: 'notResource', line: 4, column: 52, data: { count: 1 } }],
      output: null,
    },
    {
      name: 'NotPrincipal with Allow grants everyone else',
      filename: 'bucket-policy.json',
      code: policy('{ "Effect": "Allow", "NotPrincipal": { "AWS": ["arn:aws:iam::123456789012:user/a", "arn:aws:iam::123456789012:user/b"] }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }'),
      errors: [{ messageId: 'notPrincipal', line: 4, column: 26, data: { count: 2 } }],
      output: null,
    },
    {
      name: 'both in one statement: one finding each',
      filename: 'p.json',
      code: '{\n  "Statement": {\n    "Effect": "Allow",\n    "NotAction": "iam:*",\n    "NotResource": "arn:aws:s3:::b"\n  }\n}\n',
      errors: [
        { messageId: 'notAction', line: 4, column: 5 },
        { messageId: 'notResource', line: 5, column: 5 },
      ],
      output: null,
    },
    {
      name: 'in a CloudFormation managed policy',
      filename: 'template.json',
      code: '{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}}}}}',
      errors: [{ messageId: 'notAction' }],
      output: null,
    },
  ],
});
