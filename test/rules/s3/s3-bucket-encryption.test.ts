import { s3BucketEncryption } from '../../../server/src/rules/s3/s3-bucket-encryption';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const body = (cls: string, props = "{ versioned: true }") => `new ${cls}(this, 'Data', ${props});\n`;

// How each import form gets `BucketEncryption` after the fix: reuse the namespace, or extend/add an import.
const fixedHeader: Record<string, [string, string]> = {
  'namespace import': ["import * as s3 from 'aws-cdk-lib/aws-s3';\n", 's3.BucketEncryption'],
  'named import': ["import { Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';\n", 'BucketEncryption'],
  'aliased named import': ["import { Bucket as Aliased, BucketEncryption } from 'aws-cdk-lib/aws-s3';\n", 'BucketEncryption'],
  'aws_s3 as s3': ["import { aws_s3 as s3 } from 'aws-cdk-lib';\n", 's3.BucketEncryption'],
  'cdk.aws_s3': ["import * as cdk from 'aws-cdk-lib';\n", 'cdk.aws_s3.BucketEncryption'],
  'require namespace (JavaScript)': ["const s3 = require('aws-cdk-lib/aws-s3');\n", 's3.BucketEncryption'],
  'require destructuring (JavaScript)': ["const { Bucket, BucketEncryption } = require('aws-cdk-lib/aws-s3');\n", 'BucketEncryption'],
  'CDK v1 module': ["import * as s3 from '@aws-cdk/aws-s3';\n", 's3.BucketEncryption'],
};

const formCases: InvalidCase[] = importForms('aws-s3', 's3', 'Bucket').map((f) => {
  const [header, ref] = fixedHeader[f.name];
  return {
    name: `missing encryption, ${f.name}`,
    filename: f.filename,
    code: f.header + body(f.cls),
    errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'information', data: { name: 'Data' } }],
    output: header + body(f.cls, `{ versioned: true, encryption: ${ref}.S3_MANAGED }`),
  };
});

const S3 = "import * as s3 from 'aws-cdk-lib/aws-s3';\n";

