import { sqsPartialBatchFailures } from '../../../server/src/rules/sqs/sqs-partial-batch-failures';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const CDK = "import * as lambda from 'aws-cdk-lib/aws-lambda';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\nimport { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\n\ndeclare const fn: lambda.Function;\ndeclare const queue: sqs.Queue;\n";

ruleTester(sqsPartialBatchFailures, {
  valid: [
    {
      name: 'untyped counting loop over S3 notification records (not SQS)',
      filename: 'c.js',
      code: "exports.handler = async (event, context) => {\n  for (let i = 0; i < event.Records.length; i++) {\n    await resize(event.Records[i].s3.object.key);\n  }\n};\nasync function resize(key) {}\n",
    },
    ...handlerDecoys,
    {
      name: 'the guide: failures collected and returned',
      filename: 'c.ts',
      code: "import type { SQSBatchItemFailure, SQSEvent } from 'aws-lambda';\nexport const handler = async (event: SQSEvent) => {\n  const failures: SQSBatchItemFailure[] = [];\n  for (const record of event.Records) {\n    try {\n      await processMessage(JSON.parse(record.body));\n    } catch (error) {\n      failures.push({ itemIdentifier: record.messageId });\n    }\n  }\n  return { batchItemFailures: failures };\n};\ndeclare function processMessage(b: unknown): Promise<void>;\n",
    },
    { name: 'Powertools batch processing', filename: 'c.ts', code: "import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';\nimport type { SQSEvent, SQSRecord } from 'aws-lambda';\nconst processor = new BatchProcessor(EventType.SQS);\nconst recordHandler = async (record: SQSRecord) => JSON.parse(record.body);\nexport const handler = async (event: SQSEvent, context: any) => processPartialResponse(event, recordHandler, processor, { context });\n" },
    { name: 'a response built by a helper may hold batchItemFailures', filename: 'c.ts', code: "import type { SQSEvent } from 'aws-lambda';\nexport const handler = async (event: SQSEvent) => {\n  const results = [];\n  for (const record of event.Records) results.push(await tryProcess(record));\n  return toBatchResponse(results);\n};\ndeclare function tryProcess(r: unknown): Promise<unknown>;\ndeclare function toBatchResponse(r: unknown[]): unknown;\n" },
    { name: 'an SNS handler loops over records too', filename: 'c.ts', code: "import type { SNSEvent } from 'aws-lambda';\nexport const handler = async (event: SNSEvent) => {\n  for (const record of event.Records) console.log(record.Sns.Message);\n};\n" },
    { name: 'an untyped S3 notification handler', filename: 'c.js', code: "exports.handler = async (event) => {\n  for (const record of event.Records) console.log(record.s3.object.key);\n};\n" },
    { name: 'an SQS handler that handles one record only', filename: 'c.ts', code: "import type { SQSEvent } from 'aws-lambda';\nexport const handler = async (event: SQSEvent) => {\n  const body = JSON.parse(event.Records[0].body);\n  return body;\n};\n" },
    // Round 10 (whole TypeScript application repositories): a stub that only logs its records cannot fail for one message.
    { name: 'a wrapped stub that only logs each record', filename: 'src/functions/consume/handler.ts', code: "import type { SQSEvent } from 'aws-lambda';\nimport { wrap } from '@libs/wrap';\n\nconst consume = async (event: SQSEvent) => {\n  event.Records.forEach((message) => {\n    console.info(message.messageId, JSON.stringify(message.attributes));\n  });\n};\n\nexport const main = wrap(consume);\n" },
    { name: 'a for...of loop that only logs', filename: 'c.ts', code: "import type { SQSEvent } from 'aws-lambda';\nexport const handler = async (event: SQSEvent) => {\n  for (const record of event.Records) {\n    console.log('received', record.body);\n  }\n  return 'done';\n};\n" },
    { name: 'CDK: reportBatchItemFailures set', filename: 'stack.ts', code: `${CDK}fn.addEventSource(new SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true }));\n` },
    { name: 'CDK: batchSize 1 has nothing partial', filename: 'stack.ts', code: `${CDK}fn.addEventSource(new SqsEventSource(queue, { batchSize: 1 }));\n` },
    { name: 'CDK: props from an unknown spread', filename: 'stack.ts', code: `${CDK}declare const shared: object;\nfn.addEventSource(new SqsEventSource(queue, { ...shared }));\n` },
    { name: 'CDK: one branch of a conditional turns it on', filename: 'stack.ts', code: `${CDK}declare const strict: boolean;\nfn.addEventSource(new SqsEventSource(queue, strict ? { reportBatchItemFailures: true } : { batchSize: 5 }));\n` },
    { name: 'CDK: a branch that cannot be read', filename: 'stack.ts', code: `${CDK}declare const custom: any;\nfn.addEventSource(new SqsEventSource(queue, custom ? custom.sourceProps : {}));\n` },
    { name: 'CDK: a branch with an unknown spread', filename: 'stack.ts', code: `${CDK}declare const tuned: boolean, extra: object;\nfn.addEventSource(new SqsEventSource(queue, tuned ? { ...extra } : { batchSize: 10 }));\n` },
  ],
  invalid: [
    {
      name: 'a typed SQS handler that throws on the first failure',
      filename: 'c.ts',
      code: "import type { SQSEvent } from 'aws-lambda';\n\nexport const handler = async (event: SQSEvent) => {\n  for (const record of event.Records) {\n    await processMessage(JSON.parse(record.body));\n  }\n};\ndeclare function processMessage(b: unknown): Promise<void>;\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 4, column: 24, endColumn: 37, data: { handler: 'handler' } }],
      output: null,
    },
    {
      name: 'records taken from the event first (const { Records: records } = event), errors swallowed per record',
      filename: 'c.ts',
      code: "import { SQSHandler, SQSRecord } from 'aws-lambda';\nexport const handler: SQSHandler = async (event) => {\n  const { Records: records } = event;\n  for (const record of records) {\n    await processRecord(record);\n  }\n};\nasync function processRecord(r: SQSRecord) {\n  try { JSON.parse(r.body); } catch (e) { console.error(e); }\n}\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 4, column: 24 }],
      output: null,
    },
    {
      name: 'SQSHandler type, Promise.all over records.map',
      filename: 'c.ts',
      code: "import { SQSHandler } from 'aws-lambda';\nexport const handler: SQSHandler = async (event) => {\n  await Promise.all(event.Records.map((r) => processMessage(r.body)));\n};\ndeclare function processMessage(b: string): Promise<void>;\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 3 }],
      output: null,
    },
    {
      name: 'untyped JavaScript reading record.body; middy-wrapped',
      filename: 'c.mjs',
      code: "import middy from '@middy/core';\nconst base = async (event) => {\n  event.Records.forEach((record) => store(record.body));\n  return { ok: true };\n};\nfunction store(body) {}\nexport const handler = middy(base);\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 3 }],
      output: null,
    },
    {
      name: 'logging, then parsing the body: one message can fail',
      filename: 'c.ts',
      code: "import type { SQSEvent } from 'aws-lambda';\nexport const handler = async (event: SQSEvent) => {\n  event.Records.forEach((record) => {\n    console.log(record.messageId);\n    console.log(JSON.parse(record.body).orderId);\n  });\n};\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 3, data: { handler: 'handler' } }],
      output: null,
    },
    {
      name: 'logging through a local console that forwards each record',
      filename: 'c.ts',
      code: "import type { SQSEvent } from 'aws-lambda';\nimport { forwarder } from './forwarder';\nconst console = forwarder('audit-queue');\nexport const handler = async (event: SQSEvent) => {\n  for (const record of event.Records) console.log(record.body);\n};\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 5, data: { handler: 'handler' } }],
      output: null,
    },
    {
      name: 'a log line and an await in the same loop',
      filename: 'c.ts',
      code: "import type { SQSEvent } from 'aws-lambda';\nexport const handler = async (event: SQSEvent) => {\n  for (const record of event.Records) {\n    console.log(record.messageId);\n    await archive;\n  }\n};\ndeclare const archive: Promise<void>;\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 3, data: { handler: 'handler' } }],
      output: null,
    },
    {
      name: 'untyped, a counting loop over event.Records, each failure caught and logged (the message is lost)',
      filename: 'c.js',
      code: "exports.handler = async (event, context) => {\n  for (let i = 0; i < event.Records.length; i++) {\n    try {\n      await forward(event.Records[i].body, event.Records[i].messageAttributes);\n    } catch (err) {\n      console.error(err);\n    }\n  }\n};\nasync function forward(body, attributes) {}\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 2, data: { handler: 'handler' } }],
      output: null,
    },
    {
      name: 'untyped, for…in over the records',
      filename: 'c.js',
      code: "exports.handler = async (event) => {\n  const records = event.Records;\n  for (const k in records) {\n    await save(JSON.parse(records[k].body));\n  }\n};\nasync function save(x) {}\n",
      errors: [{ messageId: 'handlerWithoutFailures', line: 3 }],
      output: null,
    },
    {
      name: 'CDK: neither branch of a conditional sets it (the library decides, the caller cannot)',
      filename: 'stack.ts',
      code: `${CDK}declare const size: number | undefined;\nfn.addEventSource(new SqsEventSource(queue, size ? { batchSize: size } : {}));\n`,
      errors: [{ messageId: 'eventSourceWithoutReport', line: 8, column: 23, endColumn: 37 }],
      output: `${CDK}declare const size: number | undefined;\nfn.addEventSource(new SqsEventSource(queue, size ? { batchSize: size, reportBatchItemFailures: true } : { reportBatchItemFailures: true }));\n`,
    },
    {
      name: 'CDK: nested conditionals through a const, one literal shared by two branches',
      filename: 'stack.ts',
      code: `${CDK}declare const a: boolean, b: boolean;\nconst base = { batchSize: 10 };\nconst opts = a ? base : (b ? { maxConcurrency: 5 } : base);\nfn.addEventSource(new SqsEventSource(queue, opts));\n`,
      errors: [{ messageId: 'eventSourceWithoutReport', line: 10, column: 23, endColumn: 37 }],
      output: `${CDK}declare const a: boolean, b: boolean;\nconst base = { batchSize: 10, reportBatchItemFailures: true };\nconst opts = a ? base : (b ? { maxConcurrency: 5, reportBatchItemFailures: true } : base);\nfn.addEventSource(new SqsEventSource(queue, opts));\n`,
    },
    {
      name: 'CDK: SqsEventSource without props',
      filename: 'stack.ts',
      code: `${CDK}fn.addEventSource(new SqsEventSource(queue));\n`,
      errors: [{ messageId: 'eventSourceWithoutReport', line: 7, column: 23, endColumn: 37 }],
      output: `${CDK}fn.addEventSource(new SqsEventSource(queue, { reportBatchItemFailures: true }));\n`,
    },
    {
      name: 'CDK: props without the flag (namespace import, multi-line)',
      filename: 'stack.ts',
      code: "import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';\ndeclare const fn: any, queue: any;\nfn.addEventSource(new sources.SqsEventSource(queue, {\n  batchSize: 10,\n  maxBatchingWindow: undefined,\n}));\n",
      errors: [{ messageId: 'eventSourceWithoutReport', line: 3 }],
      output: "import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';\ndeclare const fn: any, queue: any;\nfn.addEventSource(new sources.SqsEventSource(queue, {\n  batchSize: 10,\n  maxBatchingWindow: undefined,\n  reportBatchItemFailures: true,\n}));\n",
    },
    {
      name: 'CDK: explicitly false; CDK v1 module name',
      filename: 'stack.ts',
      code: "import { SqsEventSource } from '@aws-cdk/aws-lambda-event-sources';\ndeclare const fn: any, queue: any;\nfn.addEventSource(new SqsEventSource(queue, { reportBatchItemFailures: false }));\n",
      errors: [{ messageId: 'eventSourceWithoutReport', line: 3, column: 47 }],
      output: "import { SqsEventSource } from '@aws-cdk/aws-lambda-event-sources';\ndeclare const fn: any, queue: any;\nfn.addEventSource(new SqsEventSource(queue, { reportBatchItemFailures: true }));\n",
    },
  ],
});
