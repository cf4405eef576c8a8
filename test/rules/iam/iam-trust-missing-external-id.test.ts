import { defaultConfig } from '../../../server/src/engine/config';
import { iamTrustMissingExternalId } from '../../../server/src/rules/iam/iam-trust-missing-external-id';
import { ruleTester } from '../../helpers/rule-tester';

const trust = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;
const trusting = (principal: string, condition?: string) =>
  trust(`{ "Effect": "Allow", "Principal": ${principal}, "Action": "sts:AssumeRole"${condition ? `, "Condition": ${condition}` : ''} }`);
const trustedConfig = (...accounts: string[]) => {
  const config = defaultConfig();
  config.settings.trustedAccounts = accounts;
  return config;
};

ruleTester(iamTrustMissingExternalId, {
  valid: [
    { name: 'with an external ID', filename: 'trust.json', code: trusting('{ "AWS": "arn:aws:iam::111122223333:root" }', '{ "StringEquals": { "sts:ExternalId": "Unique-ID-4f1c" } }') },
    { name: 'a service principal', filename: 'trust.json', code: trusting('{ "Service": "lambda.amazonaws.com" }') },
    {
      name: 'a federated principal (web identity)',
      filename: 'trust.json',
      code: trust('{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity" }'),
    },
    { name: 'an account listed in trustedAccounts', filename: 'trust.json', code: trusting('{ "AWS": ["111122223333", "arn:aws:iam::444455556666:role/deploy"] }'), config: trustedConfig('111122223333', '444455556666') },
    { name: 'limited to the organization', filename: 'trust.json', code: trusting('{ "AWS": "arn:aws:iam::111122223333:root" }', '{ "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }') },
    { name: 'a person switching roles with MFA', filename: 'trust.json', code: trusting('{ "AWS": "arn:aws:iam::111122223333:root" }', '{ "Bool": { "aws:MultiFactorAuthPresent": "true" } }') },
    { name: 'Principal "*" is iam-public-principal\'s', filename: 'trust.json', code: trusting('{ "AWS": "*" }') },
    { name: 'Deny', filename: 'trust.json', code: trust('{ "Effect": "Deny", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }') },
    { name: 'not AssumeRole', filename: 'bucket.json', code: trust('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }') },
    {
      name: 'an intrinsic principal (this stack\'s own account) stays silent',
      filename: 'template.json',
      code: '{"Resources":{"R":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"AWS":{"Fn::Sub":"arn:aws:iam::${AWS::AccountId}:root"}},"Action":"sts:AssumeRole"}]}}}}}',
    },
  ],
  invalid: [
    {
      name: 'an account root: the fix adds the condition',
      filename: 'trust.json',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::111122223333:root" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}\n',
      errors: [{ messageId: 'missingExternalId', line: 6, column: 29, severity: 'warning', data: { account: '111122223333', more: '' } }],
      output:
        '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": "arn:aws:iam::111122223333:root" },\n      "Action": "sts:AssumeRole",\n      "Condition": {\n        "StringEquals": {\n          "sts:ExternalId": "EXTERNAL_ID"\n        }\n      }\n    }\n  ]\n}\n',
    },
    {
      name: 'a bare account ID, and an existing StringEquals gets the key',
      filename: 'trust.json',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": "111122223333" },\n      "Action": ["sts:AssumeRole", "sts:TagSession"],\n      "Condition": {\n        "StringEquals": {\n          "aws:RequestTag/team": "ops"\n        }\n      }\n    }\n  ]\n}\n',
      errors: [{ messageId: 'missingExternalId', data: { account: '111122223333' } }],
      output:
        '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": "111122223333" },\n      "Action": ["sts:AssumeRole", "sts:TagSession"],\n      "Condition": {\n        "StringEquals": {\n          "aws:RequestTag/team": "ops",\n          "sts:ExternalId": "EXTERNAL_ID"\n        }\n      }\n    }\n  ]\n}\n',
    },
    {
      name: 'a role of another account, one trusted account beside it, an IfExists external ID',
      filename: 'trust.json',
      code: trusting('{ "AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/vendor", "arn:aws:iam::777788889999:role/other"] }', '{ "StringEqualsIfExists": { "sts:ExternalId": "x" } }'),
      config: trustedConfig('111122223333'),
      errors: [{ messageId: 'missingExternalId', column: 83, data: { account: '444455556666', more: ' (and 1 more account)' } }],
      output: trusting('{ "AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/vendor", "arn:aws:iam::777788889999:role/other"] }', '{ "StringEqualsIfExists": { "sts:ExternalId": "x" }, "StringEquals": { "sts:ExternalId": "EXTERNAL_ID" } }'),
    },
    {
      name: 'a CloudFormation role trusting a vendor account',
      filename: 'template.json',
      code: '{"Resources":{"R":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:*"}]}}}}}',
      errors: [{ messageId: 'missingExternalId' }],
      output: '{"Resources":{"R":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:*","Condition":{"StringEquals":{"sts:ExternalId":"EXTERNAL_ID"}}}]}}}}}',
    },
  ],
});
