// JSON a repository holds: IAM policy documents (identity, trust, resource), CloudFormation
// templates shaped like `cdk synth` output, and JSON that is no policy at all (package.json,
// tsconfig, event fixtures), which only the credentials scan reads.
import { identityStatement, statementJson, trustStatementJson, type TrustShape } from './iam-vocabulary';
import { NOUNS, Rng, VERBS, accountId, kebab, pascal } from './rng';

function stringify(rng: Rng, value: unknown): string {
  return JSON.stringify(value, null, rng.chance(0.8) ? 2 : 4) + '\n';
}

export function identityPolicy(rng: Rng): string {
  const name = rng.pick(NOUNS);
  return stringify(rng, { Version: '2012-10-17', Statement: Array.from({ length: rng.int(1, 8) }, () => statementJson(identityStatement(rng, name))) });
}

export function trustPolicy(rng: Rng): string {
  const shape = rng.weighted<TrustShape>([['service', 5], ['accountWithExternalId', 2], ['accountNoExternalId', 2], ['federated', 1], ['public', 0.5]]);
  return stringify(rng, { Version: '2012-10-17', Statement: [trustStatementJson(rng, shape)] });
}

export function bucketPolicy(rng: Rng): string {
  const bucket = `${kebab(rng.pick(NOUNS))}-${rng.int(100, 999)}`;
  const statements: unknown[] = [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ];
  if (rng.chance(0.3)) statements.push({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/public/*` });
  if (rng.chance(0.5))
    statements.push({
      Sid: 'CrossAccountRead',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId(rng)}:root` },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } },
    });
  return stringify(rng, { Version: '2012-10-17', Id: `${bucket}-policy`, Statement: statements });
}

function cdkPath(stack: string, id: string): Record<string, unknown> {
  return { 'aws:cdk:path': `${stack}/${id}/Resource` };
}

/** A template as `cdk synth` writes it: many resources, intrinsic functions, metadata. */
export function cloudFormationTemplate(rng: Rng, resourceCount: number): string {
  const stack = `${pascal(rng.pick(NOUNS))}Stack`;
  const resources: Record<string, unknown> = {};
  const hash = () => rng.int(0x10000000, 0x7fffffff).toString(16).toUpperCase();
  for (let i = 0; i < resourceCount; i++) {
    const noun = rng.pick(NOUNS);
    const id = `${pascal(noun)}${pascal(rng.pick(VERBS))}${hash()}`;
    const kind = rng.pick(['role', 'role', 'policy', 'bucket', 'bucketPolicy', 'function', 'table', 'queue'] as const);
    switch (kind) {
      case 'role': {
        const trust = trustStatementJson(rng, rng.weighted<TrustShape>([['service', 8], ['accountWithExternalId', 1], ['accountNoExternalId', 1]]));
        const props: Record<string, unknown> = {
          AssumeRolePolicyDocument: { Statement: [trust], Version: '2012-10-17' },
          ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] }],
        };
        if (rng.chance(0.5))
          props.Policies = [{ PolicyName: `${noun}-inline`, PolicyDocument: { Version: '2012-10-17', Statement: Array.from({ length: rng.int(1, 4) }, () => statementJson(identityStatement(rng, noun))) } }];
        resources[id] = { Type: 'AWS::IAM::Role', Properties: props, Metadata: cdkPath(stack, id) };
        break;
      }
      case 'policy':
        resources[id] = {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyDocument: { Statement: Array.from({ length: rng.int(1, 6) }, () => statementJson(identityStatement(rng, noun))), Version: '2012-10-17' },
            PolicyName: `${id}Policy`,
            Roles: [{ Ref: `${pascal(noun)}Role${hash()}` }],
          },
          Metadata: cdkPath(stack, id),
        };
        break;
      case 'bucket':
        resources[id] = {
          Type: 'AWS::S3::Bucket',
          Properties: {
            BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
            PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
            VersioningConfiguration: { Status: rng.chance(0.6) ? 'Enabled' : 'Suspended' },
            Tags: [{ Key: 'aws-cdk:auto-delete-objects', Value: 'true' }],
          },
          UpdateReplacePolicy: 'Retain',
          DeletionPolicy: 'Retain',
          Metadata: cdkPath(stack, id),
        };
        break;
      case 'bucketPolicy':
        resources[id] = {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: { Ref: `${pascal(noun)}Bucket${hash()}` },
            PolicyDocument: {
              Statement: [
                {
                  Action: 's3:*',
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                  Effect: 'Deny',
                  Principal: { AWS: '*' },
                  Resource: [{ 'Fn::GetAtt': [`${pascal(noun)}Bucket`, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [`${pascal(noun)}Bucket`, 'Arn'] }, '/*']] }],
                },
                ...(rng.chance(0.2) ? [{ Action: 's3:GetObject', Effect: 'Allow', Principal: { AWS: '*' }, Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [`${pascal(noun)}Bucket`, 'Arn'] }, '/public/*']] } }] : []),
              ],
              Version: '2012-10-17',
            },
          },
          Metadata: cdkPath(stack, id),
        };
        break;
      case 'function':
        resources[id] = {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Code: { S3Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' }, S3Key: `${hash()}${hash()}.zip` },
            Role: { 'Fn::GetAtt': [`${pascal(noun)}ServiceRole${hash()}`, 'Arn'] },
            Environment: { Variables: { TABLE_NAME: { Ref: `${pascal(noun)}Table${hash()}` }, NODE_OPTIONS: '--enable-source-maps' } },
            Handler: 'index.handler',
            Runtime: rng.pick(['nodejs18.x', 'nodejs20.x', 'nodejs22.x']),
            MemorySize: rng.pick([128, 256, 512]),
            Timeout: rng.pick([3, 30, 60]),
            Architectures: [rng.pick(['arm64', 'x86_64'])],
          },
          DependsOn: [`${pascal(noun)}ServiceRoleDefaultPolicy${hash()}`],
          Metadata: { ...cdkPath(stack, id), 'aws:asset:path': `asset.${hash()}`, 'aws:asset:is-bundled': true, 'aws:asset:property': 'Code' },
        };
        break;
      case 'table':
        resources[id] = {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            KeySchema: [
              { AttributeName: 'PK', KeyType: 'HASH' },
              { AttributeName: 'SK', KeyType: 'RANGE' },
            ],
            AttributeDefinitions: [
              { AttributeName: 'PK', AttributeType: 'S' },
              { AttributeName: 'SK', AttributeType: 'S' },
            ],
            BillingMode: 'PAY_PER_REQUEST',
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: rng.chance(0.7) },
          },
          UpdateReplacePolicy: 'Retain',
          DeletionPolicy: 'Retain',
          Metadata: cdkPath(stack, id),
        };
        break;
      case 'queue':
        resources[id] = {
          Type: 'AWS::SQS::Queue',
          Properties: { MessageRetentionPeriod: 1209600, VisibilityTimeout: rng.pick([30, 60, 300]), SqsManagedSseEnabled: true },
          UpdateReplacePolicy: 'Delete',
          DeletionPolicy: 'Delete',
          Metadata: cdkPath(stack, id),
        };
        break;
    }
  }
  const template = {
    Description: `${stack} (generated)`,
    Resources: resources,
    Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version', Description: 'Version of the CDK Bootstrap resources in this environment' } },
    Rules: {
      CheckBootstrapVersion: {
        Assertions: [{ Assert: { 'Fn::Not': [{ 'Fn::Contains': [['1', '2', '3', '4', '5'], { Ref: 'BootstrapVersion' }] }] }, AssertDescription: "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI." }],
      },
    },
  };
  return JSON.stringify(template, null, 1) + '\n';
}

