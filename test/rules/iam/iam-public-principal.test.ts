import { iamPublicPrincipal } from '../../../server/src/rules/iam/iam-public-principal';
import { ruleTester } from '../../helpers/rule-tester';

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;
const publicRead = (condition: string) =>
  policy(`{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": ${condition} }`);

ruleTester(iamPublicPrincipal, {
  valid: [
    {
      name: 'CDK: API Gateway policy, Allow * beside a Deny * to callers outside an IP range',
      filename: 'api.ts',
      code: "import * as iam from 'aws-cdk-lib/aws-iam';\nexport const apiPolicy = new iam.PolicyDocument({\n  statements: [\n    new iam.PolicyStatement({\n      effect: iam.Effect.DENY,\n      principals: [new iam.AnyPrincipal()],\n      actions: ['execute-api:Invoke'],\n      resources: ['execute-api:/*/*/*'],\n      conditions: { NotIpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } },\n    }),\n    new iam.PolicyStatement({\n      principals: [new iam.AnyPrincipal()],\n      actions: ['execute-api:Invoke'],\n      resources: ['execute-api:/*'],\n    }),\n  ],\n});\n",
    },
    {
      name: 'JSON: Allow * beside a Deny * to principals outside the organization',
      filename: 'bucket.json',
      code: policy('{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },\n    { "Effect": "Deny", "Principal": { "AWS": "*" }, "Action": "s3:*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }'),
    },
    { name: 'a named account', filename: 'bucket.json', code: policy('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }') },
    { name: 'a service principal', filename: 'queue.json', code: policy('{ "Effect": "Allow", "Principal": { "Service": "sns.amazonaws.com" }, "Action": "sqs:SendMessage", "Resource": "*" }') },
    {
      name: 'Deny with * is a guardrail (deny insecure transport)',
      filename: 'bucket.json',
      code: policy('{ "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }'),
    },
    { name: 'restricted to the organization', filename: 'bucket.json', code: publicRead('{ "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }') },
    { name: 'restricted to a source ARN', filename: 'topic.json', code: publicRead('{ "ArnLike": { "aws:SourceArn": "arn:aws:s3:::b" } }') },
    { name: 'restricted to a VPC endpoint', filename: 'bucket.json', code: publicRead('{ "StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } }') },
    { name: 'restricted to an IP range', filename: 'bucket.json', code: publicRead('{ "IpAddress": { "aws:SourceIp": "203.0.113.0/24" } }') },
    { name: 'ForAnyValue on org paths', filename: 'bucket.json', code: publicRead('{ "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*" } }') },
    {
      name: 'AWS\'s key-policy pattern: any principal of one account through one service',
      filename: 'key-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["kms:Decrypt"], "Resource": "*", "Condition": { "StringEquals": { "kms:CallerAccount": "123456789012", "kms:ViaService": "ec2.us-east-1.amazonaws.com" } } }'),
    },
    { name: 'a condition we cannot read stays silent', filename: 't.json', code: '{"Resources":{"P":{"Type":"AWS::SQS::QueuePolicy","Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*","Condition":{"Fn::If":["C",{},{}]}}]}}}}}' },
    { name: 'an intrinsic restricting value counts as restricting', filename: 't.json', code: '{"Resources":{"P":{"Type":"AWS::SNS::TopicPolicy","Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sns:Publish","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":{"Ref":"AWS::AccountId"}}}}]}}}}}' },
    { name: 'unknown effect stays silent', filename: 'bucket.json', code: policy('{ "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }') },
    // VPC endpoint policies limit what passes the endpoint; "*" there is AWS's own documented form.
    {
      name: 'a CloudFormation VPC endpoint policy',
      filename: 'template.json',
      code: '{"Resources":{"E":{"Type":"AWS::EC2::VPCEndpoint","Properties":{"VpcId":{"Ref":"V"},"ServiceName":"com.amazonaws.us-east-1.s3","PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}}}}}',
    },
    {
      name: 'CDK: a statement added to a gateway endpoint kept in a this-field (cdk-serverless-clamscan)',
      filename: 'stack.js',
      code: "const aws_iam_1 = require('aws-cdk-lib/aws-iam');\nclass Scan {\n  constructor(vpc, bucket) {\n    this._s3Gw = vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });\n    this._s3Gw.addToPolicy(new aws_iam_1.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')], principals: [new aws_iam_1.AnyPrincipal()] }));\n  }\n}\n",
    },
    {
      name: 'CDK: an interface endpoint in a const, the statement in a const',
      filename: 'stack.ts',
      code: "import * as ec2 from 'aws-cdk-lib/aws-ec2';\nimport * as iam from 'aws-cdk-lib/aws-iam';\ndeclare const vpc: ec2.Vpc;\nconst endpoint = new ec2.InterfaceVpcEndpoint(this, 'Sqs', { vpc, service: ec2.InterfaceVpcEndpointAwsService.SQS });\nconst allowSend = new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'], principals: [new iam.AnyPrincipal()] });\nendpoint.addToPolicy(allowSend);\n",
    },
    {
      name: 'CDK: an L1 CfnVPCEndpoint policy document',
      filename: 'stack.ts',
      code: "import * as ec2 from 'aws-cdk-lib/aws-ec2';\nnew ec2.CfnVPCEndpoint(this, 'E', { vpcId: 'vpc-1', serviceName: 'com.amazonaws.us-east-1.s3', policyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] } });\n",
    },
    // Corpus audit (round 10): repositories keep endpoint policies as plain JSON files, named by folder or file.
    {
      name: 'a policy file in a folder named for VPC endpoints',
      filename: 'network/vpc-endpoints/s3-gateway.json',
      code: policy('{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::amazonlinux-2-repos-eu-west-1/*" }'),
    },
    {
      name: 'a policy file whose name says endpoint policy, "*" allowed for AWS service principals',
      filename: 'guardrails/dynamodb_endpoint_policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:PrincipalIsAWSService": "true" } } }'),
    },
  ],
  invalid: [
    {
      name: 'CDK: a Deny to callers outside 0.0.0.0/0 denies nobody',
      filename: 'api.ts',
      code: "import * as iam from 'aws-cdk-lib/aws-iam';\nexport const apiPolicy = new iam.PolicyDocument({\n  statements: [\n    new iam.PolicyStatement({\n      effect: iam.Effect.DENY,\n      principals: [new iam.AnyPrincipal()],\n      actions: ['execute-api:Invoke'],\n      resources: ['execute-api:/*/*/*'],\n      conditions: { NotIpAddress: { 'aws:SourceIp': ['0.0.0.0/0'] } },\n    }),\n    new iam.PolicyStatement({\n      principals: [new iam.AnyPrincipal()],\n      actions: ['execute-api:Invoke'],\n      resources: ['execute-api:/*'],\n    }),\n  ],\n});\n",
      errors: [{ messageId: 'publicResource', line: 12 }],
      output: null,
    },
    {
      name: 'CDK: a Deny of other actions leaves the Allow public',
      filename: 'api.ts',
      code: "import * as iam from 'aws-cdk-lib/aws-iam';\nexport const apiPolicy = new iam.PolicyDocument({\n  statements: [\n    new iam.PolicyStatement({\n      effect: iam.Effect.DENY,\n      principals: [new iam.AnyPrincipal()],\n      actions: ['execute-api:ManageConnections'],\n      resources: ['execute-api:/*/*/*'],\n      conditions: { NotIpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } },\n    }),\n    new iam.PolicyStatement({\n      principals: [new iam.AnyPrincipal()],\n      actions: ['execute-api:Invoke'],\n      resources: ['execute-api:/*'],\n    }),\n  ],\n});\n",
      errors: [{ messageId: 'publicResource', line: 12 }],
      output: null,
    },
    {
      name: 'JSON: a Deny on insecure transport does not restrict who',
      filename: 'bucket.json',
      code: policy('{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },\n    { "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }'),
      errors: [{ messageId: 'publicResource', line: 4 }],
      output: null,
    },
    {
      name: 'JSON: a Deny that covers only some of the resources leaves the Allow public',
      filename: 'bucket.json',
      code: policy('{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::c/*"] },\n    { "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "NotIpAddress": { "aws:SourceIp": "203.0.113.0/24" } } }'),
      errors: [{ messageId: 'publicResource', line: 4 }],
      output: null,
    },
    {
      name: 'a file about endpoints that is not named an endpoint policy is a resource policy like any other',
      filename: 'api/endpoints.json',
      code: policy('{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }'),
      errors: [{ messageId: 'publicResource' }],
      output: null,
    },
    {
      name: 'a folder named for endpoints three levels up says nothing about this file',
      filename: 'vpce-stack/buckets/reports/policy.json',
      code: policy('{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }'),
      errors: [{ messageId: 'publicResource' }],
      output: null,
    },
    {
      name: 'Principal "*" on a bucket',
      filename: 'bucket-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }'),
      errors: [{ messageId: 'publicResource', line: 4, column: 39, endColumn: 42, severity: 'error', data: { actions: 's3:GetObject' } }],
      output: null,
    },
    {
      name: '{"AWS": "*"} inside an array',
      filename: 'queue-policy.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::123456789012:root", "*"] }, "Action": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:PurgeQueue"], "Resource": "*" }'),
      errors: [{ messageId: 'publicResource', line: 4, column: 83, data: { actions: 'sqs:SendMessage, sqs:ReceiveMessage and 2 more actions' } }],
      output: null,
    },
    { name: 'TLS does not say who', filename: 'bucket.json', code: publicRead('{ "Bool": { "aws:SecureTransport": "true" } }'), errors: [{ messageId: 'publicResource' }], output: null },
    { name: 'a Not operator admits everyone else', filename: 'bucket.json', code: publicRead('{ "StringNotEquals": { "aws:SourceAccount": "123456789012" } }'), errors: [{ messageId: 'publicResource' }], output: null },
    { name: 'IfExists passes when the key is absent', filename: 'bucket.json', code: publicRead('{ "ArnLikeIfExists": { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:t" } }'), errors: [{ messageId: 'publicResource' }], output: null },
    { name: 'a wildcard value restricts nothing', filename: 'bucket.json', code: publicRead('{ "StringLike": { "aws:SourceAccount": "*" } }'), errors: [{ messageId: 'publicResource' }], output: null },
    { name: 'an ARN of any resource in any account restricts nothing', filename: 'topic.json', code: publicRead('{ "ArnLike": { "aws:SourceArn": ["arn:aws:s3:::*", "arn:aws:sns:*:*:*"] } }'), errors: [{ messageId: 'publicResource' }], output: null },
    { name: 'Null only asks that the key exist', filename: 'bucket.json', code: publicRead('{ "Null": { "aws:SourceVpce": "false" } }'), errors: [{ messageId: 'publicResource' }], output: null },
    {
      name: 'a trust policy any account can assume',
      filename: 'trust.json',
      code: policy('{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "sts:AssumeRole" }'),
      errors: [{ messageId: 'publicTrust' }],
      output: null,
    },
    {
      name: 'a CloudFormation role trust',
      filename: 'template.json',
      code: '{"Resources":{"R":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":["sts:AssumeRole","sts:TagSession"]}]}}}}}',
      errors: [{ messageId: 'publicTrust' }],
      output: null,
    },
    {
      name: 'a CloudFormation bucket policy',
      filename: 'template.json',
      code: '{"Resources":{"P":{"Type":"AWS::S3::BucketPolicy","Properties":{"Bucket":{"Ref":"B"},"PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":{"Fn::Sub":"${B.Arn}/*"}}]}}}}}',
      errors: [{ messageId: 'publicResource' }],
      output: null,
    },
    {
      // Corpus audit: real stacks still use the deprecated alias of AnyPrincipal.
      name: 'CDK: iam.Anyone() on a bucket resource policy',
      filename: 'stack.ts',
      code: "import * as iam from 'aws-cdk-lib/aws-iam';\ndeclare const site: any;\nsite.addToResourcePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::site/*'], principals: [new iam.Anyone()] }));\n",
      errors: [{ messageId: 'publicResource', line: 3 }],
      output: null,
    },
    {
      name: 'CDK: addToPolicy on a field that is not an endpoint (a topic) is still a resource policy',
      filename: 'stack.ts',
      code: "import * as iam from 'aws-cdk-lib/aws-iam';\nimport * as sns from 'aws-cdk-lib/aws-sns';\nclass S {\n  topic = new sns.Topic(this, 'T');\n  wire() {\n    this.topic.addToResourcePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'], principals: [new iam.AnyPrincipal()] }));\n  }\n}\n",
      errors: [{ messageId: 'publicResource', line: 6 }],
      output: null,
    },
    {
      name: 'a CloudFormation queue policy next to an endpoint is still reported',
      filename: 'template.json',
      code: '{"Resources":{"E":{"Type":"AWS::EC2::VPCEndpoint","Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*"}]}}},"Q":{"Type":"AWS::SQS::QueuePolicy","Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}}}}}',
      errors: [{ messageId: 'publicResource', line: 1 }],
      output: null,
    },
    {
      name: 'CDK: AnyPrincipal through a require() binding',
      filename: 'stack.js',
      code: "const { PolicyStatement, AnyPrincipal } = require('aws-cdk-lib/aws-iam');\nmodule.exports = new PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['*'], principals: [new AnyPrincipal()] });\n",
      errors: [{ messageId: 'publicResource', line: 2 }],
      output: null,
    },
  ],
});
