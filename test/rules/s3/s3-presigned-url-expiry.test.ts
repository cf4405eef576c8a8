import { defaultConfig } from '../../../server/src/engine/config';
import { s3PresignedUrlExpiry } from '../../../server/src/rules/s3/s3-presigned-url-expiry';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\n";
const strict = defaultConfig();
strict.settings.presignedUrlMaxSeconds = 600;

ruleTester(s3PresignedUrlExpiry, {
  valid: [
    ...handlerDecoys,
    { name: 'the guide: 900 and 300 seconds', filename: 'u.ts', code: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 900 });\nexport const b = getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k', ContentType: 'image/jpeg' }), { expiresIn: 300 });\n` },
    { name: 'no options: the 900 s default', filename: 'u.ts', code: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }));\n` },
    { name: 'exactly the maximum', filename: 'u.ts', code: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 60 * 60 });\n` },
    { name: 'an expiry read from the environment is unknown', filename: 'u.ts', code: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: Number(process.env.URL_TTL) });\n` },
    { name: 'options from a spread of an unknown object', filename: 'u.ts', code: `${HEAD}export const a = (opts: object) => getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { ...opts });\n` },
    { name: 'CloudFront signer has no expiresIn', filename: 'u.ts', code: "import { getSignedUrl } from '@aws-sdk/cloudfront-signer';\nexport const u = getSignedUrl({ url: 'https://d/x', keyPairId: 'K', dateLessThan: '2030-01-01', privateKey: 'p', expiresIn: 999999 } as any);\n" },
    { name: 'a local getSignedUrl function', filename: 'u.ts', code: 'function getSignedUrl(a: unknown, b: unknown, c: unknown) { return c; }\nexport const u = getSignedUrl(1, 2, { expiresIn: 86400 });\n' },
  ],
  invalid: [
    {
      name: 'one day: above the 3600 s default maximum',
      filename: 'u.ts',
      code: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 86400 });\n`,
      errors: [{ messageId: 'tooLong', line: 5, column: 97, endColumn: 102, severity: 'warning', data: { seconds: 86400, duration: '1 day', max: 3600, safe: 900 } }],
      output: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 900 });\n`,
    },
    {
      name: 'above seven days is invalid (error); computed literal replaced',
      filename: 'u.ts',
      code: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), {\n  expiresIn: 60 * 60 * 24 * 30,\n});\n`,
      errors: [{ messageId: 'invalid', line: 6, severity: 'error', data: { seconds: 2592000 } }],
      output: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), {\n  expiresIn: 900,\n});\n`,
    },
    {
      name: 'a named constant: reported, no fix (it may serve elsewhere)',
      filename: 'u.ts',
      code: `${HEAD}const ONE_WEEK = 7 * 24 * 3600;\nexport const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: ONE_WEEK });\n`,
      errors: [{ messageId: 'tooLong', line: 6, data: { duration: '7 days' } }],
      output: null,
    },
    {
      name: 'options in a const, shorthand expiresIn',
      filename: 'u.ts',
      code: `${HEAD}const expiresIn = 7200;\nconst options = { expiresIn };\nexport const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), options);\n`,
      errors: [{ messageId: 'tooLong', line: 6, data: { seconds: 7200, duration: '2 hours' } }],
      output: null,
    },
    {
      name: 'the configured maximum (presignedUrlMaxSeconds: 600) sets the fix value too',
      filename: 'u.ts',
      code: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 900 });\n`,
      config: strict,
      errors: [{ messageId: 'tooLong', data: { max: 600, safe: 600 } }],
      output: `${HEAD}export const a = getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 600 });\n`,
    },
    {
      name: 'createPresignedPost Expires',
      filename: 'u.ts',
      code: "import { createPresignedPost } from '@aws-sdk/s3-presigned-post';\nimport { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nexport const post = createPresignedPost(s3, { Bucket: 'b', Key: 'k', Expires: 86400 });\n",
      errors: [{ messageId: 'tooLong', line: 4 }],
      output: "import { createPresignedPost } from '@aws-sdk/s3-presigned-post';\nimport { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nexport const post = createPresignedPost(s3, { Bucket: 'b', Key: 'k', Expires: 900 });\n",
    },
    {
      name: 'SDK v2 s3.getSignedUrl with Expires',
      filename: 'u.js',
      code: "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3();\nexports.url = (key) => s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: key, Expires: 604801 });\n",
      errors: [{ messageId: 'invalid', line: 3, severity: 'error' }],
      output: "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3();\nexports.url = (key) => s3.getSignedUrlPromise('getObject', { Bucket: 'b', Key: key, Expires: 900 });\n",
    },
  ],
});
