import { s3LargeUploadWithoutMultipart } from '../../../server/src/rules/s3/s3-large-upload-without-multipart';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { createReadStream } from 'fs';\nimport { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\n";

ruleTester(s3LargeUploadWithoutMultipart, {
  valid: [
    ...handlerDecoys,
    { name: 'a small string body', filename: 'u.ts', code: `${HEAD}export const put = (key: string, text: string) => s3.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: text }));\n` },
    { name: 'a buffer read into memory', filename: 'u.ts', code: `${HEAD}import { readFileSync } from 'fs';\nexport const put = (path: string) => s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: readFileSync(path) }));\n` },
    { name: 'the guide: Upload with leavePartsOnError false', filename: 'u.ts', code: "import { Upload } from '@aws-sdk/lib-storage';\nimport { S3Client } from '@aws-sdk/client-s3';\nconst s3Client = new S3Client({});\nexport const up = (stream: NodeJS.ReadableStream) => new Upload({ client: s3Client, params: { Bucket: 'b', Key: 'k', Body: stream }, partSize: 10 * 1024 * 1024, leavePartsOnError: false }).done();\n" },
    { name: 'Upload without leavePartsOnError (defaults to false)', filename: 'u.ts', code: "import { Upload } from '@aws-sdk/lib-storage';\nexport const up = (client: any, body: string) => new Upload({ client, params: { Bucket: 'b', Key: 'k', Body: body } }).done();\n" },
    { name: 'an imported value of unknown kind', filename: 'u.ts', code: `${HEAD}import { payload } from './payload';\nexport const put = () => s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: payload }));\n` },
    { name: 'SDK v2 s3.upload is the managed multipart upload', filename: 'u.js', code: "const AWS = require('aws-sdk');\nconst fs = require('fs');\nconst s3 = new AWS.S3();\nexports.up = (p) => s3.upload({ Bucket: 'b', Key: 'k', Body: fs.createReadStream(p) }).promise();\n" },
  ],
  invalid: [
    {
      name: 'PutObject with createReadStream: rewritten to Upload, import added once',
      filename: 'u.ts',
      code: `${HEAD}export async function put(path: string) {\n  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: createReadStream(path) }));\n}\n`,
      errors: [{ messageId: 'streamPutObject', line: 6, column: 69, data: { body: '`createReadStream(path)`' } }],
      output: "import { createReadStream } from 'fs';\nimport { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';\nimport { Upload } from '@aws-sdk/lib-storage';\n\nconst s3 = new S3Client({});\nexport async function put(path: string) {\n  await new Upload({ client: s3, params: { Bucket: 'b', Key: 'k', Body: createReadStream(path) } }).done();\n}\n",
    },
    {
      name: 'a stream in a const, a Readable, and an existing Upload import reused',
      filename: 'u.ts',
      code: `${HEAD}import { Readable } from 'stream';\nimport { Upload } from '@aws-sdk/lib-storage';\nexport async function put(path: string, rows: string[]) {\n  const body = createReadStream(path);\n  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'a', Body: body }));\n  await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'b', Body: Readable.from(rows) }));\n}\n`,
      errors: [{ messageId: 'streamPutObject', line: 9 }, { messageId: 'streamPutObject', line: 10 }],
      output: `${HEAD}import { Readable } from 'stream';\nimport { Upload } from '@aws-sdk/lib-storage';\nexport async function put(path: string, rows: string[]) {\n  const body = createReadStream(path);\n  await new Upload({ client: s3, params: { Bucket: 'b', Key: 'a', Body: body } }).done();\n  await new Upload({ client: s3, params: { Bucket: 'b', Key: 'b', Body: Readable.from(rows) } }).done();\n}\n`,
    },
    {
      name: 'a body named large, command in a const: reported, no fix',
      filename: 'u.ts',
      code: `${HEAD}export async function put(largeFile: Buffer) {\n  const cmd = new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: largeFile });\n  await s3.send(cmd);\n}\n`,
      errors: [{ messageId: 'streamPutObject', line: 6 }],
      output: null,
    },
    {
      name: 'CommonJS: the require added in the file style',
      filename: 'u.js',
      code: "const fs = require('fs');\nconst { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\nconst s3 = new S3Client({});\nexports.put = (p) => s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: fs.createReadStream(p) }));\n",
      errors: [{ messageId: 'streamPutObject', line: 4 }],
      output: "const fs = require('fs');\nconst { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\nconst { Upload } = require('@aws-sdk/lib-storage');\nconst s3 = new S3Client({});\nexports.put = (p) => new Upload({ client: s3, params: { Bucket: 'b', Key: 'k', Body: fs.createReadStream(p) } }).done();\n",
    },
    {
      name: 'SDK v2 putObject with a file stream: reported, no fix',
      filename: 'u.js',
      code: "const AWS = require('aws-sdk');\nconst fs = require('fs');\nconst s3 = new AWS.S3();\nexports.up = (fileStream) => s3.putObject({ Bucket: 'b', Key: 'k', Body: fileStream }).promise();\n",
      errors: [{ messageId: 'streamPutObject', line: 4 }],
      output: null,
    },
    {
      name: 'Upload with leavePartsOnError: true',
      filename: 'u.ts',
      code: "import { Upload } from '@aws-sdk/lib-storage';\nexport const up = (client: any, stream: any) =>\n  new Upload({ client, params: { Bucket: 'b', Key: 'k', Body: stream }, leavePartsOnError: true }).done();\n",
      errors: [{ messageId: 'partsLeftOnError', line: 3, column: 73 }],
      output: "import { Upload } from '@aws-sdk/lib-storage';\nexport const up = (client: any, stream: any) =>\n  new Upload({ client, params: { Bucket: 'b', Key: 'k', Body: stream }, leavePartsOnError: false }).done();\n",
    },
  ],
});
