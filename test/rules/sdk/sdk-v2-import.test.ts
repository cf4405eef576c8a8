import { sdkV2Import } from '../../../server/src/rules/sdk/sdk-v2-import';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

ruleTester(sdkV2Import, {
  valid: [
    ...handlerDecoys,
    { name: 'v3 packages', filename: 'a.ts', code: "import { S3Client } from '@aws-sdk/client-s3';\nimport { Upload } from '@aws-sdk/lib-storage';\nconst { SQSClient } = require('@aws-sdk/client-sqs');\n" },
    { name: 'aws-sdk-client-mock and aws-sdk-mock-like names', filename: 'test/a.test.ts', code: "import { mockClient } from 'aws-sdk-client-mock';\nimport 'aws-sdk-client-mock-jest';\n" },
    { name: 'a string that is not an import', filename: 'a.ts', code: "const name = 'aws-sdk';\nconsole.log(`install ${name}`);\n" },
    { name: 'a local function called require', filename: 'a.ts', code: "function require(m: string) { return m; }\nrequire('aws-sdk');\n" },
    // Round 10 (whole TypeScript application repositories): test code follows the application's SDK.
    { name: 'a unit test hands the v2 instance to aws-sdk-mock', filename: 'services/billing/charge.test.ts', code: "import AWSMock from 'aws-sdk-mock';\nimport AWS from 'aws-sdk';\nimport { charge } from './charge';\n\nAWSMock.setSDKInstance(AWS);\n\nit('publishes a receipt', async () => {\n  AWSMock.mock('SNS', 'publish', (_params, done) => done(null, { MessageId: 'm-1' }));\n  await charge({ amount: 5 });\n});\n" },
    { name: 'an integration test under __tests__ seeds a local table with v2', filename: '__tests__/orders.integration.js', code: "const AWS = require('aws-sdk');\nconst db = new AWS.DynamoDB.DocumentClient({ endpoint: 'http://localhost:8000', region: 'local' });\nbeforeAll(() => db.put({ TableName: 'orders', Item: { id: 'o-1' } }).promise());\n" },
    { name: 'a manual jest mock of a v2 client', filename: 'src/__mocks__/aws-sdk/clients/s3.ts', code: "import S3 from 'aws-sdk/clients/s3';\nS3.prototype.getObject = jest.fn() as any;\nexport default S3;\n" },
    { name: 'a shared setup file under test/', filename: 'test/setup/aws.ts', code: "import * as AWS from 'aws-sdk';\nAWS.config.update({ region: 'eu-west-1' });\n" },
    { name: 'a codemod fixture showing v2 on purpose', filename: 'codemods/__fixtures__/v2-client.input.js', code: "const { SQS } = require('aws-sdk');\nmodule.exports = new SQS();\n" },
  ],
  invalid: [
    { name: 'default import', filename: 'a.ts', code: "import AWS from 'aws-sdk';\n", errors: [{ messageId: 'v2Import', line: 1, column: 17, endColumn: 26, data: { module: 'aws-sdk' } }], output: null },
    { name: 'namespace and named imports, client subpath', filename: 'a.ts', code: "import * as AWS from 'aws-sdk';\nimport { DocumentClient } from 'aws-sdk/clients/dynamodb';\n", errors: [{ messageId: 'v2Import', line: 1 }, { messageId: 'v2Import', line: 2, data: { module: 'aws-sdk/clients/dynamodb' } }], output: null },
    { name: 'require, inside a handler too', filename: 'h.js', code: "const AWS = require('aws-sdk');\nexports.handler = async () => {\n  const SQS = require('aws-sdk/clients/sqs');\n  return new SQS();\n};\n", errors: [{ messageId: 'v2Import', line: 1 }, { messageId: 'v2Import', line: 3 }], output: null },
    { name: 'application code whose name only mentions tests', filename: 'src/handlers/test-results.ts', code: "import { S3 } from 'aws-sdk';\nexport const s3 = new S3();\n", errors: [{ messageId: 'v2Import', line: 1, data: { module: 'aws-sdk' } }], output: null },
    { name: 'a module beside a test file is application code', filename: 'src/services/charge.ts', code: "import SNS from 'aws-sdk/clients/sns';\nexport const sns = new SNS();\n", errors: [{ messageId: 'v2Import', line: 1, data: { module: 'aws-sdk/clients/sns' } }], output: null },
    { name: 'import = require, dynamic import, X-Ray capture', filename: 'a.ts', code: "import AWS = require('aws-sdk');\nconst lazy = () => import('aws-sdk');\nconst traced = AWSXRay.captureAWS(require('aws-sdk'));\n", errors: [{ messageId: 'v2Import', line: 1 }, { messageId: 'v2Import', line: 2 }, { messageId: 'v2Import', line: 3 }], output: null },
  ],
});