ruleTester(s3BucketEncryption, {
  valid: [
    { name: 'S3-managed encryption stated', filename: 'stack.ts', code: S3 + body('s3.Bucket', '{ encryption: s3.BucketEncryption.S3_MANAGED }') },
    { name: 'KMS encryption stated', filename: 'stack.ts', code: S3 + body('s3.Bucket', '{ encryption: s3.BucketEncryption.KMS }') },
    { name: 'a KMS key implies KMS encryption', filename: 'stack.ts', code: S3 + "import * as kms from 'aws-cdk-lib/aws-kms';\nconst key = new kms.Key(this, 'K');\n" + body('s3.Bucket', '{ encryptionKey: key }') },
    { name: 'props from a parameter are unknown', filename: 'stack.ts', code: S3 + 'export function make(scope: any, props: s3.BucketProps) {\n  return new s3.Bucket(scope, "B", props);\n}\n' },
    { name: 'an unresolvable spread may hold encryption', filename: 'stack.ts', code: S3 + 'function f(base: any) {\n  new s3.Bucket(this, "B", { ...base, versioned: true });\n}\n' },
    { name: 'props built by a helper call are unknown', filename: 'stack.ts', code: S3 + body('s3.Bucket', 'bucketProps()') },
    { name: 'encryption read from context is not "missing"', filename: 'stack.ts', code: S3 + body('s3.Bucket', "{ encryption: this.node.tryGetContext('enc') }") },
    { name: 'encryption through a const spread', filename: 'stack.ts', code: S3 + 'const secure = { encryption: s3.BucketEncryption.S3_MANAGED };\n' + body('s3.Bucket', '{ ...secure, versioned: true }') },
    { name: 'a local class named Bucket is not S3', filename: 'stack.ts', code: 'class Bucket { constructor(a: any, b: string, c?: any) {} }\nnew Bucket(this, "B");\n' },
    { name: 'L1 bucket with bucketEncryption', filename: 'stack.ts', code: S3 + body('s3.CfnBucket', "{ bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } }] } }") },
    { name: 'test files are not checked', filename: 'test/stack.test.ts', code: S3 + body('s3.Bucket') },
    {
      name: 'encryption written on the props constant per branch, after its literal',
      filename: 'stack.ts',
      code: S3 + "export function bucket(scope: any, kms: boolean) {\n  const args: Record<string, unknown> = { versioned: true };\n  if (kms) args.encryption = s3.BucketEncryption.KMS_MANAGED;\n  else args['encryption'] = s3.BucketEncryption.S3_MANAGED;\n  return new s3.Bucket(scope, 'Data', args);\n}\n",
    },
    { name: 'props constant merged with Object.assign', filename: 'stack.ts', code: S3 + "declare const overrides: object;\nconst props = { versioned: true };\nObject.assign(props, overrides);\nnew s3.Bucket(this, 'Data', props);\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'no props at all: the props object is created',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'Data');\n",
      errors: [{ messageId: 'missing', line: 2, column: 5 }],
      output: S3 + "new s3.Bucket(this, 'Data', { encryption: s3.BucketEncryption.S3_MANAGED });\n",
    },
    {
      name: 'props through a const: the fix edits the const',
      filename: 'stack.ts',
      code: S3 + 'const props = {\n  versioned: true,\n};\nnew s3.Bucket(this, "Data", props);\n',
      errors: [{ messageId: 'missing', line: 5, column: 5 }],
      output: S3 + 'const props = {\n  versioned: true,\n  encryption: s3.BucketEncryption.S3_MANAGED,\n};\nnew s3.Bucket(this, "Data", props);\n',
    },
    {
      name: 'props with a spread of a known const',
      filename: 'stack.ts',
      code: S3 + 'const base = { versioned: true };\nnew s3.Bucket(this, "Data", { ...base, enforceSSL: true });\n',
      errors: [{ messageId: 'missing', line: 3 }],
      output: S3 + 'const base = { versioned: true };\nnew s3.Bucket(this, "Data", { ...base, enforceSSL: true, encryption: s3.BucketEncryption.S3_MANAGED });\n',
    },
    {
      name: 'UNENCRYPTED is an error, fixed in place',
      filename: 'stack.ts',
      code: S3 + body('s3.Bucket', '{\n  encryption: s3.BucketEncryption.UNENCRYPTED,\n}'),
      errors: [{ messageId: 'unencrypted', line: 3, column: 3, endLine: 3, endColumn: 46, severity: 'error' }],
      output: S3 + body('s3.Bucket', '{\n  encryption: s3.BucketEncryption.S3_MANAGED,\n}'),
    },
    {
      name: 'UNENCRYPTED after an unknown spread still counts (later wins)',
      filename: 'stack.ts',
      code: S3 + 'function f(base: any) {\n  new s3.Bucket(this, "B", { ...base, encryption: s3.BucketEncryption.UNENCRYPTED });\n}\n',
      errors: [{ messageId: 'unencrypted', line: 3, severity: 'error' }],
      output: S3 + 'function f(base: any) {\n  new s3.Bucket(this, "B", { ...base, encryption: s3.BucketEncryption.S3_MANAGED });\n}\n',
    },
    {
      name: 'L1 CfnBucket without bucketEncryption',
      filename: 'stack.ts',
      code: S3 + "new s3.CfnBucket(this, 'Raw', {});\n",
      errors: [{ messageId: 'missing', line: 2, column: 5 }],
      output: S3 + "new s3.CfnBucket(this, 'Raw', { bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] } });\n",
    },
    {
      name: 'buckets created in a loop inside a Stack subclass',
      filename: 'stack.ts',
      code: S3 + "import { Stack } from 'aws-cdk-lib';\nexport class Data extends Stack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    for (const name of ['a', 'b']) {\n      new s3.Bucket(this, `${name}Bucket`, { versioned: true });\n    }\n  }\n}\n",
      errors: [{ messageId: 'missing', line: 7, column: 11, data: { name: '${…}Bucket' } }],
      output:
        S3 +
        "import { Stack } from 'aws-cdk-lib';\nexport class Data extends Stack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    for (const name of ['a', 'b']) {\n      new s3.Bucket(this, `${name}Bucket`, { versioned: true, encryption: s3.BucketEncryption.S3_MANAGED });\n    }\n  }\n}\n",
    },
  ],
});
