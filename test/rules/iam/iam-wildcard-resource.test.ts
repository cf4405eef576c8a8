import { iamWildcardResource } from '../../../server/src/rules/iam/iam-wildcard-resource';
import { ruleTester } from '../../helpers/rule-tester';

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;
const cfn = (properties: string) => `{\n  "Resources": {\n    "AppRole": {\n      "Type": "AWS::IAM::Role",\n      "Properties": ${properties}\n    }\n  }\n}\n`;

ruleTester(iamWildcardResource, {
  valid: [
    { name: 'Serverless variables and CloudFormation functions are specific resources, not "*"', filename: 'serverless.ts', code: "export default {\n  provider: {\n    name: 'aws',\n    iamRoleStatements: [\n      { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: '${self:custom.tableArn}' },\n      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::\\${env:BUCKET}/*` },\n      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] } },\n      { Effect: 'Allow', Action: ['sns:Publish'], Resource: { Ref: 'Topic' } },\n      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'Bucket' }, '/*']] } },\n      { Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: '${ssm:/app/param-arn}' },\n      { Effect: 'Allow', Action: ['kinesis:PutRecord'], Resource: ['${cf:streams-dev.StreamArn}'] },\n    ],\n  },\n};\n" },
    { name: 'Serverless: a statement list from another file is not seen', filename: 'serverless.ts', code: "import { statements } from './iam';\nexport default { provider: { name: 'aws', iam: { role: { statements } } } };\n" },
    { name: 'scoped ARN', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Orders" }') },
    { name: 'actions that only work on * are exempt', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "ec2:DescribeInstances"], "Resource": "*" }') },
    { name: 'CloudWatch metrics have no ARN in practice (the dataset type is for one feature)', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": ["cloudwatch:PutMetricData", "logs:DescribeLogGroups"], "Resource": "*" }') },
    { name: 'Deny is never over-broad', filename: 'p.json', code: policy('{ "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" }') },
    { name: 'unknown effect stays silent', filename: 'p.json', code: policy('{ "Effect": {"Ref": "Effect"}, "Action": "s3:GetObject", "Resource": "*" }') },
    {
      name: 'resource policy: * is the resource the policy is attached to (KMS key policy)',
      filename: 'key-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "kms:*", "Resource": "*" }'),
    },
    {
      name: 'scoped by resource tags (ABAC)',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"], "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/team": "payments" } } }'),
    },
    {
      name: 'a condition we cannot read may scope resources',
      filename: 't.json',
      code: cfn('{ "Policies": [{ "PolicyName": "p", "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*", "Condition": { "Fn::If": ["C", {}, {}] } }] } }] }'),
    },
    { name: 'an ARN with an account is scoped', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:123456789012:table/*" }') },
    { name: 'an S3 ARN with a name prefix is scoped', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::build-artifacts-*/*" }') },
    { name: 'an every-resource ARN of another service grants nothing here', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:s3:::*" }') },
    { name: 'object ARNs do not reach buckets', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::*/*" }') },
    { name: 'every-resource ARN in a resource policy', filename: 'bucket-policy.json', code: policy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*" }') },
    { name: 'Action * on * is iam-wildcard-action\'s finding', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": ["*"], "Resource": "*" }') },
    { name: 'unknown actions are iam-unknown-action\'s', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": "s3:GetObjet", "Resource": "*" }') },
    { name: 'NotAction is iam-not-action-allow\'s', filename: 'p.json', code: policy('{ "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }') },
    { name: 'partial wildcard ARN is not "*"', filename: 'p.json', code: policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }') },
    { name: 'intrinsic resource', filename: 't.json', code: cfn('{ "Policies": [{ "PolicyName": "p", "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": { "Fn::GetAtt": ["Queue", "Arn"] } }] } }] }') },
    { name: 'not a policy file', filename: 'package.json', code: '{ "name": "x", "Action": "s3:GetObject", "Resource": "*" }' },
    {
      name: 'CustomResourceProvider statements scoped to an ARN the file builds (CDK v1 core)',
      filename: 'stack.ts',
      code: "import { CustomResourceProvider, CustomResourceProviderRuntime } from '@aws-cdk/core';\ndeclare const bucketArn: string;\nCustomResourceProvider.getOrCreate(this, 'Custom::Emptier', {\n  runtime: CustomResourceProviderRuntime.NODEJS_14_X,\n  codeDirectory: 'h',\n  policyStatements: [{ Effect: 'Allow', Action: 's3:DeleteObject*', Resource: `${bucketArn}/*` }],\n});\n",
    },
    {
      name: 'a policyStatements array of another library is not read as IAM',
      filename: 'stack.ts',
      code: "import { Provider } from 'some-lib';\nnew Provider(this, 'P', { policyStatements: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }] });\n",
    },
  ],
  invalid: [
    {
      name: 'Serverless v3: a statement constant in iam.role.statements on "*"',
      filename: 'serverless.ts',
      code: "const tableAccess = { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: ['*'] };\nexport default { provider: { name: 'aws', iam: { role: { statements: [tableAccess] } } } };\n",
      errors: [{ messageId: 'wildcardResource', line: 1, column: 81, data: { action: 'dynamodb:GetItem', resourceType: 'table' } }],
      output: "const tableAccess = { Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: ['arn:aws:dynamodb:REGION:ACCOUNT_ID:table/TABLE_NAME'] };\nexport default { provider: { name: 'aws', iam: { role: { statements: [tableAccess] } } } };\n",
    },
    {
      name: 'every bucket and object of every account (S3 ARNs have no account)',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": ["arn:aws:s3:::*", "arn:aws:s3:::*/*"] }'),
      errors: [
        { messageId: 'wildcardArn', line: 4, severity: 'warning', data: { resource: 'arn:aws:s3:::*', action: 's3:ListBucket', more: ' and 1 more action', resourceType: 'bucket' } },
        // Object ARNs: only the object action reaches them.
        { messageId: 'wildcardArn', line: 4, data: { resource: 'arn:aws:s3:::*/*', action: 's3:GetObject', more: '', resourceType: 'object' } },
      ],
      output: null,
    },
    {
      name: "a core CustomResourceProvider's raw JSON policyStatements (the provider's role)",
      filename: 'stack.ts',
      code: "import { CustomResourceProvider, CustomResourceProviderRuntime } from 'aws-cdk-lib';\nCustomResourceProvider.getOrCreateProvider(this, 'Custom::Invoker', {\n  runtime: CustomResourceProviderRuntime.NODEJS_20_X,\n  codeDirectory: 'handler',\n  policyStatements: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }],\n});\n",
      errors: [{ messageId: 'wildcardResource', line: 5, column: 87, severity: 'warning', data: { action: 'lambda:InvokeFunction', resourceType: 'function' } }],
      output: "import { CustomResourceProvider, CustomResourceProviderRuntime } from 'aws-cdk-lib';\nCustomResourceProvider.getOrCreateProvider(this, 'Custom::Invoker', {\n  runtime: CustomResourceProviderRuntime.NODEJS_20_X,\n  codeDirectory: 'handler',\n  policyStatements: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['arn:aws:lambda:REGION:ACCOUNT_ID:function:FUNCTION_NAME'] }],\n});\n",
    },
    {
      name: 'every table in every account and region, in a CDK PolicyStatement',
      filename: 'stack.ts',
      code: "import * as iam from 'aws-cdk-lib/aws-iam';\nnew iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [`arn:aws:dynamodb:*:*:table/*`] });\n",
      errors: [{ messageId: 'wildcardArn', line: 2, data: { resource: 'arn:aws:dynamodb:*:*:table/*', action: 'dynamodb:PutItem', resourceType: 'table' } }],
      output: null,
    },
    {
      name: 'a table wildcard also reaches indexes, but the message names tables',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["dynamodb:Query", "dynamodb:Scan"], "Resource": "arn:aws:dynamodb:*:*:table/*" }'),
      errors: [{ messageId: 'wildcardArn', line: 4, data: { resource: 'arn:aws:dynamodb:*:*:table/*', action: 'dynamodb:Query', more: ' and 1 more action', resourceType: 'table' } }],
      output: null,
    },
    {
      name: 'a pattern whose actions each act on a different type names no type and offers no placeholder',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "iam:Tag*", "Resource": "*" }'),
      errors: [{ messageId: 'wildcardResource', line: 4, data: { action: 'iam:Tag*', more: '', resourceType: 'resource' } }],
      output: null,
    },
    {
      name: 'no fix when one action has no placeholder: the others\' ARNs would cut it off',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["sqs:SendMessage", "iam:Untag*"], "Resource": "*" }'),
      errors: [{ messageId: 'wildcardResource', line: 4, data: { action: 'sqs:SendMessage', more: ' and 1 more action', resourceType: 'resource' } }],
      output: null,
    },
    {
      name: 'DynamoDB actions on *: the fix writes the table ARN with blanks',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "*" }'),
      errors: [{ messageId: 'wildcardResource', line: 4, column: 88, endColumn: 91, severity: 'warning', data: { action: 'dynamodb:GetItem', resourceType: 'table' } }],
      output: policy('{ "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "arn:aws:dynamodb:REGION:ACCOUNT_ID:table/TABLE_NAME" }'),
    },
    {
      name: 'objects and buckets: one placeholder ARN per resource type, in a multi-line array',
      filename: 'p.json',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:ListBucket"],\n      "Resource": [\n        "*"\n      ]\n    }\n  ]\n}\n',
      errors: [{ messageId: 'wildcardResource', line: 7, column: 9, data: { action: 's3:GetObject', resourceType: 'object or bucket' } }],
      output: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:ListBucket"],\n      "Resource": [\n        "arn:aws:s3:::BUCKET_NAME/OBJECT_NAME",\n        "arn:aws:s3:::BUCKET_NAME"\n      ]\n    }\n  ]\n}\n',
    },
    {
      name: 'a statement mixing *-only actions gets no fix: they must move out first',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:GetObject"], "Resource": "*" }'),
      errors: [{ messageId: 'wildcardResourceMixed', data: { action: 's3:GetObject', starOnly: 's3:ListAllMyBuckets' } }],
      output: null,
    },
    {
      name: 'a long list of *-only actions is shortened in the message',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "ec2:DescribeInstances", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeRegions", "kms:Decrypt"], "Resource": "*" }'),
      errors: [{ messageId: 'wildcardResourceMixed', data: { action: 'kms:Decrypt', more: '', starOnly: 's3:ListAllMyBuckets, ec2:DescribeInstances, ec2:DescribeVpcs and 2 more' } }],
      output: null,
    },
    // Corpus audit (round 10): a tagging policy's actions reach several types; naming the first one's misled.
    {
      name: 'actions on a few resource types: the message names each type',
      filename: 'policies/tagging-read.json',
      code: policy('{ "Effect": "Allow", "Action": ["s3:GetJobTagging", "s3:GetBucketTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"], "Resource": "*" }'),
      errors: [{ messageId: 'wildcardResource', data: { action: 's3:GetJobTagging', more: ' and 3 more actions', resourceType: 'job, bucket or object' } }],
      output: policy('{ "Effect": "Allow", "Action": ["s3:GetJobTagging", "s3:GetBucketTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging"], "Resource": ["arn:aws:s3:REGION:ACCOUNT_ID:job/JOB_ID", "arn:aws:s3:::BUCKET_NAME", "arn:aws:s3:::BUCKET_NAME/OBJECT_NAME"] }'),
    },
    {
      name: 'actions on many resource types: the message says every resource',
      filename: 'policies/ops.json',
      code: policy('{ "Effect": "Allow", "Action": ["sqs:SendMessage", "sns:Publish", "dynamodb:GetItem", "lambda:InvokeFunction"], "Resource": "*" }'),
      errors: [{ messageId: 'wildcardResource', data: { action: 'sqs:SendMessage', resourceType: 'resource' } }],
      output: policy('{ "Effect": "Allow", "Action": ["sqs:SendMessage", "sns:Publish", "dynamodb:GetItem", "lambda:InvokeFunction"], "Resource": ["arn:aws:sqs:REGION:ACCOUNT_ID:QUEUE_NAME", "arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME", "arn:aws:dynamodb:REGION:ACCOUNT_ID:table/TABLE_NAME", "arn:aws:lambda:REGION:ACCOUNT_ID:function:FUNCTION_NAME"] }'),
    },
    {
      name: 'a partial wildcard names the type its actions mostly use',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "sqs:Receive*", "Resource": "*" }'),
      errors: [{ messageId: 'wildcardResource', data: { action: 'sqs:Receive*', resourceType: 'queue' } }],
      output: policy('{ "Effect": "Allow", "Action": "sqs:Receive*", "Resource": "arn:aws:sqs:REGION:ACCOUNT_ID:QUEUE_NAME" }'),
    },
    {
      name: 'only the "*" item of a list is replaced',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": ["arn:aws:lambda:us-east-1:123456789012:function:a", "*"] }'),
      errors: [{ messageId: 'wildcardResource', data: { resourceType: 'function' } }],
      output: policy('{ "Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": ["arn:aws:lambda:us-east-1:123456789012:function:a", "arn:aws:lambda:REGION:ACCOUNT_ID:function:FUNCTION_NAME"] }'),
    },
    {
      name: 'a condition that does not scope resources (TLS) does not exempt',
      filename: 'p.json',
      code: policy('{ "Effect": "Allow", "Action": "sns:Publish", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "true" } } }'),
      errors: [{ messageId: 'wildcardResource', data: { resourceType: 'topic' } }],
      output: policy('{ "Effect": "Allow", "Action": "sns:Publish", "Resource": "arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME", "Condition": { "Bool": { "aws:SecureTransport": "true" } } }'),
    },
    {
      name: 'an inline policy of a CloudFormation role',
      filename: 'template.json',
      code: cfn('{ "Policies": [{ "PolicyName": "p", "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*" }] } }] }'),
      errors: [{ messageId: 'wildcardResource', line: 5, data: { resourceType: 'Secret' } }],
      output: cfn('{ "Policies": [{ "PolicyName": "p", "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:SECRET_ID" }] } }] }'),
    },
  ],
});
