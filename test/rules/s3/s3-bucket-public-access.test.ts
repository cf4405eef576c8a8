import { s3BucketPublicAccess } from '../../../server/src/rules/s3/s3-bucket-public-access';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const S3 = "import * as s3 from 'aws-cdk-lib/aws-s3';\n";
const refs: Record<string, [string, string]> = {
  'namespace import': ["import * as s3 from 'aws-cdk-lib/aws-s3';\n", 's3.BlockPublicAccess'],
  'named import': ["import { Bucket, BlockPublicAccess } from 'aws-cdk-lib/aws-s3';\n", 'BlockPublicAccess'],
  'aliased named import': ["import { Bucket as Aliased, BlockPublicAccess } from 'aws-cdk-lib/aws-s3';\n", 'BlockPublicAccess'],
  'aws_s3 as s3': ["import { aws_s3 as s3 } from 'aws-cdk-lib';\n", 's3.BlockPublicAccess'],
  'cdk.aws_s3': ["import * as cdk from 'aws-cdk-lib';\n", 'cdk.aws_s3.BlockPublicAccess'],
  'require namespace (JavaScript)': ["const s3 = require('aws-cdk-lib/aws-s3');\n", 's3.BlockPublicAccess'],
  'require destructuring (JavaScript)': ["const { Bucket, BlockPublicAccess } = require('aws-cdk-lib/aws-s3');\n", 'BlockPublicAccess'],
  'CDK v1 module': ["import * as s3 from '@aws-cdk/aws-s3';\n", 's3.BlockPublicAccess'],
};
const formCases: InvalidCase[] = importForms('aws-s3', 's3', 'Bucket').map((f) => ({
  name: `no explicit blockPublicAccess, ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Assets', {});\n`,
  errors: [{ messageId: 'notExplicit', line: 2, column: 5, severity: 'information', data: { name: 'Assets' } }],
  output: `${refs[f.name][0]}new ${f.cls}(this, 'Assets', { blockPublicAccess: ${refs[f.name][1]}.BLOCK_ALL });\n`,
}));

ruleTester(s3BucketPublicAccess, {
  valid: [
    { name: 'BLOCK_ALL', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'B', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });\n" },
    {
      name: 'all four flags on, written out',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'B', { blockPublicAccess: new s3.BlockPublicAccess({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }) });\n",
    },
    { name: 'setting from a parameter is unknown', filename: 'stack.ts', code: S3 + "export function make(scope: any, bpa: s3.BlockPublicAccess) {\n  return new s3.Bucket(scope, 'B', { blockPublicAccess: bpa });\n}\n" },
    { name: 'flag values we cannot see', filename: 'stack.ts', code: S3 + "declare const strict: boolean;\nnew s3.Bucket(this, 'B', { blockPublicAccess: new s3.BlockPublicAccess({ blockPublicAcls: strict, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }) });\n" },
    { name: 'publicReadAccess: false', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'B', { publicReadAccess: false, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });\n" },
    { name: 'L1 with the full configuration', filename: 'stack.ts', code: S3 + "new s3.CfnBucket(this, 'Raw', { publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } });\n" },
    { name: 'spread of unknown props', filename: 'stack.ts', code: S3 + "function f(props: any) {\n  new s3.Bucket(this, 'B', { ...props });\n}\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'publicReadAccess: true (the BLOCK_ACLS_ONLY beside it is part of the same mistake)',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'Site', {\n  publicReadAccess: true,\n  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY,\n});\n",
      errors: [
        { messageId: 'publicRead', line: 3, column: 3, severity: 'error' },
        { messageId: 'weakened', line: 4, column: 3, severity: 'error' },
      ],
      output: null,
    },
    {
      name: 'weakened with BLOCK_ACLS',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'B', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS });\n",
      errors: [{ messageId: 'weakened', line: 2, column: 28, severity: 'error' }],
      output: S3 + "new s3.Bucket(this, 'B', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });\n",
    },
    {
      name: 'weakened by a flag turned off',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'B', { blockPublicAccess: new s3.BlockPublicAccess({ blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true }) });\n",
      errors: [{ messageId: 'weakened', severity: 'error' }],
      output: S3 + "new s3.Bucket(this, 'B', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });\n",
    },
    {
      name: 'weakened by flags left out (they default to false)',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'B', { blockPublicAccess: new s3.BlockPublicAccess({ blockPublicAcls: true }) });\n",
      errors: [{ messageId: 'weakened', severity: 'error' }],
      output: S3 + "new s3.Bucket(this, 'B', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });\n",
    },
    {
      name: 'public canned ACL',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'B', { accessControl: s3.BucketAccessControl.PUBLIC_READ, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });\n",
      errors: [{ messageId: 'publicAcl', severity: 'error', data: { acl: 'PUBLIC_READ' } }],
      output: null,
    },
    {
      name: 'L1 without publicAccessBlockConfiguration',
      filename: 'stack.ts',
      code: S3 + "new s3.CfnBucket(this, 'Raw', {});\n",
      errors: [{ messageId: 'notExplicit', severity: 'information' }],
      output: S3 + "new s3.CfnBucket(this, 'Raw', { publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } });\n",
    },
    {
      name: 'L1 with a public ACL string and a weakened block',
      filename: 'stack.ts',
      code: S3 + "new s3.CfnBucket(this, 'Raw', { accessControl: 'PublicRead', publicAccessBlockConfiguration: { blockPublicAcls: false } });\n",
      errors: [
        { messageId: 'publicAcl', severity: 'error', data: { acl: 'PublicRead' } },
        { messageId: 'weakened', severity: 'error' },
      ],
      output: null,
    },
  ],
});
