import { s3PresignedPutUnconstrained } from '../../../server/src/rules/s3/s3-presigned-put-unconstrained';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\n";

ruleTester(s3PresignedPutUnconstrained, {
  valid: [
    ...handlerDecoys,
    { name: 'the guide: ContentType signed', filename: 'u.ts', code: `${HEAD}export const u = (userId: string, filename: string) =>\n  getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: \`uploads/\${userId}/\${filename}\`, ContentType: 'image/jpeg' }), { expiresIn: 300 });\n` },
    { name: 'ContentType from the request is still signed', filename: 'u.ts', code: `${HEAD}export const u = (type: string) => getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: type }));\n` },
    { name: 'a download URL needs no ContentType', filename: 'u.ts', code: `${HEAD}export const u = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }));\n` },
    { name: 'params built elsewhere (unknown spread)', filename: 'u.ts', code: `${HEAD}export const u = (p: object) => getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ...p }));\n` },
    { name: 'an upload that is sent, not presigned', filename: 'u.ts', code: `${HEAD}export const u = s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));\n` },
  ],
  invalid: [
    {
      name: 'inline PutObjectCommand without ContentType',
      filename: 'u.ts',
      code: `${HEAD}export const u = getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 300 });\n`,
      errors: [{ messageId: 'missingContentType', line: 5, column: 39, endColumn: 55, suggestions: [{ title: 'Add a `ContentType`', output: `${HEAD}export const u = getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/jpeg' }), { expiresIn: 300 });\n` }] }],
      output: null,
    },
    {
      name: 'command and params in consts, multi-line params',
      filename: 'u.ts',
      code: `${HEAD}const params = {\n  Bucket: 'b',\n  Key: 'k',\n};\nconst command = new PutObjectCommand(params);\nexport const u = getSignedUrl(s3, command, { expiresIn: 60 });\n`,
      errors: [{ messageId: 'missingContentType', line: 10, suggestions: [{ title: 'ContentType', output: `${HEAD}const params = {\n  Bucket: 'b',\n  Key: 'k',\n  ContentType: 'image/jpeg',\n};\nconst command = new PutObjectCommand(params);\nexport const u = getSignedUrl(s3, command, { expiresIn: 60 });\n` }] }],
      output: null,
    },
    {
      name: 'SDK v2 getSignedUrl(\'putObject\')',
      filename: 'u.js',
      code: 'const AWS = require("aws-sdk");\nconst s3 = new AWS.S3();\nexports.u = (key) => s3.getSignedUrl("putObject", { Bucket: "b", Key: key, Expires: 300 });\n',
      errors: [{ messageId: 'missingContentType', line: 3, suggestions: [{ title: 'ContentType', output: 'const AWS = require("aws-sdk");\nconst s3 = new AWS.S3();\nexports.u = (key) => s3.getSignedUrl("putObject", { Bucket: "b", Key: key, Expires: 300, ContentType: "image/jpeg" });\n' }] }],
      output: null,
    },
  ],
});
