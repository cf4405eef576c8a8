import { sqsFifoMissingGroupId } from '../../../server/src/rules/sqs/sqs-fifo-missing-group-id';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { SQSClient, SendMessageCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo';\n";

ruleTester(sqsFifoMissingGroupId, {
  valid: [
    ...handlerDecoys,
    { name: 'a standard queue needs no group', filename: 'p.ts', code: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});\nexport const p = () => sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/1/orders', MessageBody: 'x' }));\n// orders.fifo is elsewhere\n" },
    { name: 'a queue URL from the environment is unknown', filename: 'p.ts', code: `${HEAD}export const p = () => sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: 'x' }));\n` },
    { name: 'the guide\'s batch entries set MessageGroupId', filename: 'p.ts', code: `${HEAD}export const p = (items: { id: string; groupId: string }[]) => {\n  const entries = items.map((item, i) => ({ Id: String(i), MessageBody: JSON.stringify(item), MessageGroupId: item.groupId, MessageDeduplicationId: item.id }));\n  return sqs.send(new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: entries.slice(0, 10) }));\n};\n` },
    { name: 'a group ID from a spread of unknown params', filename: 'p.ts', code: `${HEAD}export const p = (extra: object) => sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: 'x', ...extra }));\n` },
  ],
  invalid: [
    {
      name: 'SendMessage to a .fifo URL constant',
      filename: 'p.ts',
      code: `${HEAD}export const p = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body }));\n`,
      errors: [{ messageId: 'missingGroupId', line: 5, column: 36, endColumn: 44, suggestions: [{ title: 'MessageGroupId', output: `${HEAD}export const p = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body, MessageGroupId: 'default' }));\n` }] }],
      output: null,
    },
    {
      name: 'a template URL ending in .fifo, SDK v2',
      filename: 'p.js',
      code: "const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();\nexports.p = (account, body) => sqs.sendMessage({\n  QueueUrl: `https://sqs.eu-west-1.amazonaws.com/${account}/jobs.fifo`,\n  MessageBody: body,\n}).promise();\n",
      errors: [{ messageId: 'missingGroupId', line: 3, suggestions: [{ title: 'MessageGroupId', output: "const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();\nexports.p = (account, body) => sqs.sendMessage({\n  QueueUrl: `https://sqs.eu-west-1.amazonaws.com/${account}/jobs.fifo`,\n  MessageBody: body,\n  MessageGroupId: 'default',\n}).promise();\n" }] }],
      output: null,
    },
    {
      name: 'batch entries written inline, one of them without a group',
      filename: 'p.ts',
      code: `${HEAD}export const p = () => sqs.send(new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: [\n  { Id: '1', MessageBody: 'a', MessageGroupId: 'g' },\n  { Id: '2', MessageBody: 'b' },\n] }));\n`,
      errors: [{ messageId: 'missingGroupId', line: 7 }],
      output: null,
    },
    {
      name: 'batch entries mapped in a const',
      filename: 'p.ts',
      code: `${HEAD}export const p = (items: string[]) => {\n  const entries = items.map((item, i) => ({ Id: String(i), MessageBody: item }));\n  return sqs.send(new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: entries }));\n};\n`,
      errors: [{ messageId: 'missingGroupId', line: 6 }],
      output: null,
    },
  ],
});
