import { hardcodedLocalEndpoint } from '../../../server/src/rules/sdk/hardcoded-local-endpoint';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const LOCAL = "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nexport const ddb = new DynamoDBClient({\n  endpoint: 'http://localhost:8000',\n  region: 'us-east-1',\n});\n";

ruleTester(hardcodedLocalEndpoint, {
  valid: [
    ...handlerDecoys,
    { name: 'the guide: endpoint from the environment', filename: 'src/db.ts', code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const ddb = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined, region: 'us-east-1' });\n" },
    { name: 'test files are exempt', filename: 'src/db.test.ts', code: LOCAL },
    { name: 'files under __tests__ are exempt', filename: 'src/__tests__/db.ts', code: LOCAL },
    { name: 'local tooling: scripts, docker, *.local.ts', filename: 'scripts/seed.ts', code: LOCAL },
    { name: 'a *.local.ts config', filename: 'src/config.local.ts', code: LOCAL },
    { name: 'a local config chosen under a condition (serverless-offline)', filename: 'src/db.js', code: "const AWS = require('aws-sdk');\nconst options = process.env.IS_OFFLINE ? { region: 'localhost', endpoint: 'http://localhost:8000' } : {};\nmodule.exports = new AWS.DynamoDB.DocumentClient(options);\n" },
    {
      name: 'an endpoint constant chosen under a condition, or kept in a reassigned let, is not read',
      filename: 'src/queue.js',
      code: "const { SQSClient } = require('@aws-sdk/client-sqs');\nconst OFFLINE_URL = process.env.IS_OFFLINE ? 'http://localhost:9324' : undefined;\nlet url = 'http://localhost:9324';\nif (process.env.QUEUE_HOST) url = process.env.QUEUE_HOST;\nexports.a = new SQSClient({ endpoint: OFFLINE_URL });\nexports.b = new SQSClient({ endpoint: url });\n",
    },
    {
      name: 'a client built in an if branch on an offline flag read from the environment (serverless-offline)',
      filename: 'src/db/connect.js',
      code: "const AWS = require('aws-sdk');\nconst OFFLINE = process.env.IS_OFFLINE;\nlet cached;\nfunction connect() {\n  if (cached) return cached;\n  if (flagSet(OFFLINE)) {\n    return new AWS.DynamoDB({ region: 'localhost', endpoint: 'http://localhost:8000' });\n  }\n  cached = new AWS.DynamoDB();\n  return cached;\n}\nfunction flagSet(v) { return v === 'true'; }\nmodule.exports = { connect };\n",
    },
    {
      name: 'a client in the else branch of a stage check, and one after an early return on a local flag',
      filename: 'src/clients.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nimport { SQSClient } from '@aws-sdk/client-sqs';\nexport function s3() {\n  if (process.env.STAGE === 'prod') {\n    return new S3Client({});\n  } else {\n    return new S3Client({ endpoint: 'http://127.0.0.1:4566', forcePathStyle: true });\n  }\n}\nexport function sqs(opts: { useEmulator: boolean }) {\n  if (!opts.useEmulator) return new SQSClient({});\n  return new SQSClient({ endpoint: 'http://localhost:9324' });\n}\n",
    },
    { name: 'a client behind `&&` on an environment read', filename: 'src/sns.mjs', code: "import { SNSClient } from '@aws-sdk/client-sns';\nexport const localSns = process.env.LOCALSTACK_HOST && new SNSClient({ endpoint: 'http://localhost:4566' });\n" },
    { name: 'a real AWS endpoint (VPC endpoint or FIPS)', filename: 'src/s3.ts', code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ endpoint: 'https://s3-fips.us-east-1.amazonaws.com' });\n" },
    { name: 'a localhost URL that is not an SDK client', filename: 'src/api.ts', code: "export const api = new ApolloClient({ uri: 'http://localhost:4000/graphql', endpoint: 'http://localhost:4000' });\ndeclare class ApolloClient { constructor(o: object); }\n// aws-sdk\n" },
  ],
  invalid: [
    {
      name: 'an environment check that throws above the client validates, it does not choose a local config',
      filename: 'src/table.ts',
      code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nif (!process.env.TABLE_NAME) throw new Error('TABLE_NAME is not set');\nexport const ddb = new DynamoDBClient({ endpoint: 'http://localhost:8000' });\n",
      errors: [{ messageId: 'localEndpoint', line: 3 }],
      output: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nif (!process.env.TABLE_NAME) throw new Error('TABLE_NAME is not set');\nexport const ddb = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined });\n",
    },
    {
      name: 'a branch on the request, not on the environment',
      filename: 'src/handler.ts',
      code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const handler = async (event: { httpMethod: string }) => {\n  if (event.httpMethod === 'GET') {\n    const ddb = new DynamoDBClient({ endpoint: 'http://localhost:8000' });\n    return ddb;\n  }\n};\n",
      errors: [{ messageId: 'localEndpoint', line: 4 }],
      output: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const handler = async (event: { httpMethod: string }) => {\n  if (event.httpMethod === 'GET') {\n    const ddb = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined });\n    return ddb;\n  }\n};\n",
    },
    {
      name: 'a module constant with a localhost fallback, given to two clients: one finding at the fallback',
      filename: 'src/clients.js',
      code: "const { SNSClient } = require('@aws-sdk/client-sns');\nconst { SQSClient } = require('@aws-sdk/client-sqs');\n\nconst LOCAL_AWS = process.env.AWS_ENDPOINT_URL || 'http://localhost:4566';\nconst sns = new SNSClient({ endpoint: LOCAL_AWS });\nconst sqs = new SQSClient({ region: 'eu-west-1', endpoint: LOCAL_AWS });\nmodule.exports = { sns, sqs };\n",
      errors: [{ messageId: 'localEndpoint', line: 4, column: 51, data: { url: "'http://localhost:4566'" } }],
      output: "const { SNSClient } = require('@aws-sdk/client-sns');\nconst { SQSClient } = require('@aws-sdk/client-sqs');\n\nconst LOCAL_AWS = process.env.AWS_ENDPOINT_URL || undefined;\nconst sns = new SNSClient({ endpoint: LOCAL_AWS });\nconst sqs = new SQSClient({ region: 'eu-west-1', endpoint: LOCAL_AWS });\nmodule.exports = { sns, sqs };\n",
    },
    {
      name: 'a literal endpoint kept in a constant',
      filename: 'src/table.mjs',
      code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst DDB_URL = 'http://127.0.0.1:8000';\nexport const db = new DynamoDBClient({ endpoint: DDB_URL });\n",
      errors: [{ messageId: 'localEndpoint', line: 2, data: { url: "'http://127.0.0.1:8000'" } }],
      output: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst DDB_URL = process.env.DYNAMODB_ENDPOINT || undefined;\nexport const db = new DynamoDBClient({ endpoint: DDB_URL });\n",
    },
    {
      name: 'a literal localhost endpoint',
      filename: 'src/db.ts',
      code: LOCAL,
      errors: [{ messageId: 'localEndpoint', line: 4, column: 13, endColumn: 36, data: { url: "'http://localhost:8000'" } }],
      output: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nexport const ddb = new DynamoDBClient({\n  endpoint: process.env.DYNAMODB_ENDPOINT || undefined,\n  region: 'us-east-1',\n});\n",
    },
    {
      name: 'a localhost fallback after the environment',
      filename: 'src/s3.ts',
      code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ endpoint: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:4566', forcePathStyle: true });\n",
      errors: [{ messageId: 'localEndpoint', line: 2 }],
      output: "import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ endpoint: process.env.S3_ENDPOINT ?? undefined, forcePathStyle: true });\n",
    },
    {
      name: 'a config const with LocalStack, SDK v3 secrets client',
      filename: 'src/clients.ts',
      code: "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\nconst config = { endpoint: 'http://localhost.localstack.cloud:4566' };\nexport const sm = new SecretsManagerClient(config);\n",
      errors: [{ messageId: 'localEndpoint', line: 2 }],
      output: "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\nconst config = { endpoint: process.env.SECRETSMANAGER_ENDPOINT || undefined };\nexport const sm = new SecretsManagerClient(config);\n",
    },
    {
      name: 'SDK v2 client and global AWS.config.update',
      filename: 'src/legacy.js',
      code: "const AWS = require('aws-sdk');\nAWS.config.update({ region: 'us-east-1', endpoint: 'http://localhost:4566' });\nmodule.exports = new AWS.SQS({ endpoint: 'http://localhost:9324' });\n",
      errors: [{ messageId: 'localEndpoint', line: 2 }, { messageId: 'localEndpoint', line: 3 }],
      output: "const AWS = require('aws-sdk');\nAWS.config.update({ region: 'us-east-1', endpoint: process.env.AWS_ENDPOINT_URL || undefined });\nmodule.exports = new AWS.SQS({ endpoint: process.env.SQS_ENDPOINT || undefined });\n",
    },
  ],
});
