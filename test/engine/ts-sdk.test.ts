import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { TsFile, parseTypeScript } from '../../server/src/engine/typescript/file';
import { sdkFacts } from '../../server/src/engine/typescript/sdk';

function walk(code: string, filename: string, pick: (f: TsFile, n: ts.Node) => string | undefined): string[] {
  const f = new TsFile(parseTypeScript(filename, code));
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    const r = pick(f, n);
    if (r) out.push(r);
    ts.forEachChild(n, visit);
  };
  visit(f.sourceFile);
  return out;
}
const clients = (code: string, filename = 'a.ts') =>
  walk(code, filename, (f, n) => {
    const c = sdkFacts(f).clientConstruction(n);
    return c && `v${c.version} ${c.service} ${c.className}${c.document ? ' (document)' : ''}`;
  });
const operations = (code: string, filename = 'a.ts') =>
  walk(code, filename, (f, n) => {
    const op = ts.isCallExpression(n) ? sdkFacts(f).operationOf(n) : undefined;
    return op && `v${op.version} ${op.service}:${op.operation} (${op.style})`;
  });

describe('sdk: clients', () => {
  it('v3 bare and aggregated clients', () =>
    assert.deepEqual(clients("import { SQSClient, SQS } from '@aws-sdk/client-sqs';\nnew SQSClient({});\nnew SQS({});"), ['v3 sqs SQSClient', 'v3 sqs SQS']));
  it('v3 via namespace import and require', () =>
    assert.deepEqual(clients("const sm = require('@aws-sdk/client-secrets-manager');\nnew sm.SecretsManagerClient({});", 'a.js'), ['v3 secretsmanager SecretsManagerClient']));
  it('DynamoDBDocumentClient.from(new DynamoDBClient())', () =>
    assert.deepEqual(clients("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nDynamoDBDocumentClient.from(new DynamoDBClient({}));"), [
      'v3 dynamodb DynamoDBDocumentClient (document)',
      'v3 dynamodb DynamoDBClient',
    ]));
  it('commands, exceptions and Upload are not clients', () =>
    assert.deepEqual(clients("import { PutObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';\nimport { Upload } from '@aws-sdk/lib-storage';\nnew PutObjectCommand({});\nnew NoSuchKey({});\nnew Upload({});"), []));
  it('v2: new AWS.SQS(), DocumentClient, aws-sdk/clients/sqs', () =>
    assert.deepEqual(clients("const AWS = require('aws-sdk');\nconst SQS = require('aws-sdk/clients/sqs');\nnew AWS.SQS();\nnew AWS.DynamoDB.DocumentClient();\nnew SQS();", 'a.js'), [
      'v2 sqs SQS',
      'v2 dynamodb DocumentClient (document)',
      'v2 sqs sqs',
    ]));
  it('v2 through X-Ray: AWSXRay.captureAWS(require(\'aws-sdk\'))', () =>
    assert.deepEqual(clients("const AWSXRay = require('aws-xray-sdk-core');\nconst AWS = AWSXRay.captureAWS(require('aws-sdk'));\nnew AWS.S3();", 'a.js'), ['v2 s3 S3']));
  it('v2 non-client classes are not clients', () => assert.deepEqual(clients("import AWS from 'aws-sdk';\nnew AWS.Credentials('a', 'b');\nnew AWS.Endpoint('x');\nnew AWS.SharedIniFileCredentials();"), []));
  it('the mock library is not the SDK', () => assert.deepEqual(clients("import { mockClient } from 'aws-sdk-client-mock';\nmockClient(SQSClient);"), []));
});

describe('sdk: operations', () => {
  it('client.send(new XCommand(...)), also through a const', () =>
    assert.deepEqual(operations("import { SendMessageCommand } from '@aws-sdk/client-sqs';\nclient.send(new SendMessageCommand({}));\nconst cmd = new SendMessageCommand({});\nclient.send(cmd);"), [
      'v3 sqs:SendMessage (command)',
      'v3 sqs:SendMessage (command)',
    ]));
  it('lib-dynamodb commands', () => assert.deepEqual(operations("import { ScanCommand } from '@aws-sdk/lib-dynamodb';\nddb.send(new ScanCommand({}));"), ['v3 dynamodb:Scan (command)']));
  it('aggregated v3 clients: ddb.put, s3.getObject', () =>
    assert.deepEqual(
      operations("import { S3 } from '@aws-sdk/client-s3';\nimport { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';\nconst s3 = new S3({});\nconst ddb = DynamoDBDocument.from(client);\ns3.getObject({});\nddb.put({});\ns3.send(x);"),
      ['v3 s3:GetObject (method)', 'v3 dynamodb:Put (method)'],
    ));
  it('paginators', () => assert.deepEqual(operations("import { paginateScan } from '@aws-sdk/client-dynamodb';\npaginateScan({ client }, {});"), ['v3 dynamodb:Scan (paginator)']));
  it('v2 method calls with .promise() and callbacks', () =>
    assert.deepEqual(operations("const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();\nsqs.sendMessage({}).promise();\nsqs.sendMessage({}, cb);", 'a.js'), [
      'v2 sqs:SendMessage (method)',
      'v2 sqs:SendMessage (method)',
    ]));
  it('typed parameters and class members', () =>
    assert.deepEqual(
      operations(
        "import { SQS } from '@aws-sdk/client-sqs';\nimport AWS from 'aws-sdk';\nfunction f(q: SQS) { q.sendMessage({}); }\nclass R { constructor(private readonly sqs: AWS.SQS) {}\n  go() { this.sqs.sendMessage({}); } }\nclass T { private db = new AWS.DynamoDB.DocumentClient();\n  go() { this.db.scan({}); } }",
      ),
      ['v3 sqs:SendMessage (method)', 'v2 sqs:SendMessage (method)', 'v2 dynamodb:Scan (method)'],
    ));
  it('unknown receivers are not guessed', () => assert.deepEqual(operations("import { db } from './db';\ndb.scan({});\nsomething.sendMessage({});"), []));
  it('a local class named like a command is not one', () => assert.deepEqual(operations('class SendMessageCommand {}\nclient.send(new SendMessageCommand());'), []));
});

describe('sdk: presigners', () => {
  const presign = (code: string, filename = 'a.ts') =>
    walk(code, filename, (f, n) => {
      const p = ts.isCallExpression(n) ? sdkFacts(f).presignOf(n) : undefined;
      return p && `v${p.version} ${p.operation ?? '?'} ${p.expiry.property}`;
    });
  it('getSignedUrl with a v3 command', () =>
    assert.deepEqual(presign("import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { PutObjectCommand } from '@aws-sdk/client-s3';\ngetSignedUrl(s3, new PutObjectCommand({}), { expiresIn: 60 });"), ['v3 PutObject expiresIn']));
  it('createPresignedPost', () => assert.deepEqual(presign("import { createPresignedPost } from '@aws-sdk/s3-presigned-post';\ncreatePresignedPost(s3, { Bucket: 'b', Key: 'k', Expires: 60 });"), ['v3 ? Expires']));
  it('SDK v2 s3.getSignedUrl', () => assert.deepEqual(presign("const AWS = require('aws-sdk');\nconst s3 = new AWS.S3();\ns3.getSignedUrl('putObject', { Bucket: 'b' });", 'a.js'), ['v2 PutObject Expires']));
  it('CloudFront getSignedUrl is not S3', () => assert.deepEqual(presign("import { getSignedUrl } from '@aws-sdk/cloudfront-signer';\ngetSignedUrl({ url, keyPairId, dateLessThan, privateKey });"), []));
});
