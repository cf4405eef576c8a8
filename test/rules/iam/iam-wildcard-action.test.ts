import { iamWildcardAction } from '../../../server/src/rules/iam/iam-wildcard-action';
import { defaultConfig } from '../../../server/src/engine/config';
import { ruleTester } from '../../helpers/rule-tester';

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;

ruleTester(iamWildcardAction, {
  valid: [
    { filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*" }') },
    { name: 'Deny is never over-broad', filename: 'p.json', code: policy('{ "Effect": "Deny", "Action": "*", "Resource": "*" }') },
    { name: 'unknown effect stays silent', filename: 'p.json', code: policy('{ "Action": "s3:*", "Resource": "*" }') },
    {
      name: 'a key policy delegating to this account (AWS\'s default key policy)',
      filename: 'template.json',
      code: '{"Resources":{"K":{"Type":"AWS::KMS::Key","Properties":{"KeyPolicy":{"Statement":[{"Effect":"Allow","Principal":{"AWS":{"Fn::Sub":"arn:aws:iam::${AWS::AccountId}:root"}},"Action":"kms:*","Resource":"*"}]}}}}}',
    },
    {
      name: 'a key policy delegating to a trusted account',
      filename: 'key-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "kms:*", "Resource": "*" }'),
      config: (() => {
        const c = defaultConfig();
        c.settings.trustedAccounts = ['123456789012'];
        return c;
      })(),
    },
    // Corpus audit: policy templates in repositories name the account with a placeholder.
    { name: 'a key policy template delegating to a {{placeholder}} account root', filename: 'key-policy.json', code: policy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::{{account-id}}:root" }, "Action": "kms:*", "Resource": "*" }') },
    { name: 'a key policy template with a ${Account} placeholder', filename: 'key-policy.json', code: policy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::${Account}:root" }, "Action": "kms:*", "Resource": "*" }') },
    { name: 'not a policy', filename: 'package.json', code: '{ "name": "x", "Action": "*" }' },
    { name: 'CloudFormation intrinsic action', filename: 't.json', code: '{"Resources":{"P":{"Type":"AWS::IAM::Policy","Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Action":{"Ref":"A"},"Resource":"*"}]}}}}}' },
  ],
  invalid: [
    {
      name: 'an account wildcard in the root ARN is not a placeholder',
      filename: 'key-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::*:root" }, "Action": "kms:*", "Resource": "*" }'),
      errors: [{ messageId: 'serviceWildcard', data: { service: 'kms' } }],
      output: null,
    },
    {
      name: 's3:* on a bucket',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }'),
      errors: [{ messageId: 'serviceWildcard', line: 4, column: 36, severity: 'warning', data: { service: 's3' } }],
      output: null,
    },
    {
      name: '* on * is an error',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "*", "Resource": "*" }'),
      errors: [{ messageId: 'allActions', line: 4, severity: 'error', suggestions: [] }],
      output: null,
    },
    {
      name: '* on * under a condition is not called administrator access',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:IsMcpServiceAction": "true" } } }'),
      errors: [{ messageId: 'allActions', severity: 'warning', data: { onAll: ' on every resource, limited only by its condition' } }],
      output: null,
    },
    {
      name: '* on named resources is a warning',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["*"], "Resource": "arn:aws:s3:::b/*" }'),
      errors: [{ messageId: 'allActions', severity: 'warning', data: { onAll: '' } }],
      output: null,
    },
    {
      name: 'a wildcard matching one action says so in the singular',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "ds:Check*", "Resource": "*" }'),
      errors: [{ messageId: 'partialWildcard', data: { count: 1, plural: '' } }],
      output: null,
    },
    {
      name: 'kms:* to another account\'s root is reported',
      filename: 'key-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "kms:*", "Resource": "*" }'),
      errors: [{ messageId: 'serviceWildcard', data: { service: 'kms' } }],
      output: null,
    },
    {
      name: 'combined access levels read as one',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "s3:Replicate*", "Resource": "arn:aws:s3:::b/*" }'),
      errors: [{ messageId: 'partialWildcard', data: { count: 4, levels: '3 Write, 1 Tagging/Write' } }],
      output: null,
    },
    {
      name: 'in a resource policy and a CloudFormation template alike',
      filename: 'template.json',
      code: '{"Resources":{"QP":{"Type":"AWS::SQS::QueuePolicy","Properties":{"Queues":[{"Ref":"Q"}],"PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sqs:*","Resource":"*"}]}}}}}',
      errors: [{ messageId: 'serviceWildcard', data: { service: 'sqs' } }],
      output: null,
    },
    {
      name: 'partial wildcard is information with its expansion count',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["s3:GetObjectT*"], "Resource": "arn:aws:s3:::b/*" }'),
      errors: [{ messageId: 'partialWildcard', severity: 'information', data: { count: 2 }, suggestions: [
        { title: 'actions it matches', output: policy('{ "Effect": "Allow", "Action": ["s3:GetObjectTagging", "s3:GetObjectTorrent"], "Resource": "arn:aws:s3:::b/*" }') },
      ] }],
      output: null,
    },
    {
      name: 's3:* as a string becomes a multi-line array of the starting list',
      filename: 'p.json',
      code: '{\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "s3:*",\n    "Resource": "arn:aws:s3:::b/*"\n  }\n}\n',
      errors: [{ messageId: 'serviceWildcard', line: 4, column: 15, suggestions: [
        { title: 'read and list' },
        { title: 'write actions' },
        { title: 'starting list', output: '{\n  "Statement": {\n    "Effect": "Allow",\n    "Action": [\n      "s3:GetObject",\n      "s3:PutObject"\n    ],\n    "Resource": "arn:aws:s3:::b/*"\n  }\n}\n' },
      ] }],
      output: null,
    },
  ],
});