export function packageJson(rng: Rng): string {
  const name = kebab(rng.pick(NOUNS), 'service');
  const deps: Record<string, string> = {};
  for (const d of rng.some(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/client-s3', '@aws-sdk/client-sqs', '@middy/core', 'zod', 'uuid', 'aws-cdk-lib', 'constructs'], 2, 6))
    deps[d] = `^${rng.int(1, 3)}.${rng.int(0, 40)}.${rng.int(0, 9)}`;
  return stringify(rng, {
    name,
    version: `${rng.int(0, 3)}.${rng.int(0, 20)}.${rng.int(0, 9)}`,
    private: true,
    scripts: { build: 'tsc', test: 'jest', cdk: 'cdk', synth: 'cdk synth' },
    dependencies: deps,
    devDependencies: { typescript: '~5.6.0', jest: '^29.7.0', '@types/aws-lambda': '^8.10.145' },
  });
}

export function tsconfigJson(rng: Rng): string {
  // tsconfig files carry comments and trailing commas: the JSONC tolerance is exercised here.
  return `{\n  // Shared compiler options\n  "compilerOptions": {\n    "target": "ES2022",\n    "module": "${rng.pick(['commonjs', 'NodeNext'])}",\n    "strict": true,\n    "esModuleInterop": true,\n    "outDir": "dist",\n  },\n  "include": ["lib", "bin", "src"],\n}\n`;
}

export function eventFixture(rng: Rng): string {
  const records = Array.from({ length: rng.int(1, 6) }, (_, i) => ({
    messageId: `${rng.int(10000000, 99999999)}-${i}`,
    receiptHandle: `AQEB${rng.int(100000, 999999)}`,
    body: JSON.stringify({ id: rng.int(1, 9999), type: rng.pick(NOUNS) }),
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(1700000000000 + rng.int(0, 999999)), SenderId: `AIDAIENQZJOLO23YVJ4VO` },
    messageAttributes: {},
    md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:${accountId(rng)}:${rng.pick(NOUNS)}-queue`,
    awsRegion: 'us-east-1',
  }));
  return stringify(rng, { Records: records });
}

export function cdkJson(rng: Rng): string {
  return stringify(rng, {
    app: 'npx ts-node --prefer-ts-exts bin/app.ts',
    watch: { include: ['**'], exclude: ['README.md', 'cdk*.json', '**/*.d.ts', '**/*.js', 'node_modules', 'test'] },
    context: { '@aws-cdk/aws-lambda:recognizeLayerVersion': true, '@aws-cdk/core:checkSecretUsage': true, '@aws-cdk/aws-iam:minimizePolicies': rng.chance(0.5) },
  });
}
