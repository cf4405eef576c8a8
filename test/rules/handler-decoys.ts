// Code that looks like the handler anti-patterns but is the right pattern: every handler rule's
// table includes these as valid cases, and test/rules/handler-decoys.test.ts checks that no rule
// at all reports them.
import type { ValidCase } from '../helpers/rule-tester';

export const handlerDecoys: ValidCase[] = [
  {
    name: 'decoy: client at module scope',
    filename: 'src/handlers/get-order.ts',
    code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent } from 'aws-lambda';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE_NAME = process.env.TABLE_NAME;
if (!TABLE_NAME) {
  throw new Error('Missing required environment variable TABLE_NAME');
}

export const handler = async (event: APIGatewayProxyEvent) => {
  const id = event.pathParameters?.id;
  const result = await ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { PK: \`ORDER#\${id}\` } }));
  return { statusCode: 200, body: JSON.stringify(result.Item ?? null) };
};
`,
  },
  {
    name: 'decoy: client created in a module-scope init promise',
    filename: 'src/handlers/report.ts',
    code: `import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { S3Client } from '@aws-sdk/client-s3';

const sm = new SecretsManagerClient({});
const clientPromise = (async () => {
  const secret = await sm.send(new GetSecretValueCommand({ SecretId: 'reports/s3-role' }));
  const credentials = JSON.parse(secret.SecretString ?? '{}');
  return new S3Client({ credentials });
})();

export const handler = async () => {
  const s3 = await clientPromise;
  return s3.config.region();
};
`,
  },
  {
    name: 'decoy: client created after top-level await',
    filename: 'src/handlers/export.mts',
    code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { loadConfig } from './config.mjs';

const config = await loadConfig();
const s3 = new S3Client({ region: config.region });

export const handler = async (event: { key: string; body: string }) => {
  await s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: event.key, Body: event.body }));
};
`,
  },
  {
    name: 'decoy: secret cached in a module-scope variable',
    filename: 'src/handlers/charge.ts',
    code: `import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

const sm = new SecretsManagerClient({});
let cachedSecret: string | null = null;

async function getSecret(): Promise<string> {
  if (!cachedSecret) {
    const response = await sm.send(new GetSecretValueCommand({ SecretId: 'payments/api-key' }));
    cachedSecret = response.SecretString!;
  }
  return cachedSecret;
}

export const handler = async (event: { amount: number }) => {
  const apiKey = await getSecret();
  return { charged: event.amount, keyLength: apiKey.length };
};
`,
  },
  {
    name: 'decoy: aws-sdk-client-mock is a v3 testing library',
    filename: 'test/get-order.test.ts',
    code: `import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const ddbMock = mockClient(DynamoDBClient);
ddbMock.on(GetItemCommand).resolves({ Item: {} });
`,
  },
  {
    name: 'decoy: aws-sdk only in a comment',
    filename: 'src/handlers/legacy.js',
    code: `// Migrated from require('aws-sdk') (v2) to the modular v3 clients in 2024.
/* The old code did: const AWS = require("aws-sdk"); new AWS.SQS().sendMessage(...) */
const { SQSClient } = require('@aws-sdk/client-sqs');

const sqs = new SQSClient({});
exports.handler = async () => sqs.config.region();
`,
  },
  {
    name: 'decoy: a loop builds batch entries and one send follows it',
    filename: 'src/handlers/fanout.ts',
    code: `import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

const sqs = new SQSClient({});
const QUEUE_URL = process.env.QUEUE_URL;
if (!QUEUE_URL) throw new Error('Missing required environment variable QUEUE_URL');

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const entries = [];
  for (const record of event.Records.slice(0, 10)) {
    entries.push({ Id: record.messageId, MessageBody: record.body });
  }
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: entries }));
  return { batchItemFailures: [] };
};
`,
  },
  {
    name: 'decoy: a FIFO send that sets MessageGroupId',
    filename: 'src/orders/publish.ts',
    code: `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});
const ORDERS_QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/orders.fifo';

export async function publishOrder(order: { id: string; customerId: string }) {
  await sqs.send(new SendMessageCommand({
    QueueUrl: ORDERS_QUEUE,
    MessageBody: JSON.stringify(order),
    MessageGroupId: order.customerId,
    MessageDeduplicationId: order.id,
  }));
}
`,
  },
  {
    name: 'decoy: expiresIn: 900',
    filename: 'src/files/download.ts',
    code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3Client = new S3Client({});

export const downloadUrl = (bucket: string, key: string) =>
  getSignedUrl(s3Client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 900 });
`,
  },
  {
    name: 'decoy: test data under __fixtures__ (a code generator\'s expected output) never runs',
    filename: 'src/transforms/__fixtures__/presign-put/output.ts',
    code: `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

export const handler = async (event: { keys: string[] }) => {
  const s3 = new S3Client({});
  const sqs = new SQSClient({});
  for (const key of event.keys) {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: key }));
  }
  return getSignedUrl(s3, new PutObjectCommand({ Bucket: process.env.BUCKET, Key: event.keys[0] }));
};
`,
  },
  {
    name: 'decoy: an Upload with leavePartsOnError: false',
    filename: 'src/files/archive.ts',
    code: `import { createReadStream } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

const s3Client = new S3Client({});

export async function archive(bucket: string, key: string, path: string) {
  const upload = new Upload({
    client: s3Client,
    params: { Bucket: bucket, Key: key, Body: createReadStream(path) },
    partSize: 10 * 1024 * 1024,
    leavePartsOnError: false,
  });
  await upload.done();
}
`,
  },
  {
    name: 'decoy: Express and Fastify route handlers named like Lambda handlers (a server calls them, not Lambda)',
    filename: 'src/controllers/avatars.controller.ts',
    code: `import type { Request, Response } from 'express';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

export const uploadAvatarHandler = async (req: Request, res: Response) => {
  const s3 = new S3Client({ region: process.env.AVATAR_REGION });
  await s3.send(new PutObjectCommand({ Bucket: process.env.AVATAR_BUCKET, Key: req.params.id, Body: req.body, ContentType: 'image/png' }));
  res.status(204).end();
};

export async function signingKeyHandler(request: FastifyRequest, reply: FastifyReply) {
  const sm = new SecretsManagerClient({});
  const out = await sm.send(new GetSecretValueCommand({ SecretId: process.env.SIGNING_SECRET_ID }));
  return reply.send({ loaded: Boolean(out.SecretString) });
}

module.exports = { deleteHandler: async (req, res) => res.sendStatus(204) };
`,
  },
];
