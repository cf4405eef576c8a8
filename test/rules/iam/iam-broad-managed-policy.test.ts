import { iamBroadManagedPolicy } from '../../../server/src/rules/iam/iam-broad-managed-policy';
import { ruleTester } from '../../helpers/rule-tester';

const CDK = "import * as iam from 'aws-cdk-lib/aws-iam';\nimport { Stack } from 'aws-cdk-lib';\nconst stack = new Stack();\n";
const role = (policies: string) => `${CDK}new iam.Role(stack, 'R', {\n  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),\n  managedPolicies: [${policies}],\n});\n`;
const template = (resources: string) => `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n${resources}\n  }\n}\n`;

ruleTester(iamBroadManagedPolicy, {
  valid: [
    { name: 'a policy name that is an Object property (constructor) is no policy', filename: 'stack.ts', code: "import * as iam from 'aws-cdk-lib/aws-iam';\nexport const p = { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('constructor')] };\n" },
    { name: 'Pulumi: a constant not attached anywhere', filename: 'index.ts', code: 'import * as aws from "@pulumi/aws";\nexport const adminArn = aws.iam.ManagedPolicy.AdministratorAccess;\n' },
    { name: 'a look-alike of Pulumi\'s constants from another module', filename: 'index.ts', code: 'import * as aws from "./aws";\nnew aws.iam.RolePolicyAttachment("a", { role: "r", policyArn: aws.iam.ManagedPolicy.AdministratorAccess });\n' },
    { name: 'a narrow AWS managed policy (logs only)', filename: 'stack.ts', code: role("iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')") },
    { name: 'a read-only policy is not service-wide write access', filename: 'stack.ts', code: role("iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')") },
    { name: 'a customer managed policy of the same name', filename: 'stack.ts', code: role("iam.ManagedPolicy.fromManagedPolicyArn(stack, 'P', 'arn:aws:iam::123456789012:policy/AdministratorAccess')") },
    { name: 'a name the file cannot resolve', filename: 'stack.ts', code: `${CDK}export const attach = (r: iam.Role, name: string) => r.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName(name));\n` },
    {
      name: 'a policy statement naming the ARN as a resource is not an attachment',
      filename: 'stack.ts',
      code: `${CDK}new iam.PolicyStatement({ actions: ['iam:GetPolicy'], resources: ['arn:aws:iam::aws:policy/AdministratorAccess'] });\n`,
    },
    {
      name: 'a JSON policy that limits which policies may be attached (condition value)',
      filename: 'boundary.json',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "iam:AttachRolePolicy", "Resource": "*", "Condition": { "ArnEquals": { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" } } }]\n}\n',
    },
    { name: 'a test of the name elsewhere in TypeScript', filename: 'check.ts', code: "export const isAdmin = (arn: string) => arn === 'arn:aws:iam::aws:policy/AdministratorAccess';\n" },
  ],
  invalid: [
    {
      name: 'AdministratorAccess on a Lambda role: error',
      filename: 'stack.ts',
      code: role("iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')"),
      errors: [{ messageId: 'admin', line: 6, column: 64, endColumn: 85, severity: 'error', data: { policy: 'AdministratorAccess', target: '' } }],
      output: null,
    },
    {
      name: 'a service FullAccess policy added to a role: warning, services from the policy itself',
      filename: 'stack.ts',
      code: "import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';\nimport { Stack } from 'aws-cdk-lib';\nconst role = new Role(new Stack(), 'R', { assumedBy: new ServicePrincipal('ecs-tasks.amazonaws.com') });\nrole.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess'));\n",
      errors: [{ messageId: 'serviceWide', line: 4, severity: 'warning', data: { policy: 'AmazonS3FullAccess', services: 's3:*, s3-object-lambda:*' } }],
      output: null,
    },
    {
      name: 'IAMFullAccess lets the holder grant itself everything: error',
      filename: 'stack.ts',
      code: role("iam.ManagedPolicy.fromAwsManagedPolicyName('IAMFullAccess')"),
      errors: [{ messageId: 'serviceWide', line: 6, severity: 'error', data: { services: 'iam:*' } }],
      output: null,
    },
    {
      name: 'PowerUserAccess on a group of people: information',
      filename: 'stack.ts',
      code: `${CDK}const devs = new iam.Group(stack, 'Developers');\ndevs.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('PowerUserAccess'));\nnew iam.User(stack, 'Ops', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonEC2FullAccess')] });\n`,
      errors: [
        { messageId: 'admin', line: 5, severity: 'information', data: { policy: 'PowerUserAccess' } },
        { messageId: 'serviceWide', line: 6, severity: 'information', data: { policy: 'AmazonEC2FullAccess' } },
      ],
      output: null,
    },
    {
      name: 'an admin role people of the account assume: information; a CI deploy role (web identity): error',
      filename: 'roles.ts',
      code: `${CDK}new iam.Role(stack, 'Admin', { assumedBy: new iam.CompositePrincipal(new iam.AccountRootPrincipal(), ...['111111111111'].map((id) => new iam.AccountPrincipal(id))), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] });\nconst deploy = new iam.Role(stack, 'Deploy', { assumedBy: new iam.WebIdentityPrincipal('arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com') });\ndeploy.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'));\n`,
      errors: [
        { messageId: 'admin', line: 4, severity: 'information' },
        { messageId: 'admin', line: 6, severity: 'error' },
      ],
      output: null,
    },
    {
      name: 'by ARN: fromManagedPolicyArn and a CfnRole list',
      filename: 'stack.ts',
      code: `${CDK}iam.ManagedPolicy.fromManagedPolicyArn(stack, 'Admin', 'arn:aws:iam::aws:policy/AdministratorAccess');\nnew iam.CfnRole(stack, 'L1', { assumeRolePolicyDocument: {}, managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonSQSFullAccess'] });\n`,
      errors: [
        { messageId: 'admin', line: 4, severity: 'error' },
        { messageId: 'serviceWide', line: 5, severity: 'warning', data: { policy: 'AmazonSQSFullAccess', services: 'sqs:*' } },
      ],
      output: null,
    },
    {
      name: 'SDK: AttachRolePolicy with AdministratorAccess',
      filename: 'setup.ts',
      code: "import { AttachRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';\nconst iam = new IAMClient({});\nexport const grant = (RoleName: string) => iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));\n",
      errors: [{ messageId: 'admin', line: 3, severity: 'error' }],
      output: null,
    },
    {
      name: 'CloudFormation: a role, a partition-aware Fn::Sub, and an admin group of people',
      filename: 'template.json',
      code: template(
        '    "AppRole": { "Type": "AWS::IAM::Role", "Properties": { "AssumeRolePolicyDocument": {}, "ManagedPolicyArns": [\n' +
          '      "arn:aws:iam::aws:policy/AdministratorAccess",\n' +
          '      { "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/AmazonDynamoDBFullAccess" }\n' +
          '    ] } },\n' +
          '    "Admins": { "Type": "AWS::IAM::Group", "Properties": { "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"] } }',
      ),
      errors: [
        { messageId: 'admin', line: 5, column: 8, severity: 'error' },
        { messageId: 'serviceWide', line: 6, severity: 'warning', data: { policy: 'AmazonDynamoDBFullAccess', services: 'dax:*, dynamodb:*' } },
        { messageId: 'admin', line: 8, severity: 'information' },
      ],
      output: null,
    },
    {
      name: 'Pulumi: a ManagedPolicy constant attached to a role',
      filename: 'index.ts',
      code: 'import * as aws from "@pulumi/aws";\ndeclare const role: aws.iam.Role;\nnew aws.iam.RolePolicyAttachment("admin", { role, policyArn: aws.iam.ManagedPolicy.AdministratorAccess });\n',
      errors: [{ messageId: 'admin', line: 3, column: 62, severity: 'error' }],
      output: null,
    },
    {
      name: 'Pulumi: the older ManagedPolicies constants in a CallbackFunction\'s policies',
      filename: 'index.ts',
      code: 'import * as aws from "@pulumi/aws";\nnew aws.lambda.CallbackFunction("fn", {\n  policies: [aws.iam.ManagedPolicies.AWSLambdaBasicExecutionRole, aws.iam.ManagedPolicies.AmazonS3FullAccess],\n  callback: async () => {},\n});\n',
      errors: [{ messageId: 'serviceWide', line: 3, severity: 'warning', data: { policy: 'AmazonS3FullAccess' } }],
      output: null,
    },
    {
      name: 'Pulumi and CDKTF: attachments to a user or a group are people, so information',
      filename: 'index.ts',
      code:
        'import * as aws from "@pulumi/aws";\nimport { IamGroupPolicyAttachment } from "@cdktf/provider-aws/lib/iam-group-policy-attachment";\ndeclare const user: aws.iam.User;\n' +
        'new aws.iam.UserPolicyAttachment("a", { user, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });\n' +
        'new IamGroupPolicyAttachment(this, "b", { group: "admins", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });\n',
      errors: [
        { messageId: 'admin', line: 4, severity: 'information' },
        { messageId: 'admin', line: 5, severity: 'information' },
      ],
      output: null,
    },
  ],
});
