import { s3BucketVersioning } from '../../../server/src/rules/s3/s3-bucket-versioning';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const S3 = "import * as s3 from 'aws-cdk-lib/aws-s3';\n";
const formCases: InvalidCase[] = importForms('aws-s3', 's3', 'Bucket').map((f) => ({
  name: `missing versioned, ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Docs', { enforceSSL: true });\n`,
  errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'warning', data: { name: 'Docs' } }],
  output: `${f.header}new ${f.cls}(this, 'Docs', { enforceSSL: true, versioned: true });\n`,
}));

ruleTester(s3BucketVersioning, {
  valid: [
    { name: 'versioned: true', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'B', { versioned: true });\n" },
    { name: 'versioned through a const', filename: 'stack.ts', code: S3 + "const props: s3.BucketProps = { versioned: true };\nnew s3.Bucket(this, 'B', props);\n" },
    { name: 'versioned from context is unknown', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'B', { versioned: this.node.tryGetContext('versioned') === 'true' });\n" },
    { name: 'props from a function parameter', filename: 'stack.ts', code: S3 + "export const make = (scope: any, props: s3.BucketProps) => new s3.Bucket(scope, 'B', { ...props });\n" },
    { name: 'L1 versioning enabled', filename: 'stack.ts', code: S3 + "new s3.CfnBucket(this, 'Raw', { versioningConfiguration: { status: 'Enabled' } });\n" },
    { name: 'L1 status unknown', filename: 'stack.ts', code: S3 + "declare const status: string;\nnew s3.CfnBucket(this, 'Raw', { versioningConfiguration: { status } });\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'set but weakened: versioned: false',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'B', { versioned: false });\n",
      errors: [{ messageId: 'disabled', line: 2, column: 28, endColumn: 44 }],
      output: S3 + "new s3.Bucket(this, 'B', { versioned: true });\n",
    },
    {
      name: 'weakened through a const spread: the const is fixed',
      filename: 'stack.ts',
      code: S3 + "const cheap = { versioned: false };\nnew s3.Bucket(this, 'B', { ...cheap, enforceSSL: true });\n",
      errors: [{ messageId: 'disabled', line: 2, column: 17 }],
      output: S3 + "const cheap = { versioned: true };\nnew s3.Bucket(this, 'B', { ...cheap, enforceSSL: true });\n",
    },
    {
      name: 'L1 without versioningConfiguration',
      filename: 'stack.ts',
      code: S3 + "new s3.CfnBucket(this, 'Raw', { bucketName: 'raw' });\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: S3 + "new s3.CfnBucket(this, 'Raw', { bucketName: 'raw', versioningConfiguration: { status: 'Enabled' } });\n",
    },
    {
      name: 'L1 versioning suspended',
      filename: 'stack.ts',
      code: S3 + 'new s3.CfnBucket(this, "Raw", { versioningConfiguration: { status: "Suspended" } });\n',
      errors: [{ messageId: 'disabled', line: 2 }],
      output: S3 + 'new s3.CfnBucket(this, "Raw", { versioningConfiguration: { status: \'Enabled\' } });\n',
    },
  ],
});
