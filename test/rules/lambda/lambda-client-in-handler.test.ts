import { lambdaClientInHandler } from '../../../server/src/rules/lambda/lambda-client-in-handler';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

ruleTester(lambdaClientInHandler, {
  valid: [
    ...handlerDecoys,
    {
      // @aws-cdk/aws-dynamodb v1's replica provider: onEvent/isComplete run once per stack operation.
      name: 'a CloudFormation custom resource provider (reads RequestType), client created in it and in a helper',
      filename: 'replica-handler.js',
      code: "const aws_sdk_1 = require('aws-sdk');\nasync function onEventHandler(event) {\n  const dynamodb = new aws_sdk_1.DynamoDB();\n  if (event.RequestType === 'Create') await dynamodb.updateTable({ TableName: event.ResourceProperties.TableName }).promise();\n  return describe(event);\n}\nasync function describe(event) {\n  const d = new aws_sdk_1.DynamoDB();\n  return d.describeTable({ TableName: event.ResourceProperties.TableName }).promise();\n}\nexports.onEventHandler = onEventHandler;\n",
    },
    {
      name: 'a handler written in a test file is not deployed code',
      filename: 'src/__tests__/handler.test.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const handler = async () => new S3Client({});\n",
    },
    {
      name: 'lazy client kept in a module variable',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nlet s3: S3Client | undefined;\nexport const handler = async () => {\n  s3 ??= new S3Client({});\n  return s3;\n};\n",
    },
    {
      name: 'lazy client through if (!client)',
      filename: 'h.js',
      code: "const { S3Client } = require('@aws-sdk/client-s3');\nlet client;\nexports.handler = async () => {\n  if (!client) {\n    client = new S3Client({});\n  }\n  return client;\n};\n",
    },
    {
      name: 'a per-region client cache (module-level Map)',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nconst clients = new Map<string, S3Client>();\nexport const handler = async (event: { region: string }) => {\n  if (!clients.has(event.region)) clients.set(event.region, new S3Client({ region: event.region }));\n  return clients.get(event.region);\n};\n",
    },
    {
      name: 'a client per tenant on purpose: region from the event',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const handler = async (event: { region: string }) => {\n  const s3 = new S3Client({ region: event.region });\n  return s3;\n};\n",
    },
    {
      name: 'a client per tenant on purpose: assumed-role credentials',
      filename: 'h.ts',
      code: "import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';\nimport { S3Client } from '@aws-sdk/client-s3';\nconst sts = new STSClient({});\nexport const handler = async (event: { roleArn: string }) => {\n  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: 'tenant' }));\n  const s3 = new S3Client({ credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken } });\n  return s3;\n};\n",
    },
    {
      name: 'a factory whose caller caches the client',
      filename: 'h.ts',
      code: "import { SQSClient } from '@aws-sdk/client-sqs';\nlet sqs: SQSClient | undefined;\nfunction createClient() {\n  return new SQSClient({});\n}\nexport const handler = async () => {\n  sqs ??= createClient();\n  return sqs;\n};\n",
    },
    {
      name: 'no handler in the file: a client factory module',
      filename: 'src/clients.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nexport function makeS3() {\n  return new S3Client({});\n}\n",
    },
    {
      name: 'an exported helper may be called at another module\'s scope',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nexport function makeS3() {\n  return new S3Client({});\n}\nexport const handler = async () => makeS3();\n",
    },
    {
      name: 'a local class named like a client',
      filename: 'h.ts',
      code: 'class S3Client {}\nexport const handler = async () => new S3Client();\n',
    },
    {
      name: 'a client built inside a lazy-initialisation block that sets module state (if (!app) { ...; app = ... })',
      filename: 'notify.js',
      code: "let app;\nexports.handler = async (event) => {\n  if (!app) {\n    const { SNSClient } = require('@aws-sdk/client-sns');\n    const sns = new SNSClient({ maxAttempts: 3 });\n    app = makeApp(sns);\n  }\n  return app(event);\n};\nfunction makeApp(sns) {\n  return async (event) => sns.config.region();\n}\n",
    },
    {
      name: 'a client built in an init function whose only call is kept in module state (ready ||= init().catch(...))',
      filename: 'entry.mjs',
      code: "import { KMSClient } from '@aws-sdk/client-kms';\n\nlet ready;\nasync function init() {\n  const kms = new KMSClient({});\n  return (event) => kms.config.region();\n}\n\nexport async function handler(event) {\n  ready ||= init().catch((err) => { ready = undefined; throw err; });\n  const run = await ready;\n  return run(event);\n}\n",
    },
    {
      name: 'a client built after an early return on module state the same function sets (if (warm) return; ...; warm = true)',
      filename: 'warm.ts',
      code: "import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';\n\nlet warm = false;\nlet token = '';\nasync function warmUp(): Promise<void> {\n  if (warm) return;\n  const sm = new SecretsManagerClient({});\n  const out = await sm.send(new GetSecretValueCommand({ SecretId: 'api-token' }));\n  token = out.SecretString ?? '';\n  warm = true;\n}\n\nexport const handler = async () => {\n  await warmUp();\n  return token.length;\n};\n",
    },
  ],
  invalid: [
    {
      name: 'CommonJS: the require written in the handler moves with the client, below a file header',
      filename: 'src/confirm/index.js',
      code: "// Generated function - edit below\n\nexports.handler = async (event) => {\n  const AWS = require('aws-sdk');\n  const sns = new AWS.SNS({ apiVersion: '2010-03-31' });\n  await sns.publish({ TopicArn: event.topic, Message: 'ok' }).promise();\n  return AWS.VERSION;\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 5, data: { client: 'AWS.SNS', where: 'inside handler' } }],
      output: "// Generated function - edit below\n\nconst AWS = require('aws-sdk');\nconst sns = new AWS.SNS({ apiVersion: '2010-03-31' });\n\nexports.handler = async (event) => {\n  await sns.publish({ TopicArn: event.topic, Message: 'ok' }).promise();\n  return AWS.VERSION;\n};\n",
    },
    {
      name: 'a destructured v3 require in the handler moves with the client; other statements stay',
      filename: 'upload.cjs',
      code: "module.exports.upload = async (event, context) => {\n  const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\n  const key = event.key;\n  const s3 = new S3Client({});\n  return s3.send(new PutObjectCommand({ Bucket: 'b', Key: key }));\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 4, data: { client: 'S3Client', where: 'inside upload' } }],
      output: "const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\nconst s3 = new S3Client({});\n\nmodule.exports.upload = async (event, context) => {\n  const key = event.key;\n  return s3.send(new PutObjectCommand({ Bucket: 'b', Key: key }));\n};\n",
    },
    {
      name: 'a require in another block than the client does not move: reported without a fix',
      filename: 'h.js',
      code: "exports.handler = async (event) => {\n  const Lib = require('aws-sdk');\n  if (event.list) {\n    const s3 = new Lib.S3();\n    return s3.listBuckets().promise();\n  }\n  return Lib.VERSION;\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 4, data: { client: 'Lib.S3', where: 'inside handler' } }],
      output: null,
    },
    {
      name: 'v3 client in the handler body: moved above the handler',
      filename: 'h.ts',
      code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nexport const handler = async () => {\n  const ddb = new DynamoDBClient({});\n  return ddb.config.region();\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 4, column: 15, endColumn: 37, data: { client: 'DynamoDBClient', where: 'inside handler' } }],
      output: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nconst ddb = new DynamoDBClient({});\n\nexport const handler = async () => {\n  return ddb.config.region();\n};\n",
    },
    {
      name: 'a client created in a helper declared inside the handler',
      filename: 'h.ts',
      code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\n\n/** Reads an order. */\nexport async function handler(event: { id: string }) {\n  function documentClient() {\n    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));\n    return doc;\n  }\n  return documentClient().config;\n}\n",
      errors: [{ messageId: 'clientInHandler', line: 7, data: { client: 'DynamoDBClient', where: 'inside handler' } }],
      output: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\n\nconst doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));\n\n/** Reads an order. */\nexport async function handler(event: { id: string }) {\n  function documentClient() {\n    return doc;\n  }\n  return documentClient().config;\n}\n",
    },
    {
      name: 'a module-level helper only the handler calls (no fix: a return, not a declaration)',
      filename: 'h.ts',
      code: "import { SQSClient } from '@aws-sdk/client-sqs';\n\nfunction client() {\n  return new SQSClient({});\n}\n\nexport const handler = async () => client().config;\n",
      errors: [{ messageId: 'clientInHandler', line: 4, data: { where: 'in client, which the handler calls' } }],
      output: null,
    },
    {
      name: 'SDK v2 client in a CommonJS handler, multi-line config dedented',
      filename: 'handler.js',
      code: "const AWS = require('aws-sdk');\n\nexports.handler = async (event) => {\n  const sqs = new AWS.SQS({\n    apiVersion: '2012-11-05',\n  });\n  return sqs.sendMessage({ QueueUrl: event.queueUrl, MessageBody: 'hi' }).promise();\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 4, data: { client: 'AWS.SQS' } }],
      output: "const AWS = require('aws-sdk');\n\nconst sqs = new AWS.SQS({\n  apiVersion: '2012-11-05',\n});\n\nexports.handler = async (event) => {\n  return sqs.sendMessage({ QueueUrl: event.queueUrl, MessageBody: 'hi' }).promise();\n};\n",
    },
    {
      name: 'v2 DocumentClient from aws-sdk/clients/dynamodb in module.exports.handler',
      filename: 'handler.cjs',
      code: "const DynamoDB = require('aws-sdk/clients/dynamodb');\n\nmodule.exports.handler = async function (event) {\n  const db = new DynamoDB.DocumentClient();\n  return db.get({ TableName: 't', Key: { id: event.id } }).promise();\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 4 }],
      output: "const DynamoDB = require('aws-sdk/clients/dynamodb');\n\nconst db = new DynamoDB.DocumentClient();\n\nmodule.exports.handler = async function (event) {\n  return db.get({ TableName: 't', Key: { id: event.id } }).promise();\n};\n",
    },
    {
      name: 'the function middy receives; a name taken at module scope blocks the fix',
      filename: 'h.ts',
      code: "import middy from '@middy/core';\nimport { S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = 'bucket';\nconst base = async () => {\n  const s3 = new S3Client({});\n  return s3;\n};\nexport const handler = middy(base).use(logger());\n",
      errors: [{ messageId: 'clientInHandler', line: 6 }],
      output: null,
    },
    {
      name: 'inline construction without a declaration: reported, no fix',
      filename: 'h.ts',
      code: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\n\nexport const handler = async () => new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'x' }));\n",
      errors: [{ messageId: 'clientInHandler', line: 3 }],
      output: null,
    },
    {
      name: 'a client whose config reads a handler local computed from env only is still per invocation',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\n\nexport const handler = async () => {\n  const region = process.env.BUCKET_REGION;\n  const s3 = new S3Client({ region });\n  return s3;\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 5 }],
      output: null,
    },
    {
      name: 'two handlers creating the same name: reported, no fix (the hoists would collide)',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\n\nexport const handler = async () => {\n  const s3 = new S3Client({});\n  return s3;\n};\nexport const otherHandler = async () => {\n  const s3 = new S3Client({});\n  return s3;\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 4 }, { messageId: 'clientInHandler', line: 8 }],
      output: null,
    },
    {
      name: 'a class property holding the handler (export const handler = new OrdersApi().handler)',
      filename: 'orders.ts',
      code: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\n\nclass OrdersApi {\n  public handler = async (event: APIGatewayProxyEvent) => {\n    const sqs = new SQSClient({});\n    await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: event.body ?? '' }));\n    return { statusCode: 202 };\n  };\n}\n\ndeclare const QUEUE_URL: string;\nexport const handler = new OrdersApi().handler;\n",
      errors: [{ messageId: 'clientInHandler', line: 6, data: { client: 'SQSClient', where: 'inside handler' } }],
      output: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\n\nconst sqs = new SQSClient({});\n\nclass OrdersApi {\n  public handler = async (event: APIGatewayProxyEvent) => {\n    await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: event.body ?? '' }));\n    return { statusCode: 202 };\n  };\n}\n\ndeclare const QUEUE_URL: string;\nexport const handler = new OrdersApi().handler;\n",
    },
    {
      name: 'a route of an Express app served on Lambda by serverless-http',
      filename: 'app.js',
      code: "const express = require('express');\nconst serverless = require('serverless-http');\nconst { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');\n\nconst app = express();\napp.get('/files/:key', async (req, res) => {\n  const s3 = new S3Client({});\n  const object = await s3.send(new GetObjectCommand({ Bucket: 'files', Key: req.params.key }));\n  res.send(await object.Body.transformToString());\n});\nmodule.exports.handler = serverless(app);\n",
      errors: [{ messageId: 'clientInHandler', line: 7 }],
      output: "const express = require('express');\nconst serverless = require('serverless-http');\nconst { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');\n\nconst app = express();\nconst s3 = new S3Client({});\n\napp.get('/files/:key', async (req, res) => {\n  const object = await s3.send(new GetObjectCommand({ Bucket: 'files', Key: req.params.key }));\n  res.send(await object.Body.transformToString());\n});\nmodule.exports.handler = serverless(app);\n",
    },
    {
      name: 'a guard on module state that the guarded block does not set still runs per invocation',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\n\nlet paused = false;\nexport const handler = async () => {\n  if (!paused) {\n    const s3 = new S3Client({});\n    return s3.config.region();\n  }\n  return 'paused';\n};\nexport const pause = () => { paused = true; };\n",
      errors: [{ messageId: 'clientInHandler', line: 6 }],
      output: "import { S3Client } from '@aws-sdk/client-s3';\n\nlet paused = false;\nconst s3 = new S3Client({});\n\nexport const handler = async () => {\n  if (!paused) {\n    return s3.config.region();\n  }\n  return 'paused';\n};\nexport const pause = () => { paused = true; };\n",
    },
    {
      name: 'an early return on module state the function never sets does not make it run once',
      filename: 'h.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\n\nconst disabled = process.env.DISABLED === '1';\nexport const handler = async () => {\n  if (disabled) return null;\n  const s3 = new S3Client({});\n  return s3.config.region();\n};\n",
      errors: [{ messageId: 'clientInHandler', line: 6 }],
      output: "import { S3Client } from '@aws-sdk/client-s3';\n\nconst disabled = process.env.DISABLED === '1';\nconst s3 = new S3Client({});\n\nexport const handler = async () => {\n  if (disabled) return null;\n  return s3.config.region();\n};\n",
    },
    {
      name: 'an init function that is also called without keeping its result builds a client on those calls',
      filename: 'entry.mjs',
      code: "import { KMSClient } from '@aws-sdk/client-kms';\n\nlet ready;\nasync function init() {\n  const kms = new KMSClient({});\n  return kms;\n}\n\nexport async function handler(event) {\n  ready ||= init();\n  const fresh = await init();\n  return [await ready, fresh].length;\n}\n",
      errors: [{ messageId: 'clientInHandler', line: 5 }],
      output: "import { KMSClient } from '@aws-sdk/client-kms';\n\nlet ready;\nconst kms = new KMSClient({});\n\nasync function init() {\n  return kms;\n}\n\nexport async function handler(event) {\n  ready ||= init();\n  const fresh = await init();\n  return [await ready, fresh].length;\n}\n",
    },
  ],
});
