import { dynamodbScan } from '../../../server/src/rules/dynamodb/dynamodb-scan';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { DynamoDBClient, paginateScan, ScanCommand as RawScan } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, ScanCommand, DynamoDBDocument } from '@aws-sdk/lib-dynamodb';\n\nconst client = new DynamoDBClient({});\nconst ddb = DynamoDBDocumentClient.from(client);\n";

ruleTester(dynamodbScan, {
  valid: [
    ...handlerDecoys,
    { name: 'a scan in an Express server that no Lambda adapter in the file serves', filename: 'server.ts', code: `${HEAD}import express from 'express';\nconst app = express();\napp.get('/items', async (req, res) => res.json((await ddb.send(new ScanCommand({ TableName: 't' }))).Items));\napp.listen(3000);\n` },
    { name: 'a Query in a handler', filename: 'h.ts', code: "import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';\ndeclare const ddb: DynamoDBDocumentClient;\nexport const handler = async (e: { id: string }) => ddb.send(new QueryCommand({ TableName: 't', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': e.id } }));\n" },
    { name: 'a scan in a migration script (no handler)', filename: 'scripts/backfill.ts', code: `${HEAD}export async function backfill() {\n  for await (const page of paginateScan({ client }, { TableName: 't' })) console.log(page.Items);\n}\n` },
    { name: 'a scan at cold start (warming a cache)', filename: 'h.mts', code: `${HEAD}const all = await ddb.send(new ScanCommand({ TableName: 'config' }));\nexport const handler = async () => all.Items;\n` },
    { name: 'an exported helper of unknown callers', filename: 'h.ts', code: `${HEAD}export const listAll = () => ddb.send(new ScanCommand({ TableName: 't' }));\nexport const handler = async () => listAll();\n` },
  ],
  invalid: [
    { name: 'ScanCommand (lib-dynamodb) in a handler', filename: 'h.ts', code: `${HEAD}export const handler = async () => (await ddb.send(new ScanCommand({ TableName: 't' }))).Items;\n`, errors: [{ messageId: 'scanInRequest', line: 6, column: 43, endColumn: 51, severity: 'information', data: { how: 'Scan' } }], output: null },
    { name: 'the client-dynamodb command under an alias, in a helper', filename: 'h.ts', code: `${HEAD}async function all() {\n  return client.send(new RawScan({ TableName: 't' }));\n}\nexport const handler = async () => all();\n`, errors: [{ messageId: 'scanInRequest', line: 7 }], output: null },
    { name: 'paginateScan and the aggregated document client', filename: 'h.ts', code: `${HEAD}const doc = DynamoDBDocument.from(client);\nexport const handler = async () => {\n  for await (const page of paginateScan({ client }, { TableName: 't' })) console.log(page);\n  return doc.scan({ TableName: 't' });\n};\n`, errors: [{ messageId: 'scanInRequest', line: 8, data: { how: 'paginated Scan' } }, { messageId: 'scanInRequest', line: 9 }], output: null },
    { name: 'a Serverless Framework export named by serverless.yml, recognized by its (event, context, callback) parameters', filename: 'items/list.js', code: "const AWS = require('aws-sdk');\nconst db = new AWS.DynamoDB.DocumentClient();\nmodule.exports.list = (event, context, callback) => {\n  db.scan({ TableName: 'items' }, (err, data) => callback(err, data));\n};\n", errors: [{ messageId: 'scanInRequest', line: 4 }], output: null },
    { name: 'routes of a Hono app served by handle(app), inline and through a named helper', filename: 'api.ts', code: `${HEAD}import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nconst app = new Hono();\nasync function listAll(c: { json(v: unknown): Response }) {\n  return c.json((await doc.scan({ TableName: 't' })).Items);\n}\nconst doc = DynamoDBDocument.from(client);\napp.get('/all', listAll);\napp.get('/recent', async (c) => c.json((await ddb.send(new ScanCommand({ TableName: 't', Limit: 10 }))).Items));\nexport const handler = handle(app);\n`, errors: [{ messageId: 'scanInRequest', line: 10 }, { messageId: 'scanInRequest', line: 14 }], output: null },
    { name: 'SDK v2 DocumentClient scan', filename: 'h.js', code: "const AWS = require('aws-sdk');\nconst db = new AWS.DynamoDB.DocumentClient();\nexports.handler = async () => db.scan({ TableName: 't' }).promise();\n", errors: [{ messageId: 'scanInRequest', line: 3 }], output: null },
  ],
});
