import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iamHardcodedCredentials } from '../../../server/src/rules/iam/iam-hardcoded-credentials';
import { analyzeText } from '../../helpers/engine';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';

// AWS's documentation example keys: shaped like real ones, valid nowhere.
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const MASKED_ID = 'AKIA…MPLE';
const MASKED_SECRET = 'wJal…EKEY';

const s3Client = (config: string) => `import { S3Client } from '@aws-sdk/client-s3';\n\nexport const s3 = new S3Client(${config});\n`;

const invalid: InvalidCase[] = [
  // JSON: every string of every file, policy or not.
  {
    name: 'an access key ID in a config file, reported on the key itself',
    filename: 'config.json',
    code: `{\n  "region": "us-east-1",\n  "accessKeyId": "${KEY_ID}"\n}\n`,
    errors: [{ messageId: 'accessKeyId', line: 3, column: 19, endColumn: 39, severity: 'error', data: { masked: MASKED_ID } }],
    output: null,
  },
  {
    name: 'a secret under a name that says so (escaped slashes too)',
    filename: '.vscode/settings.json',
    code: `{ "aws.secretAccessKey": "${SECRET.replace(/\//g, '\\/')}" }`,
    errors: [{ messageId: 'secretAccessKey', column: 27, endColumn: 69, data: { masked: MASKED_SECRET } }],
    output: null,
  },
  {
    name: 'a secret beside an access key ID, whatever the names',
    filename: 'creds.json',
    code: `{ "id": "${KEY_ID}", "key": "${SECRET}" }`,
    errors: [{ messageId: 'accessKeyId' }, { messageId: 'secretAccessKey' }],
    output: null,
  },
  {
    name: 'an ECS/CloudFormation environment Name/Value pair',
    filename: 'task-definition.json',
    code: `{ "containerDefinitions": [{ "environment": [{ "name": "AWS_SECRET_ACCESS_KEY", "value": "${SECRET}" }, { "name": "STAGE", "value": "prod" }] }] }`,
    errors: [{ messageId: 'secretAccessKey' }],
    output: null,
  },
  {
    name: 'NAME=value strings of a docker env list',
    filename: 'devcontainer.json',
    code: `{ "containerEnv": ["AWS_ACCESS_KEY_ID=${KEY_ID}", "AWS_SECRET_ACCESS_KEY=${SECRET}"] }`,
    errors: [{ messageId: 'accessKeyId', column: 39 }, { messageId: 'secretAccessKey', column: 85, endColumn: 125 }],
    output: null,
  },
  {
    name: 'a temporary key ID inside a presigned URL',
    filename: 'fixtures.json',
    code: `{ "url": "https://b.s3.amazonaws.com/k?X-Amz-Credential=ASIAIOSFODNN7EXAMPLE%2F20250101%2Fus-east-1" }`,
    errors: [{ messageId: 'accessKeyId', column: 57, endColumn: 77 }],
    output: null,
  },
  {
    name: 'in a CloudFormation parameter default',
    filename: 'template.json',
    code: `{"Parameters": {"Key": {"Type": "String", "Default": "${KEY_ID}"}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}`,
    errors: [{ messageId: 'accessKeyId' }],
    output: null,
  },
  // TypeScript and JavaScript.
  {
    name: 'literal credentials in an SDK v3 client: one finding, the fix removes the property',
    filename: 'src/client.ts',
    code: s3Client(`{\n  region: 'us-east-1',\n  credentials: {\n    accessKeyId: '${KEY_ID}',\n    secretAccessKey: '${SECRET}',\n  },\n}`),
    errors: [{ messageId: 'credentialsInConfig', line: 5, column: 3, endLine: 8, data: { client: 'S3Client', keyHint: ` (access key ${MASKED_ID})` } }],
    output: s3Client(`{\n  region: 'us-east-1',\n}`),
  },
  {
    name: 'the guide\'s ❌ example: placeholder strings are still literal credentials',
    filename: 'src/client.ts',
    code: s3Client(`{\n  credentials: {\n    accessKeyId: 'AKIA...',\n    secretAccessKey: '...'\n  }\n}`),
    errors: [{ messageId: 'credentialsInConfig', data: { keyHint: '' } }],
    output: s3Client(`{}`),
  },
  {
    name: 'the only property, beside a comment: the fix keeps the comment',
    filename: 'src/client.ts',
    code: s3Client(`{\n  // rotate before release\n  credentials: { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' },\n}`),
    errors: [{ messageId: 'credentialsInConfig', line: 5 }],
    output: s3Client(`{\n  // rotate before release\n}`),
  },
  {
    name: 'inline on one line, after another property',
    filename: 'handler.ts',
    code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst db = new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'dev', secretAccessKey: 'dev' } });\n`,
    errors: [{ messageId: 'credentialsInConfig', data: { client: 'DynamoDBClient' } }],
    output: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst db = new DynamoDBClient({ region: 'eu-west-1' });\n`,
  },
  {
    name: 'credentials from a constant: reported once, the fix removes the property at the call',
    filename: 'src/clients.ts',
    code: `import * as sqs from '@aws-sdk/client-sqs';\nconst creds = { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' };\nexport const client = new sqs.SQSClient({ credentials: creds });\n`,
    errors: [{ messageId: 'credentialsInConfig', line: 3, data: { client: 'SQSClient' } }],
    output: `import * as sqs from '@aws-sdk/client-sqs';\nconst creds = { accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' };\nexport const client = new sqs.SQSClient({});\n`,
  },
  {
    name: 'real-looking keys are reported even beside a local endpoint',
    filename: 'src/local.ts',
    code: `import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ endpoint: 'http://localhost:4566', credentials: { accessKeyId: '${KEY_ID}', secretAccessKey: 'x' } });\n`,
    errors: [{ messageId: 'credentialsInConfig' }],
    output: `import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ endpoint: 'http://localhost:4566' });\n`,
  },
  {
    name: 'a key ID in any string literal or template',
    filename: 'src/settings.ts',
    code: `export const ACCESS_KEY = '${KEY_ID}';\nexport const url = \`https://x?cred=${KEY_ID}&t=\${Date.now()}\`;\n`,
    errors: [{ messageId: 'accessKeyId', line: 1, column: 28 }, { messageId: 'accessKeyId', line: 2, column: 36 }],
    output: null,
  },
  {
    name: 'a secret in a variable or env assignment named for it',
    filename: 'scripts/setup.js',
    code: `const AWS_SECRET_ACCESS_KEY = '${SECRET}';\nprocess.env.AWS_SECRET_ACCESS_KEY = "${SECRET}";\n`,
    errors: [{ messageId: 'secretAccessKey', line: 1 }, { messageId: 'secretAccessKey', line: 2 }],
    output: null,
  },
  {
    name: 'SDK v2 client with keys at the top of its config',
    filename: 'lambda/index.js',
    code: `const AWS = require('aws-sdk');\nconst s3 = new AWS.S3({\n  region: 'us-east-1',\n  accessKeyId: '${KEY_ID}',\n  secretAccessKey: '${SECRET}',\n});\n`,
    errors: [{ messageId: 'credentialsInConfig', line: 4, data: { client: 'AWS.S3' } }],
    output: `const AWS = require('aws-sdk');\nconst s3 = new AWS.S3({\n  region: 'us-east-1',\n});\n`,
  },
  {
    name: 'SDK v2 keys as the last properties, no trailing comma',
    filename: 'lambda/legacy.js',
    code: `const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS({\n  region: 'us-east-1',\n  accessKeyId: '${KEY_ID}',\n  secretAccessKey: '${SECRET}'\n});\n`,
    errors: [{ messageId: 'credentialsInConfig', line: 4, data: { client: 'AWS.SQS' } }],
    // The file writes no trailing comma: neither does the fix.
    output: `const AWS = require('aws-sdk');\nconst sqs = new AWS.SQS({\n  region: 'us-east-1'\n});\n`,
  },
  {
    name: 'SDK v2 keys as the last properties of a one-line config',
    filename: 'lambda/legacy.js',
    code: `const AWS = require('aws-sdk');\nAWS.config.update({ region: 'us-east-1', accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' });\n`,
    errors: [{ messageId: 'credentialsInConfig', data: { client: 'AWS.config' } }],
    output: `const AWS = require('aws-sdk');\nAWS.config.update({ region: 'us-east-1' });\n`,
  },
  {
    name: 'SDK v2 AWS.config.update',
    filename: 'app.mjs',
    code: `import AWS from 'aws-sdk';\nAWS.config.update({ accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}', region: 'us-east-1' });\n`,
    errors: [{ messageId: 'credentialsInConfig', data: { client: 'AWS.config' } }],
    output: `import AWS from 'aws-sdk';\nAWS.config.update({ region: 'us-east-1' });\n`,
  },
  {
    name: 'SDK v2 config.update through a destructured config, an element access and a const alias',
    filename: 'lambda/legacy.js',
    code: `const { config } = require('aws-sdk');\nconfig['update']({ accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' });\nconst AWS = require('aws-sdk');\nconst update = AWS.config.update;\nupdate({ accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}' });\n`,
    errors: [
      { messageId: 'credentialsInConfig', line: 2, data: { client: 'AWS.config' } },
      { messageId: 'credentialsInConfig', line: 5, data: { client: 'AWS.config' } },
    ],
    output: "const { config } = require('aws-sdk');\nconfig['update']({});\nconst AWS = require('aws-sdk');\nconst update = AWS.config.update;\nupdate({});\n",
  },
  {
    name: 'dummy keys in AWS.config.update are reported when no client of the file sets an endpoint',
    filename: 'src/app.js',
    code: "const AWS = require('aws-sdk');\nAWS.config.update({ accessKeyId: 'my-key-id', secretAccessKey: 'my-secret', region: 'us-east-1' });\nconst sqs = new AWS.SQS({ region: 'us-east-1' });\nmodule.exports = sqs;\n",
    errors: [{ messageId: 'credentialsInConfig', line: 2, data: { client: 'AWS.config' } }],
    output: "const AWS = require('aws-sdk');\nAWS.config.update({ region: 'us-east-1' });\nconst sqs = new AWS.SQS({ region: 'us-east-1' });\nmodule.exports = sqs;\n",
  },
  {
    name: 'real-looking keys in AWS.config.update are reported even when a client sets an endpoint',
    filename: 'src/app.mjs',
    code: `import AWS from 'aws-sdk';\nAWS.config.update({ accessKeyId: '${KEY_ID}', secretAccessKey: '${SECRET}', region: 'us-east-1' });\nexport const s3 = new AWS.S3({ endpoint: 'http://localhost:4566' });\n`,
    errors: [{ messageId: 'credentialsInConfig', line: 2, data: { client: 'AWS.config' } }],
    output: `import AWS from 'aws-sdk';\nAWS.config.update({ region: 'us-east-1' });\nexport const s3 = new AWS.S3({ endpoint: 'http://localhost:4566' });\n`,
  },
  {
    name: 'new AWS.Credentials(id, secret): the secret is known by the key ID beside it',
    filename: 'creds.js',
    code: `const AWS = require('aws-sdk');\nAWS.config.credentials = new AWS.Credentials('${KEY_ID}', '${SECRET}');\n`,
    errors: [{ messageId: 'accessKeyId' }, { messageId: 'secretAccessKey' }],
    output: null,
  },
];

