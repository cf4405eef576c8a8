import { iamWildcardAction } from '../../../server/src/rules/iam/iam-wildcard-action';
import { defaultConfig } from '../../../server/src/engine/config';
import { ruleTester } from '../../helpers/rule-tester';

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;

ruleTester(iamWildcardAction, {
  valid: [
    { name: 'Serverless: specific actions in provider.iamRoleStatements', filename: 'serverless.ts', code: "const config = {\n  service: 'orders',\n  provider: {\n    name: 'aws',\n    iamRoleStatements: [{ Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: '${self:custom.tableArn}' }],\n  },\n};\nmodule.exports = config;\n" },
    { name: 'Serverless: an action written with a variable is not a wildcard', filename: 'serverless.ts', code: "export default {\n  provider: { name: 'aws', iam: { role: { statements: [{ Effect: 'Allow', Action: ['${self:custom.readAction}'], Resource: 'arn:aws:s3:::reports/*' }] } } },\n};\n" },
    { name: 'a statements key that is not under iam.role is not IAM', filename: 'report.ts', code: "export const doc = { role: 'admin', statements: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };\n" },
    { name: 'Serverless statements inside a test assertion grant nothing', filename: 'config.test.ts', code: "declare const expect: any, config: any;\nexpect(config.provider).toEqual({ iamRoleStatements: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });\n" },
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
    // Corpus audit (round 10): an endpoint policy grants nothing; AWS's default one is "*" on "*".
    {
      name: 'a VPC endpoint policy file: "*" limited to the organization',
      filename: 'policies/vpc_endpoint/sts.json',
      code: policy('{ "Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }'),
    },
    {
      name: 'a vpce policy file with partial wildcards',
      filename: 'ssm-vpce-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["ssm:Get*", "ssm:Describe*"], "Resource": "*" }'),
    },
    {
      name: 'CDK: a gateway endpoint limited to the organization with "*" actions',
      filename: 'network-stack.ts',
      code: "import { aws_ec2 as ec2, aws_iam as iam } from 'aws-cdk-lib';\ndeclare const vpc: ec2.Vpc;\nconst s3Endpoint = vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });\ns3Endpoint.addToPolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['*'], resources: ['*'], conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }));\n",
    },
    {
      name: 'a CloudFormation VPC endpoint with AWS\'s default full-access policy',
      filename: 'network.json',
      code: '{"Resources":{"Ep":{"Type":"AWS::EC2::VPCEndpoint","Properties":{"VpcId":{"Ref":"Vpc"},"ServiceName":"com.amazonaws.eu-west-1.sqs","PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}}}}}',
    },
    { name: 'not a policy', filename: 'package.json', code: '{ "name": "x", "Action": "*" }' },
    { name: 'CloudFormation intrinsic action', filename: 't.json', code: '{"Resources":{"P":{"Type":"AWS::IAM::Policy","Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Action":{"Ref":"A"},"Resource":"*"}]}}}}}' },
  ],
  invalid: [
    {
      name: 'a name that merely ends in EndpointPolicy (a SageMaker endpoint\'s scaling role) is not a VPC endpoint policy',
      filename: 'managed/ScalingSageMakerEndpointPolicy.json',
      code: policy('{ "Effect": "Allow", "Action": "sagemaker:*", "Resource": "*" }'),
      errors: [{ messageId: 'serviceWildcard', data: { action: 'sagemaker:*' }, suggestions: [{ title: 'read and list' }, { title: 'write actions' }, { title: 'starting list' }] }],
      output: null,
    },
    {
      name: 'a role policy in a template that also defines an endpoint is still a grant',
      filename: 'vpc-endpoint/template.json',
      code: '{"Resources":{"R":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]},"Policies":[{"PolicyName":"p","PolicyDocument":{"Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}}]}}}}',
      errors: [{ messageId: 'serviceWildcard', data: { action: 'sqs:*' }, suggestions: [{ title: 'read and list' }, { title: 'write actions' }, { title: 'starting list' }] }],
      output: null,
    },
    {
      name: 'Serverless v3: iam.role.statements in serverless.ts (typed AWS)',
      filename: 'serverless.ts',
      code: "import type { AWS } from '@serverless/typescript';\nconst serverlessConfiguration: AWS = {\n  service: 'orders',\n  provider: {\n    name: 'aws',\n    iam: { role: { statements: [{ Effect: 'Allow', Action: ['dynamodb:*'], Resource: { 'Fn::GetAtt': ['Table', 'Arn'] } }] } },\n  },\n};\nmodule.exports = serverlessConfiguration;\n",
      errors: [{ messageId: 'serviceWildcard', line: 6, column: 61, severity: 'warning', data: { service: 'dynamodb' }, suggestions: [
        { title: 'read and list' },
        { title: 'write actions' },
        { title: 'starting list', output: "import type { AWS } from '@serverless/typescript';\nconst serverlessConfiguration: AWS = {\n  service: 'orders',\n  provider: {\n    name: 'aws',\n    iam: { role: { statements: [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], Resource: { 'Fn::GetAtt': ['Table', 'Arn'] } }] } },\n  },\n};\nmodule.exports = serverlessConfiguration;\n" },
      ] }],
      output: null,
    },
    {
      name: 'Serverless: provider.iamRoleStatements in serverless.js, with a variable resource',
      filename: 'serverless.js',
      code: "module.exports = {\n  service: 'uploads',\n  provider: {\n    name: 'aws',\n    iamRoleStatements: [\n      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::${env:BUCKET}/*' },\n    ],\n  },\n};\n",
      errors: [{ messageId: 'serviceWildcard', line: 6, column: 34, data: { service: 's3' } }],
      output: null,
    },
    {
      name: 'serverless-iam-roles-per-function: a per-function file, statements through a const and a spread',
      filename: 'src/functions/notify/index.ts',
      code: "const publish = { Effect: 'Allow', Action: 'sns:*', Resource: { Ref: 'Topic' } };\nconst shared = [{ Effect: 'Allow', Action: ['sqs:*'], Resource: '${cf:queues-dev.QueueArn}' }];\nexport default {\n  handler: 'src/functions/notify/handler.main',\n  iamRoleStatements: [publish, ...shared],\n};\n",
      errors: [
        { messageId: 'serviceWildcard', line: 1, data: { service: 'sns' } },
        { messageId: 'serviceWildcard', line: 2, data: { service: 'sqs' } },
      ],
      output: null,
    },
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
