// Workspaces on disk for the CLI and LSP audit tests: a few files written as given, or many
// generated ones (CDK stacks, Lambda handlers, IAM policies, CloudFormation templates and plain
// code, in turn) for the cancellation and scale tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const stack = (i: number) => `import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export class Service${i}Stack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const uploads = new s3.Bucket(this, 'Uploads${i}', {
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const table = new dynamodb.Table(this, 'Orders${i}', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    });

    const fn = new lambda.Function(this, 'Worker${i}', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('dist/worker${i}'),
      timeout: Duration.seconds(${10 + (i % 20)}),
      environment: { TABLE: table.tableName, BUCKET: uploads.bucketName },
    });
    table.grantReadWriteData(fn);
    uploads.grantRead(fn);
  }
}
`;

const handler = (i: number) => `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');

exports.handler = async (event) => {
  const client = new DynamoDBClient({});
  const table = process.env.TABLE_${i};
  for (const record of event.Records ?? []) {
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: record.messageId } } }));
  }
  return { statusCode: 200, body: JSON.stringify({ ok: ${i} }) };
};
`;

const policy = (i: number) => `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read${i}", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::bucket-${i}", "arn:aws:s3:::bucket-${i}/*"] },
    { "Sid": "Admin${i}", "Effect": "Allow", "Action": "dynamodb:*", "Resource": "*" }
  ]
}
`;

const template = (i: number) => `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Role${i}": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }]
        },
        "Policies": [{
          "PolicyName": "queue-${i}",
          "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Action": "sqs:*", "Resource": "arn:aws:sqs:us-east-1:123456789012:queue-${i}" }]
          }
        }]
      }
    }
  }
}
`;

const plain = (i: number) => `export interface Order${i} {
  id: string;
  total: number;
}

export function total${i}(orders: readonly Order${i}[]): number {
  return orders.reduce((sum, o) => sum + o.total, 0);
}
`;

const KINDS = [
  { dir: 'infra/lib', ext: 'ts', text: stack },
  { dir: 'functions', ext: 'js', text: handler },
  { dir: 'policies', ext: 'json', text: policy },
  { dir: 'templates', ext: 'template.json', text: template },
  { dir: 'src', ext: 'ts', text: plain },
];

/** `count` files, spread over folders of at most 100 files; returns their relative paths. */
export function generateWorkspace(root: string, count: number): string[] {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    const path = `${kind.dir}/part${Math.floor(i / 100)}/file${i}.${kind.ext}`;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), kind.text(i));
    paths.push(path);
  }
  return paths;
}
