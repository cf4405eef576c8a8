import { sqsBatchTooLarge } from '../../../server/src/rules/sqs/sqs-batch-too-large';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { SQSClient, SendMessageBatchCommand, DeleteMessageBatchCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\n";
const entry = (i: number) => `{ Id: '${i}', MessageBody: 'm${i}' }`;

ruleTester(sqsBatchTooLarge, {
  valid: [
    ...handlerDecoys,
    { name: 'chunks of 10 (the guide)', filename: 'p.ts', code: `${HEAD}export async function p(url: string, entries: any[]) {\n  for (let i = 0; i < entries.length; i += 10) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries.slice(i, i + 10) }));\n  }\n}\n` },
    { name: 'ten literal entries', filename: 'p.ts', code: `${HEAD}export const p = (url: string) => sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [${Array.from({ length: 10 }, (_, i) => entry(i)).join(', ')}] }));\n` },
    { name: 'a chunk size read from config is unknown', filename: 'p.ts', code: `${HEAD}export async function p(url: string, entries: any[], size: number) {\n  for (let i = 0; i < entries.length; i += size) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries.slice(i, i + size) }));\n  }\n}\n` },
    { name: 'DynamoDB batches of 25 are fine (another service)', filename: 'p.ts', code: "import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst ddb = new DynamoDBClient({});\nexport async function p(items: any[]) {\n  for (let i = 0; i < items.length; i += 25) {\n    await ddb.send(new BatchWriteItemCommand({ RequestItems: { t: items.slice(i, i + 25) } }));\n  }\n}\n" },
    { name: 'eleven entries with a spread of unknown length', filename: 'p.ts', code: `${HEAD}export const p = (url: string, more: any[]) => sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [...more, ${entry(1)}] }));\n` },
  ],
  invalid: [
    {
      name: 'eleven literal entries',
      filename: 'p.ts',
      code: `${HEAD}export const p = (url: string) => sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [${Array.from({ length: 11 }, (_, i) => entry(i)).join(', ')}] }));\n`,
      errors: [{ messageId: 'tooManyEntries', line: 4, data: { count: 11, operation: 'SendMessageBatch' } }],
      output: null,
    },
    {
      name: 'slice(i, i + 25) with the loop step: both set to 10',
      filename: 'p.ts',
      code: `${HEAD}export async function p(url: string, entries: any[]) {\n  for (let i = 0; i < entries.length; i += 25) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries.slice(i, i + 25) }));\n  }\n}\n`,
      errors: [{ messageId: 'chunkTooLarge', line: 6, column: 95, endColumn: 97, severity: 'error', data: { size: 25 } }],
      output: `${HEAD}export async function p(url: string, entries: any[]) {\n  for (let i = 0; i < entries.length; i += 10) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries.slice(i, i + 10) }));\n  }\n}\n`,
    },
    {
      name: 'a named chunk size: the constant changes',
      filename: 'p.ts',
      code: `${HEAD}const BATCH_SIZE = 20;\nexport async function p(url: string, entries: any[]) {\n  for (let i = 0; i < entries.length; i += BATCH_SIZE) {\n    const batch = entries.slice(i, i + BATCH_SIZE);\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: batch }));\n  }\n}\n`,
      errors: [{ messageId: 'chunkTooLarge', line: 7, data: { size: 20 } }],
      output: `${HEAD}const BATCH_SIZE = 10;\nexport async function p(url: string, entries: any[]) {\n  for (let i = 0; i < entries.length; i += BATCH_SIZE) {\n    const batch = entries.slice(i, i + BATCH_SIZE);\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: batch }));\n  }\n}\n`,
    },
    {
      name: 'lodash chunk(entries, 25) in for…of and in map',
      filename: 'p.ts',
      code: `import chunk from 'lodash/chunk';\n${HEAD}export async function p(url: string, entries: any[]) {\n  for (const batch of chunk(entries, 25)) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: batch }));\n  }\n  const groups = chunk(entries, 12);\n  await Promise.all(groups.map((g) => sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: g }))));\n}\n`,
      errors: [{ messageId: 'chunkTooLarge', line: 6, data: { size: 25 } }, { messageId: 'chunkTooLarge', line: 9, data: { size: 12, operation: 'DeleteMessageBatch' } }],
      output: `import chunk from 'lodash/chunk';\n${HEAD}export async function p(url: string, entries: any[]) {\n  for (const batch of chunk(entries, 10)) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: batch }));\n  }\n  const groups = chunk(entries, 10);\n  await Promise.all(groups.map((g) => sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: g }))));\n}\n`,
    },
    {
      name: 'splice(0, 15) draining a list; SDK v2',
      filename: 'p.js',
      code: "const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();\nexports.p = async (url, entries) => {\n  while (entries.length) {\n    await sqs.sendMessageBatch({ QueueUrl: url, Entries: entries.splice(0, 15) }).promise();\n  }\n};\n",
      errors: [{ messageId: 'chunkTooLarge', line: 5, data: { size: 15 } }],
      output: "const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();\nexports.p = async (url, entries) => {\n  while (entries.length) {\n    await sqs.sendMessageBatch({ QueueUrl: url, Entries: entries.splice(0, 10) }).promise();\n  }\n};\n",
    },
    {
      name: 'a literal slice whose loop step is a variable: reported, no fix',
      filename: 'p.ts',
      code: `${HEAD}export async function p(url: string, entries: any[], step: number) {\n  for (let i = 0; i < entries.length; i += step) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries.slice(i, i + 50) }));\n  }\n}\n`,
      errors: [{ messageId: 'chunkTooLarge', data: { size: 50 } }],
      output: null,
    },
  ],
});
