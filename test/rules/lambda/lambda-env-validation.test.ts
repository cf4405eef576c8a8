import { lambdaEnvValidation } from '../../../server/src/rules/lambda/lambda-env-validation';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const SDK = "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';\n\nconst ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n";
const CHECK = (name: string, variable = name) => `if (!${variable}) {\n  throw new Error('Missing required environment variable ${name}');\n}`;

ruleTester(lambdaEnvValidation, {
  valid: [
    ...handlerDecoys,
    {
      name: 'a handler written in a test file is not deployed code',
      filename: 'handler.spec.ts',
      code: "export const handler = async () => process.env.TABLE_NAME!;\n",
    },
    {
      name: 'reads in a lazy initialization behind a module-scope cache run once per container',
      filename: 'auth.ts',
      code: "let signingKey: string | undefined;\nlet settings: { url: string } | null = null;\nconst tokens = new Map<string, string>();\nlet region: string | undefined;\n\nasync function key(): Promise<string> {\n  if (signingKey) return signingKey;\n  const arn = process.env.SIGNING_KEY_ARN;\n  signingKey = await fetchKey(arn);\n  return signingKey;\n}\n\nexport const handler = async (event: { tenant: string }) => {\n  if (!settings) {\n    settings = { url: `${process.env.SETTINGS_HOST}/v1` };\n  }\n  if (!tokens.has(event.tenant)) {\n    tokens.set(event.tenant, await fetchKey(process.env.TOKEN_PREFIX + event.tenant));\n  }\n  region ??= process.env.DATA_REGION;\n  return post(settings.url, await key(), tokens.get(event.tenant), region);\n};\ndeclare function fetchKey(arn: string | undefined): Promise<string>;\ndeclare function post(...args: unknown[]): Promise<void>;\n",
    },
    {
      name: 'the guide: module constants checked at cold start',
      filename: 'h.ts',
      code: "const TABLE_NAME = process.env.TABLE_NAME;\nconst QUEUE_URL = process.env.QUEUE_URL;\n\nif (!TABLE_NAME || !QUEUE_URL) {\n  throw new Error('Missing required environment variables');\n}\n\nexport const handler = async (event) => {\n  return { TABLE_NAME, QUEUE_URL };\n};\n",
    },
    {
      name: 'an asserted constant that is also checked',
      filename: 'h.ts',
      code: `${SDK}const TABLE_NAME = process.env.TABLE_NAME!;\nif (!TABLE_NAME) throw new Error('TABLE_NAME');\nexport const handler = async () => ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: {} }));\n`,
    },
    {
      name: 'checked with assert() and with a comparison',
      filename: 'h.ts',
      code: `import assert from 'node:assert';\n${SDK}const TABLE_NAME = process.env.TABLE_NAME as string;\nassert(TABLE_NAME, 'TABLE_NAME is required');\nconst { BUCKET } = process.env;\nif (BUCKET === undefined) throw new Error('BUCKET');\nexport const handler = async () => ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { b: BUCKET } }));\n`,
    },
    {
      name: 'validated by a schema (handed to a function)',
      filename: 'h.ts',
      code: "import { z } from 'zod';\nconst env = z.object({ TABLE_NAME: z.string() }).parse({ TABLE_NAME: process.env.TABLE_NAME });\nexport const handler = async () => env.TABLE_NAME;\n",
    },
    {
      name: 'read in the handler but already validated at cold start',
      filename: 'h.ts',
      code: "if (!process.env.TABLE_NAME) throw new Error('TABLE_NAME');\nexport const handler = async () => process.env.TABLE_NAME;\n",
    },
    {
      name: 'reads that are tests, defaults, writes; Lambda reserved variables',
      filename: 'h.ts',
      code: "export const handler = async () => {\n  if (process.env.DEBUG) console.log('debug');\n  const verbose = process.env.VERBOSE === 'true';\n  const level = process.env.LOG_LEVEL || 'info';\n  const endpoint = process.env.ENDPOINT ?? undefined;\n  process.env.CACHED = '1';\n  const region = process.env.AWS_REGION;\n  const fn = process.env.AWS_LAMBDA_FUNCTION_NAME;\n  const trace = process.env._X_AMZN_TRACE_ID;\n  return { verbose, level, endpoint, region, fn, trace, port: Number(process.env.PORT) };\n};\n",
    },
    {
      name: 'a config module without a handler is not judged',
      filename: 'src/config.ts',
      code: "export const TABLE_NAME = process.env.TABLE_NAME!;\nexport const QUEUE_URL = process.env.QUEUE_URL as string;\nexport function bucket() {\n  return process.env.BUCKET ?? '';\n}\n",
    },
    {
      name: 'an unchecked module read that no request uses as SDK input (optional setting)',
      filename: 'h.ts',
      code: "const LOG_LEVEL = process.env.LOG_LEVEL;\nexport const handler = async () => console.log(LOG_LEVEL);\n",
    },
    {
      name: 'a CDK app reading CDK_DEFAULT_ACCOUNT',
      filename: 'bin/app.ts',
      code: "import { App } from 'aws-cdk-lib';\nconst app = new App();\nnew Stack(app, 'S', { env: { account: process.env.CDK_DEFAULT_ACCOUNT!, region: process.env.CDK_DEFAULT_REGION } });\n",
    },
    {
      name: 'an asserted value read through at cold start (a missing variable throws there)',
      filename: 'h.ts',
      code: "const ORIGINS = process.env.ALLOWED_ORIGINS!.split(',');\nconst HOST = process.env.API_URL!.replace('https://', '');\nexport const handler = async () => ({ ORIGINS, HOST });\n",
    },
    {
      name: 'a module params object whose variable is checked at cold start',
      filename: 'h.js',
      code: `${SDK}if (!process.env.TABLE) throw new Error('TABLE');\nconst params = { TableName: process.env.TABLE };\nexports.handler = async () => ddb.send(new GetCommand(params));\n`,
    },
    {
      name: 'a shadowing local named process is not the global',
      filename: 'h.ts',
      code: 'export const handler = async (process: { env: Record<string, string> }) => process.env.TABLE_NAME;\n',
    },
    {
      name: 'a read in an init function whose only call is memoized in module state (app ||= init().catch(...))',
      filename: 'entry.mjs',
      code: "let app;\nasync function init() {\n  const origin = process.env.ALLOWED_ORIGIN;\n  if (!origin) throw new Error('ALLOWED_ORIGIN is not set');\n  return (event) => ({ statusCode: 200, headers: { 'access-control-allow-origin': origin }, body: event.body });\n}\nexport async function handler(event) {\n  app ||= init().catch((err) => { app = undefined; throw err; });\n  return (await app)(event);\n}\n",
    },
  ],
  invalid: [
    {
      name: 'process.env.X! at module scope: the check is added after it',
      filename: 'h.ts',
      code: `${SDK}const TABLE_NAME = process.env.TABLE_NAME!;\n\nexport const handler = async (event: { id: string }) => {\n  return ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: event.id } }));\n};\n`,
      errors: [{ messageId: 'assertedNotChecked', line: 5, column: 20, endColumn: 42, data: { name: 'TABLE_NAME', assertion: '!', missing: 'undefined' } }],
      output: `${SDK}const TABLE_NAME = process.env.TABLE_NAME!;\n${CHECK('TABLE_NAME')}\n\nexport const handler = async (event: { id: string }) => {\n  return ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: event.id } }));\n};\n`,
    },
    {
      name: 'process.env.X as string and ?? \'\' at module scope',
      filename: 'h.ts',
      code: "const QUEUE_URL = process.env.QUEUE_URL as string;\nconst BUCKET = process.env.BUCKET ?? '';\nexport const handler = async () => [QUEUE_URL, BUCKET];\n",
      errors: [
        { messageId: 'assertedNotChecked', line: 1, data: { assertion: 'as string', missing: 'undefined' } },
        { messageId: 'assertedNotChecked', line: 2, data: { assertion: "?? ''", missing: 'an empty string' } },
      ],
      output: `const QUEUE_URL = process.env.QUEUE_URL as string;\n${CHECK('QUEUE_URL')}\nconst BUCKET = process.env.BUCKET ?? '';\n${CHECK('BUCKET')}\nexport const handler = async () => [QUEUE_URL, BUCKET];\n`,
    },
    {
      name: 'an asserted read inline in module code: reported, no fix',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({ region: process.env.BUCKET_REGION! });\nexport const handler = async () => s3;\n",
      errors: [{ messageId: 'assertedNotChecked', line: 2 }],
      output: null,
    },
    {
      name: 'an unchecked module constant that requests pass to the SDK',
      filename: 'h.js',
      code: `${SDK}const TABLE_NAME = process.env.TABLE_NAME;\n\nexports.handler = async (event) => ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: event.id } }));\n`,
      errors: [{ messageId: 'notChecked', line: 5, data: { variable: 'TABLE_NAME', name: 'TABLE_NAME' } }],
      output: `${SDK}const TABLE_NAME = process.env.TABLE_NAME;\n${CHECK('TABLE_NAME')}\n\nexports.handler = async (event) => ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: event.id } }));\n`,
    },
    {
      name: 'destructured from process.env at module scope, used through a params const',
      filename: 'h.ts',
      code: `${SDK}const { TABLE_NAME } = process.env;\nconst params = { TableName: TABLE_NAME, Key: { id: '1' } };\nexport const handler = async () => ddb.send(new GetCommand(params));\n`,
      errors: [{ messageId: 'notChecked', line: 5, data: { variable: 'TABLE_NAME' } }],
      output: `${SDK}const { TABLE_NAME } = process.env;\n${CHECK('TABLE_NAME')}\nconst params = { TableName: TABLE_NAME, Key: { id: '1' } };\nexport const handler = async () => ddb.send(new GetCommand(params));\n`,
    },
    {
      name: 'a module params object with the variable as a property, sent by the handler',
      filename: 'list.js',
      code: `${SDK}const params = {\n  TableName: process.env.ITEMS_TABLE,\n  Key: { id: 'all' },\n};\nmodule.exports.list = (event, context, callback) => ddb.send(new GetCommand(params));\n`,
      errors: [{ messageId: 'notChecked', line: 6, data: { variable: 'params.TableName', name: 'ITEMS_TABLE' } }],
      output: `${SDK}const params = {\n  TableName: process.env.ITEMS_TABLE,\n  Key: { id: 'all' },\n};\n${CHECK('ITEMS_TABLE', 'params.TableName')}\nmodule.exports.list = (event, context, callback) => ddb.send(new GetCommand(params));\n`,
    },
    {
      name: 'process.env.X! in a handler: the declaration moves to module scope with the check',
      filename: 'h.ts',
      code: `${SDK}\nexport const handler = async (event: { id: string }) => {\n  const tableName = process.env.TABLE_NAME!;\n  return ddb.send(new GetCommand({ TableName: tableName, Key: { id: event.id } }));\n};\n`,
      errors: [{ messageId: 'perRequest', line: 7, data: { name: 'TABLE_NAME', asserted: ' and only asserted with `!`' } }],
      output: `${SDK}\nconst tableName = process.env.TABLE_NAME!;\n${CHECK('TABLE_NAME', 'tableName')}\n\nexport const handler = async (event: { id: string }) => {\n  return ddb.send(new GetCommand({ TableName: tableName, Key: { id: event.id } }));\n};\n`,
    },
    {
      name: 'a default export with Lambda\'s parameters is a handler (frameworks that map `export default`)',
      filename: 'fn.js',
      code: "const main = async (event, context) => {\n  const bucket = process.env.UPLOADS_BUCKET;\n  return { bucket, key: event.key };\n};\n\nexport default main;\n",
      errors: [{ messageId: 'perRequest', line: 2, data: { name: 'UPLOADS_BUCKET', asserted: '' } }],
      output: `const bucket = process.env.UPLOADS_BUCKET;\n${CHECK('UPLOADS_BUCKET', 'bucket')}\n\nconst main = async (event, context) => {\n  return { bucket, key: event.key };\n};\n\nexport default main;\n`,
    },
    {
      name: 'a serverless.yml-named export with a lone event parameter that reads event.Records is a handler',
      filename: 'handlers/ingest.js',
      code: "const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');\nconst db = new DynamoDBClient({});\n\nexports.ingest = async (event) => {\n  const table = process.env.INGEST_TABLE;\n  const key = event.Records[0].s3.object.key;\n  await db.send(new PutItemCommand({ TableName: table, Item: { pk: { S: key } } }));\n};\n",
      errors: [{ messageId: 'perRequest', line: 5, data: { name: 'INGEST_TABLE', asserted: '' } }],
      output: `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');\nconst db = new DynamoDBClient({});\n\nconst table = process.env.INGEST_TABLE;\n${CHECK('INGEST_TABLE', 'table')}\n\nexports.ingest = async (event) => {\n  const key = event.Records[0].s3.object.key;\n  await db.send(new PutItemCommand({ TableName: table, Item: { pk: { S: key } } }));\n};\n`,
    },
    {
      name: 'the check is indented like the code, not like a tab-indented generated header or a JSDoc',
      filename: 'amplify/backend/function/notify/src/index.js',
      code: "/* Generated params - do not edit\n\tTOPIC_ARN\n\tREGION\n*/\nconst { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');\nconst sns = new SNSClient({});\n\n/**\n * @type {import('@types/aws-lambda').APIGatewayProxyHandler}\n */\nexports.handler = async (event) => {\n  const topic = process.env.TOPIC_ARN;\n  await sns.send(new PublishCommand({ TopicArn: topic, Message: event.body }));\n  return { statusCode: 204 };\n};\n",
      errors: [{ messageId: 'perRequest', line: 12, data: { name: 'TOPIC_ARN', asserted: '' } }],
      output: `/* Generated params - do not edit\n\tTOPIC_ARN\n\tREGION\n*/\nconst { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');\nconst sns = new SNSClient({});\n\nconst topic = process.env.TOPIC_ARN;\n${CHECK('TOPIC_ARN', 'topic')}\n\n/**\n * @type {import('@types/aws-lambda').APIGatewayProxyHandler}\n */\nexports.handler = async (event) => {\n  await sns.send(new PublishCommand({ TopicArn: topic, Message: event.body }));\n  return { statusCode: 204 };\n};\n`,
    },
    {
      name: 'a guard on a local value, or on module state the branch never fills, is not a cache',
      filename: 'h.ts',
      code: "const DISABLED = false;\nexport const handler = async (event: { cached?: string }) => {\n  if (!event.cached) {\n    const origin = `${process.env.ORIGIN_URL}/items`;\n    return fetchFrom(origin);\n  }\n  if (DISABLED) return null;\n  const mirror = `${process.env.MIRROR_URL}/items`;\n  return fetchFrom(mirror);\n};\ndeclare function fetchFrom(url: string | undefined): Promise<string>;\n",
      errors: [
        { messageId: 'perRequest', line: 4, data: { name: 'ORIGIN_URL', asserted: '' } },
        { messageId: 'perRequest', line: 8, data: { name: 'MIRROR_URL', asserted: '' } },
      ],
      output: `const DISABLED = false;\nconst ORIGIN_URL = process.env.ORIGIN_URL;\n${CHECK('ORIGIN_URL')}\n\nexport const handler = async (event: { cached?: string }) => {\n  if (!event.cached) {\n    const origin = \`\${ORIGIN_URL}/items\`;\n    return fetchFrom(origin);\n  }\n  if (DISABLED) return null;\n  const mirror = \`\${process.env.MIRROR_URL}/items\`;\n  return fetchFrom(mirror);\n};\ndeclare function fetchFrom(url: string | undefined): Promise<string>;\n`,
    },
    {
      name: 'as string and ?? \'\' in a handler',
      filename: 'h.ts',
      code: "export async function handler() {\n  const queue = process.env.QUEUE_URL as string;\n  const bucket = process.env.BUCKET ?? '';\n  return [queue, bucket];\n}\n",
      errors: [
        { messageId: 'perRequest', line: 2, data: { asserted: ' and only asserted with `as string`' } },
        { messageId: 'perRequest', line: 3, data: { asserted: " and only asserted with `?? ''`" } },
      ],
      // Both fixes insert above the handler: one pass applies the first, the next pass the other.
      output: `const queue = process.env.QUEUE_URL as string;\n${CHECK('QUEUE_URL', 'queue')}\n\nexport async function handler() {\n  const bucket = process.env.BUCKET ?? '';\n  return [queue, bucket];\n}\n`,
    },
    {
      name: 'several inline reads of one variable: one constant, each read replaced (first fix, then a suggestion)',
      filename: 'h.ts',
      code: `${SDK}\nexport const handler = async (event: { id: string }) => {\n  await ddb.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { id: event.id } }));\n  return ddb.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { id: 'x' } }));\n};\n`,
      errors: [
        { messageId: 'perRequest', line: 7, column: 46 },
        {
          messageId: 'perRequest',
          line: 8,
          suggestions: [
            {
              title: 'Read TABLE_NAME once',
              output: `${SDK}\nconst TABLE_NAME = process.env.TABLE_NAME;\n${CHECK('TABLE_NAME')}\n\nexport const handler = async (event: { id: string }) => {\n  await ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: event.id } }));\n  return ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: 'x' } }));\n};\n`,
            },
          ],
        },
      ],
      output: `${SDK}\nconst TABLE_NAME = process.env.TABLE_NAME;\n${CHECK('TABLE_NAME')}\n\nexport const handler = async (event: { id: string }) => {\n  await ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: event.id } }));\n  return ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: 'x' } }));\n};\n`,
    },
    {
      name: 'a read in a helper only the handler calls (bracket access, CommonJS)',
      filename: 'h.js',
      code: "function queueUrl() {\n  return process.env['QUEUE_URL'];\n}\nexports.handler = async () => queueUrl();\n",
      errors: [{ messageId: 'perRequest', line: 2 }],
      output: `const QUEUE_URL = process.env.QUEUE_URL;\n${CHECK('QUEUE_URL')}\n\nfunction queueUrl() {\n  return QUEUE_URL;\n}\nexports.handler = async () => queueUrl();\n`,
    },
    {
      name: 'a request parameter of an SDK v2 call is a value, not a validator argument',
      filename: 'h.js',
      code: "const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();\nexports.handler = async (e) => sqs.sendMessage({ QueueUrl: process.env.QUEUE_URL, MessageBody: e.body }).promise();\n",
      errors: [{ messageId: 'perRequest', line: 3, column: 60 }],
      output: `const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS();\nconst QUEUE_URL = process.env.QUEUE_URL;\n${CHECK('QUEUE_URL')}\n\nexports.handler = async (e) => sqs.sendMessage({ QueueUrl: QUEUE_URL, MessageBody: e.body }).promise();\n`,
    },
    {
      name: 'destructuring process.env inside a handler: reported, no fix',
      filename: 'h.ts',
      code: 'export const handler = async () => {\n  const { TABLE_NAME, QUEUE_URL } = process.env;\n  return [TABLE_NAME, QUEUE_URL];\n};\n',
      errors: [{ messageId: 'perRequest', line: 2, column: 11 }, { messageId: 'perRequest', line: 2, column: 23 }],
      output: null,
    },
    {
      name: 'a local with the variable\'s name in another function blocks the inline fix',
      filename: 'h.ts',
      code: 'export const handler = async () => {\n  const QUEUE_URL = 1;\n  return [QUEUE_URL, process.env.QUEUE_URL, process.env.QUEUE_URL];\n};\n',
      errors: [{ messageId: 'perRequest', line: 3 }, { messageId: 'perRequest', line: 3 }],
      output: null,
    },
    {
      name: 'a route of a Hono app served by handle(app) reads the variable per request',
      filename: 'api.ts',
      code: "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\n\nconst app = new Hono();\napp.get('/login', (c) => c.redirect(process.env.FRONTEND_URL + '/login'));\nexport const handler = handle(app);\n",
      errors: [{ messageId: 'perRequest', line: 5, data: { name: 'FRONTEND_URL', asserted: '' } }],
      output: "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\n\nconst app = new Hono();\nconst FRONTEND_URL = process.env.FRONTEND_URL;\nif (!FRONTEND_URL) {\n  throw new Error('Missing required environment variable FRONTEND_URL');\n}\n\napp.get('/login', (c) => c.redirect(FRONTEND_URL + '/login'));\nexport const handler = handle(app);\n",
    },
    {
      name: 'a module constant a lib-storage Upload sends (params.Bucket)',
      filename: 'export.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nimport { Upload } from '@aws-sdk/lib-storage';\n\nconst s3 = new S3Client({});\nconst { EXPORT_BUCKET } = process.env;\n\nexport const handler = async (event: { key: string; body: NodeJS.ReadableStream }) => {\n  await new Upload({ client: s3, params: { Bucket: EXPORT_BUCKET, Key: event.key, Body: event.body } }).done();\n};\n",
      errors: [{ messageId: 'notChecked', line: 5, data: { variable: 'EXPORT_BUCKET', name: 'EXPORT_BUCKET' } }],
      output: "import { S3Client } from '@aws-sdk/client-s3';\nimport { Upload } from '@aws-sdk/lib-storage';\n\nconst s3 = new S3Client({});\nconst { EXPORT_BUCKET } = process.env;\nif (!EXPORT_BUCKET) {\n  throw new Error('Missing required environment variable EXPORT_BUCKET');\n}\n\nexport const handler = async (event: { key: string; body: NodeJS.ReadableStream }) => {\n  await new Upload({ client: s3, params: { Bucket: EXPORT_BUCKET, Key: event.key, Body: event.body } }).done();\n};\n",
    },
    {
      name: 'a read in an init function that a second caller runs without keeping the result is per invocation',
      filename: 'entry.mjs',
      code: "let app;\nasync function init() {\n  const origin = process.env.ALLOWED_ORIGIN;\n  return (event) => ({ statusCode: 200, headers: { 'access-control-allow-origin': origin ?? '*' }, body: event.body });\n}\nexport async function handler(event) {\n  app ||= init();\n  const again = await init();\n  return again(event);\n}\n",
      errors: [{ messageId: 'perRequest', line: 3, data: { name: 'ALLOWED_ORIGIN', asserted: '' } }],
      output: "let app;\nconst origin = process.env.ALLOWED_ORIGIN;\nif (!origin) {\n  throw new Error('Missing required environment variable ALLOWED_ORIGIN');\n}\n\nasync function init() {\n  return (event) => ({ statusCode: 200, headers: { 'access-control-allow-origin': origin ?? '*' }, body: event.body });\n}\nexport async function handler(event) {\n  app ||= init();\n  const again = await init();\n  return again(event);\n}\n",
    },
  ],
});
