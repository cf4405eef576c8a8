// The IAM words generated policies are made of: real actions, wildcards of every width, a few
// typos (real code has them), principals and conditions. Shared by the CDK and JSON generators.
import { accountId, type Rng } from './rng';

export const SPECIFIC_ACTIONS = [
  's3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteObject', 's3:GetBucketLocation', 's3:PutObjectTagging',
  'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem',
  'sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sns:Publish', 'lambda:InvokeFunction',
  'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'kms:Decrypt', 'kms:GenerateDataKey',
  'secretsmanager:GetSecretValue', 'ssm:GetParameter', 'ssm:GetParametersByPath', 'xray:PutTraceSegments', 'events:PutEvents',
  'states:StartExecution', 'ec2:DescribeInstances', 'cloudwatch:PutMetricData', 'iam:PassRole', 'ecr:GetAuthorizationToken',
  'ecr:BatchGetImage', 'kinesis:PutRecord', 'firehose:PutRecordBatch', 'athena:StartQueryExecution', 'glue:GetTable',
];

export const WILDCARD_ACTIONS = ['s3:*', 'dynamodb:*', '*', 's3:Get*', 'dynamodb:Batch*', 'logs:*', 'ec2:Describe*', 'sqs:*', 'kms:*', 'lambda:*'];
export const TYPO_ACTIONS = ['s3:GetObjects', 'dynamodb:PutItems', 'sqs:SendMessages', 's3:ListBuckets', 'lambda:Invoke', 'dynamo:GetItem'];

const RESOURCE_ARNS: Record<string, (acct: string, name: string) => string> = {
  s3: (_a, n) => `arn:aws:s3:::${n}-bucket/*`,
  dynamodb: (a, n) => `arn:aws:dynamodb:us-east-1:${a}:table/${n}-table`,
  sqs: (a, n) => `arn:aws:sqs:us-east-1:${a}:${n}-queue`,
  sns: (a, n) => `arn:aws:sns:us-east-1:${a}:${n}-topic`,
  lambda: (a, n) => `arn:aws:lambda:us-east-1:${a}:function:${n}`,
  logs: (a, n) => `arn:aws:logs:us-east-1:${a}:log-group:/aws/lambda/${n}:*`,
  kms: (a) => `arn:aws:kms:us-east-1:${a}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  secretsmanager: (a, n) => `arn:aws:secretsmanager:us-east-1:${a}:secret:${n}-AbCdEf`,
  ssm: (a, n) => `arn:aws:ssm:us-east-1:${a}:parameter/${n}/*`,
};

export interface StatementSpec {
  effect: 'Allow' | 'Deny';
  actions: string[];
  notActions?: boolean;
  resources: string[];
  conditions?: Record<string, Record<string, string | string[]>>;
  sid?: string;
}

/** An identity-policy statement: mostly scoped and specific, sometimes wide, now and then wrong. */
export function identityStatement(rng: Rng, name: string): StatementSpec {
  const acct = accountId(rng);
  const shape = rng.weighted([['specific', 6], ['wildcard', 2], ['typo', 1], ['notAction', 0.5], ['deny', 0.5]] as const);
  let actions: string[];
  if (shape === 'wildcard') actions = [rng.pick(WILDCARD_ACTIONS), ...rng.some(SPECIFIC_ACTIONS, 0, 2)];
  else if (shape === 'typo') actions = [...rng.some(SPECIFIC_ACTIONS, 1, 3), rng.pick(TYPO_ACTIONS)];
  else actions = rng.some(SPECIFIC_ACTIONS, 1, 6);
  const services = [...new Set(actions.map((a) => a.split(':')[0]))];
  const resources = rng.chance(shape === 'wildcard' ? 0.6 : 0.25)
    ? ['*']
    : services.map((s) => (RESOURCE_ARNS[s] ?? ((a: string, n: string) => `arn:aws:${s}:us-east-1:${a}:${n}`))(acct, name));
  const spec: StatementSpec = { effect: shape === 'deny' ? 'Deny' : 'Allow', actions, resources, notActions: shape === 'notAction' };
  if (rng.chance(0.2)) spec.conditions = { StringEquals: { 'aws:RequestedRegion': rng.pick(['us-east-1', 'eu-west-1']) } };
  if (rng.chance(0.3)) spec.sid = `Allow${name.replace(/[^A-Za-z0-9]/g, '')}${rng.int(1, 99)}`;
  return spec;
}

export type TrustShape = 'service' | 'accountWithExternalId' | 'accountNoExternalId' | 'public' | 'federated';

export function trustStatementJson(rng: Rng, shape: TrustShape): Record<string, unknown> {
  const acct = accountId(rng);
  switch (shape) {
    case 'service':
      return { Effect: 'Allow', Principal: { Service: rng.pick(['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'states.amazonaws.com', 'events.amazonaws.com']) }, Action: 'sts:AssumeRole' };
    case 'accountWithExternalId':
      return { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:role/integration-role` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': `ext-${rng.int(1000, 9999)}` } } };
    case 'accountNoExternalId':
      return { Effect: 'Allow', Principal: { AWS: rng.chance(0.5) ? `arn:aws:iam::${acct}:root` : acct }, Action: 'sts:AssumeRole' };
    case 'public':
      return { Effect: 'Allow', Principal: rng.chance(0.5) ? '*' : { AWS: '*' }, Action: 'sts:AssumeRole' };
    case 'federated':
      return {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${acct}:oidc-provider/token.actions.githubusercontent.com` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example-org/*' } },
      };
  }
}

export function statementJson(s: StatementSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.sid) out.Sid = s.sid;
  out.Effect = s.effect;
  out[s.notActions ? 'NotAction' : 'Action'] = s.actions.length === 1 ? s.actions[0] : s.actions;
  out.Resource = s.resources.length === 1 ? s.resources[0] : s.resources;
  if (s.conditions) out.Condition = s.conditions;
  return out;
}
