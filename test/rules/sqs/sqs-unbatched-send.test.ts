import { sqsUnbatchedSend } from '../../../server/src/rules/sqs/sqs-unbatched-send';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';\n";

ruleTester(sqsUnbatchedSend, {
  valid: [
    ...handlerDecoys,
    { name: 'one send, no loop', filename: 'p.ts', code: `${HEAD}export const publish = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body }));\n` },
    { name: 'the guide: batches of 10 in a loop', filename: 'p.ts', code: "import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});\nexport async function publish(items: { id: string }[], QUEUE_URL: string) {\n  const entries = items.map((item, i) => ({ Id: String(i), MessageBody: JSON.stringify(item) }));\n  for (let i = 0; i < entries.length; i += 10) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: entries.slice(i, i + 10) }));\n  }\n}\n" },
    { name: 'a different queue on each iteration cannot share a batch', filename: 'p.ts', code: `${HEAD}export async function fanOut(targets: { url: string; body: string }[]) {\n  for (const t of targets) {\n    await sqs.send(new SendMessageCommand({ QueueUrl: t.url, MessageBody: t.body }));\n  }\n}\n` },
    { name: 'a queue URL derived per item through a local', filename: 'p.ts', code: `${HEAD}export async function route(items: { region: string }[]) {\n  for (const item of items) {\n    const url = queueFor(item.region);\n    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));\n  }\n}\ndeclare function queueFor(r: string): string;\n` },
    { name: 'a retry loop around one send', filename: 'p.ts', code: `${HEAD}export async function publish(body: string) {\n  for (let attempt = 1; attempt <= 3; attempt++) {\n    try {\n      await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body }));\n      return;\n    } catch (e) {\n      await sleep(attempt * 100);\n    }\n  }\n}\ndeclare function sleep(ms: number): Promise<void>;\n` },
    { name: 'a helper also called outside loops', filename: 'p.ts', code: `${HEAD}async function sendOne(body: string) {\n  await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body }));\n}\nexport async function a(bodies: string[]) {\n  await sendOne('first');\n  for (const b of bodies) await sendOne(b);\n}\n` },
    { name: 'an unknown input', filename: 'p.ts', code: `${HEAD}export async function publish(all: any[]) {\n  for (const input of all) await sqs.send(new SendMessageCommand(input));\n}\n` },
  ],
  invalid: [
    {
      name: 'for…of with an awaited send: the guide\'s batch rewrite is suggested',
      filename: 'p.ts',
      code: `${HEAD}\nexport async function publish(items: { id: string }[]) {\n  for (const item of items) {\n    await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: JSON.stringify(item) }));\n  }\n}\n`,
      errors: [{
        messageId: 'sendInLoop', line: 8, column: 11, endColumn: 19, data: { loop: 'for…of loop' },
        suggestions: [{
          title: 'SendMessageBatch',
          output: "import { SQSClient, SendMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';\n\nexport async function publish(items: { id: string }[]) {\n  const entries = items.map((item, i) => ({ Id: String(i), MessageBody: JSON.stringify(item) }));\n  for (let i = 0; i < entries.length; i += 10) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: entries.slice(i, i + 10) }));\n  }\n}\n",
        }],
      }],
      output: null,
    },
    {
      name: 'map with Promise.all and forEach',
      filename: 'p.ts',
      code: `${HEAD}export async function publish(items: string[]) {\n  await Promise.all(items.map((body) => sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body }))));\n  items.forEach((body) => void sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body })));\n}\n`,
      errors: [{ messageId: 'sendInLoop', line: 6, data: { loop: 'map callback' }, suggestions: [] }, { messageId: 'sendInLoop', line: 7, data: { loop: 'forEach callback' } }],
      output: null,
    },
    {
      name: 'a classic for loop over an index, and a while loop draining a list',
      filename: 'p.ts',
      code: `${HEAD}export async function publish(items: string[]) {\n  for (let i = 0; i < items.length; i++) {\n    await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: items[i] }));\n  }\n  while (items.length) {\n    await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: items.pop()! }));\n  }\n}\n`,
      errors: [{ messageId: 'sendInLoop', line: 7, data: { loop: 'for loop' } }, { messageId: 'sendInLoop', line: 10, data: { loop: 'while loop' } }],
      output: null,
    },
    {
      name: 'a helper only loops call',
      filename: 'p.ts',
      code: `${HEAD}async function sendOne(body: string) {\n  await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body }));\n}\nexport async function publish(items: string[]) {\n  for (const b of items) await sendOne(b);\n}\n`,
      errors: [{ messageId: 'sendInLoop', line: 6, data: { loop: 'function, which is only called in loops,' } }],
      output: null,
    },
    {
      name: 'SDK v2 sends in a handler loop',
      filename: 'handler.js',
      code: "const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();\n\nexports.handler = async (event) => {\n  for (const record of event.Records) {\n    const params = { QueueUrl: process.env.OUT_QUEUE, MessageBody: record.body };\n    await sqs.sendMessage(params).promise();\n  }\n};\n",
      errors: [{ messageId: 'sendInLoop', line: 7, column: 11, endColumn: 26 }],
      output: null,
    },
    {
      name: 'the v3 aggregated client in a for await loop',
      filename: 'p.ts',
      code: "import { SQS } from '@aws-sdk/client-sqs';\nconst sqs = new SQS({});\nexport async function relay(pages: AsyncIterable<string>, url: string) {\n  for await (const page of pages) {\n    await sqs.sendMessage({ QueueUrl: url, MessageBody: page });\n  }\n}\n",
      errors: [{ messageId: 'sendInLoop', line: 5, data: { loop: 'for await loop' } }],
      output: null,
    },
  ],
});
