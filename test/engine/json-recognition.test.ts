// Which JSON files hold IAM policies, where, and of which kind; and how their statements read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonFile } from '../../server/src/engine/json/front';
import { statementsOfSite } from '../../server/src/engine/json/statements';
import { listValues, type PolicyStatement } from '../../server/src/engine/policy/model';

function statements(text: string): (PolicyStatement & { resource?: string })[] {
  const { file } = parseJsonFile(text);
  return file.policies.flatMap((site) => statementsOfSite(site, text).map((s) => ({ ...s, resource: site.resource?.type })));
}
const summary = (text: string) => statements(text).map((s) => `${s.resource ?? 'file'}:${s.kind}:${s.effect ?? '?'}:${listValues(s.actions).join(',')}`);
const template = (resources: Record<string, unknown>) => JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources }, null, 2);

describe('JSON policy recognition', () => {
  it('policy files: identity, trust and resource statements by their content', () => {
    assert.deepEqual(summary('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'), ['file:identity:Allow:s3:GetObject']);
    assert.deepEqual(summary('{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'), ['file:trust:Allow:sts:AssumeRole']);
    assert.deepEqual(summary('{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}'), ['file:resource:Deny:s3:*']);
  });

  it('"Statement" as one object is legal IAM, and an empty one is a statement with nothing in it', () => {
    assert.deepEqual(summary('{"Statement":{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}}'), ['file:identity:Allow:sqs:SendMessage']);
    assert.deepEqual(summary('{"Version":"2012-10-17","Statement":{}}'), ['file:identity:?:']);
    assert.deepEqual(summary('{"Version":"2012-10-17","Statement":[]}'), []);
  });

  it('comments and trailing commas (JSONC) are read', () => {
    assert.deepEqual(summary('// policy\n{"Statement":[{"Effect":"Allow",/* read */"Action":["s3:GetObject",],"Resource":"*",},],}'), ['file:identity:Allow:s3:GetObject']);
  });

  it('CloudFormation: role trust and inline policies, managed policies, resource policies, key policies', () => {
    const doc = (statement: object) => ({ Version: '2012-10-17', Statement: [statement] });
    const text = template({
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
          Policies: [{ PolicyName: 'inline', PolicyDocument: doc({ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }) }],
        },
      },
      Policy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: [{ Ref: 'Role' }], PolicyDocument: doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) } },
      Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: doc({ Effect: 'Allow', Action: 'dynamodb:Query', Resource: '*' }) } },
      BucketPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'B' }, PolicyDocument: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }) } },
      QueuePolicy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Q' }], PolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' }) } },
      TopicPolicy: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [{ Ref: 'T' }], PolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: '*' }) } },
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: doc({ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' }) } },
      Secret: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: { SecretId: { Ref: 'S' }, ResourcePolicy: doc({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'secretsmanager:DeleteSecret', Resource: '*' }) } },
      Function: { Type: 'AWS::Serverless::Function', Properties: { Policies: ['AWSLambdaBasicExecutionRole', { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }] } },
      Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } },
    });
    assert.deepEqual(summary(text), [
      'AWS::IAM::Role:trust:Allow:sts:AssumeRole',
      'AWS::IAM::Role:identity:Allow:logs:PutLogEvents',
      'AWS::IAM::Policy:identity:Allow:sqs:SendMessage',
      'AWS::IAM::ManagedPolicy:identity:Allow:dynamodb:Query',
      'AWS::S3::BucketPolicy:resource:Deny:s3:*',
      'AWS::SQS::QueuePolicy:resource:Allow:sqs:SendMessage',
      'AWS::SNS::TopicPolicy:resource:Allow:sns:Publish',
      'AWS::KMS::Key:resource:Allow:kms:*',
      'AWS::SecretsManager::ResourcePolicy:resource:Deny:secretsmanager:DeleteSecret',
      'AWS::Serverless::Function:identity:Allow:s3:GetObject',
    ]);
  });

  it('CloudFormation intrinsics are unknown values, never guessed', () => {
    const [s] = statements(
      template({
        P: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyDocument: {
              Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', { 'Fn::If': ['C', 's3:PutObject', { Ref: 'AWS::NoValue' }] }], Resource: { 'Fn::Sub': '${B.Arn}/*' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }],
            },
          },
        },
      }),
    );
    assert.deepEqual(listValues(s.actions), ['s3:GetObject']);
    assert.equal(s.actions?.incomplete, true);
    assert.equal(s.resources?.incomplete, true);
    assert.deepEqual(s.condition?.entries.map((e) => e.values), [[undefined]]);
  });

  it('a statement written inside Fn::If: both branches are statements, AWS::NoValue none', () => {
    const text = template({
      P: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          PolicyDocument: {
            Statement: [
              { 'Fn::If': ['IsProd', { Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }, { Ref: 'AWS::NoValue' }] },
              { 'Fn::If': ['Big', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] },
            ],
          },
        },
      },
    });
    assert.deepEqual(summary(text), ['AWS::IAM::ManagedPolicy:identity:Allow:logs:PutLogEvents', 'AWS::IAM::ManagedPolicy:identity:Allow:s3:GetObject', 'AWS::IAM::ManagedPolicy:identity:Allow:s3:ListBucket']);
  });

  it('things named "Statement" that are not IAM (AWS WAF rules) are left alone', () => {
    const text = template({
      Acl: {
        Type: 'AWS::WAFv2::WebACL',
        Properties: { Rules: [{ Name: 'r', Priority: 0, Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } }, Action: { Block: {} } }] },
      },
    });
    assert.deepEqual(summary(text), []);
    assert.deepEqual(summary('{"Statement":[{"ByteMatchStatement":{}}]}'), []);
  });

  it('AWS CLI output holding a policy document (get-role, get-role-policy, get-policy-version)', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    assert.deepEqual(summary(JSON.stringify({ Role: { RoleName: 'r', Arn: 'arn:aws:iam::123456789012:role/r', AssumeRolePolicyDocument: doc } })), ['file:trust:Allow:sts:AssumeRole']);
    assert.deepEqual(summary(JSON.stringify({ RoleName: 'r', PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] } })), ['file:identity:Allow:sqs:SendMessage']);
    assert.deepEqual(summary(JSON.stringify({ PolicyVersion: { Document: { Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }, VersionId: 'v2', IsDefaultVersion: true } })), ['file:identity:Deny:s3:*']);
    // Only under those keys: any other object that happens to hold "Statement" is not a policy.
    assert.deepEqual(summary(JSON.stringify({ report: { Statement: [{ Effect: 'Allow', Action: 's3:*' }] } })), []);
  });

  it('non-policy JSON is not a policy', () => {
    for (const text of [
      '{"name":"app","version":"1.0.0","scripts":{"build":"tsc"},"dependencies":{"aws-sdk":"^2.0.0"}}',
      '{"compilerOptions":{"strict":true,"target":"ES2022"},"include":["src"]}',
      '{"Resources":{"A":{"Type":"Custom-Thing"}}}',
      '[{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}]',
      '"just a string"',
    ]) {
      assert.deepEqual(summary(text), [], text);
    }
  });

  it('statement values keep their exact source ranges', () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}';
    const [s] = statements(text);
    const item = s.actions!.items[0];
    assert.equal(text.slice(item.start, item.end), '"s3:GetObject"');
    assert.equal(text.slice(s.actions!.keyStart, s.actions!.keyEnd), '"Action"');
    assert.equal(text.slice(s.start, s.end), text.slice(14, -2));
  });
});
