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
  ],
  invalid: [
    { name: 'default import', filename: 'a.ts', code: "import AWS from 'aws-sdk';\n", errors: [{ messageId: 'v2Import', line: 1, column: 17, endColumn: 26, data: { module: 'aws-sdk' } }], output: null },
    { name: 'namespace and named imports, client subpath', filename: 'a.ts', code: "import * as AWS from 'aws-sdk';\nimport { DocumentClient } from 'aws-sdk/clients/dynamodb';\n", errors: [{ messageId: 'v2Import', line: 1 }, { messageId: 'v2Import', line: 2, data: { module: 'aws-sdk/clients/dynamodb' } }], output: null },
    { name: 'require, inside a handler too', filename: 'h.js', code: "const AWS = require('aws-sdk');\nexports.handler = async () => {\n  const SQS = require('aws-sdk/clients/sqs');\n  return new SQS();\n};\n", errors: [{ messageId: 'v2Import', line: 1 }, { messageId: 'v2Import', line: 3 }], output: null },
    { name: 'import = require, dynamic import, X-Ray capture', filename: 'a.ts', code: "import AWS = require('aws-sdk');\nconst lazy = () => import('aws-sdk');\nconst traced = AWSXRay.captureAWS(require('aws-sdk'));\n", errors: [{ messageId: 'v2Import', line: 1 }, { messageId: 'v2Import', line: 2 }, { messageId: 'v2Import', line: 3 }], output: null },
  ],
});