ruleTester(iamHardcodedCredentials, {
  valid: [
    { name: 'package.json', filename: 'package.json', code: '{ "name": "app", "version": "1.0.0", "dependencies": { "@aws-sdk/client-s3": "^3.0.0" } }' },
    { name: 'a 40-character string with no name or neighbour saying it is a secret', filename: 'lock.json', code: `{ "integrity": "${SECRET}" }` },
    { name: 'a key-ID-like run inside a longer word', filename: 'data.json', code: `{ "a": "X${KEY_ID}", "b": "${KEY_ID}X" }` },
    { name: 'a SHA-1 under a secret-looking name', filename: 'data.json', code: '{ "secret_key": "da39a3ee5e6b4b0d3255bfef95601890afd80709" }' },
    { name: 'a placeholder under a secret name', filename: 'example.json', code: '{ "aws_access_key_id": "YOUR_ACCESS_KEY_ID", "aws_secret_access_key": "YOUR_SECRET_ACCESS_KEY" }' },
    { name: 'a client without credentials', filename: 'src/client.ts', code: s3Client("{ region: 'us-east-1' }") },
    { name: 'credentials read from the environment', filename: 'src/client.ts', code: s3Client('{ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! } }') },
    { name: 'a credentials provider', filename: 'src/client.ts', code: `import { S3Client } from '@aws-sdk/client-s3';\nimport { fromIni } from '@aws-sdk/credential-providers';\nexport const s3 = new S3Client({ credentials: fromIni({ profile: 'dev' }) });\n` },
    { name: 'dummy credentials for a local emulator', filename: 'src/local.ts', code: s3Client("{ endpoint: 'http://localhost:4566', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }") },
    {
      name: 'dummy keys in the global AWS.config.update, for clients of the file that set an emulator endpoint',
      filename: 'src/routes/orders.js',
      code: "import AWS from 'aws-sdk';\n\nAWS.config.update({ region: 'eu-west-1', accessKeyId: 'local-dev-key', secretAccessKey: 'local-dev-secret' });\nconst orders = new AWS.DynamoDB.DocumentClient({ endpoint: 'http://dynamo:8000' });\n\nexport const list = () => orders.query({ TableName: 'orders' }).promise();\n",
    },
    { name: 'dummy credentials in a test file', filename: 'src/client.test.ts', code: s3Client("{ credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' } }") },
    { name: 'a local class that is not the SDK\'s', filename: 'src/fake.ts', code: "class S3Client { constructor(_: unknown) {} }\nexport const s3 = new S3Client({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });\n" },
  ],
  invalid,
});

describe('iam-hardcoded-credentials never echoes a secret', () => {
  for (const c of invalid) {
    it(c.name ?? c.filename, () => {
      const result = analyzeText(c.filename, c.code, { rules: [iamHardcodedCredentials] });
      const said = JSON.stringify(result.findings.map((f) => ({ message: f.message, data: f.data, key: f.key, fix: f.fix?.title, suggestions: f.suggestions?.map((s) => s.title) })));
      for (const secret of [KEY_ID, 'ASIAIOSFODNN7EXAMPLE', SECRET, SECRET.slice(4, 36)]) assert.ok(!said.includes(secret), `a finding repeats a secret: ${said}`);
    });
  }
});
