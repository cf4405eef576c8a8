import { s3BucketLifecycle } from '../../../server/src/rules/s3/s3-bucket-lifecycle';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const S3 = "import * as s3 from 'aws-cdk-lib/aws-s3';\n";
const formCases: InvalidCase[] = importForms('aws-s3', 's3', 'Bucket').map((f) => ({
  name: `no lifecycle rules, ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Archive', { versioned: true });\n`,
  errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'information', data: { name: 'Archive' } }],
  output: null,
}));

ruleTester(s3BucketLifecycle, {
  valid: [
    { name: 'lifecycle rules through a const spread', filename: 'stack.ts', code: S3 + "const tiered = { lifecycleRules: [] };\nnew s3.Bucket(this, 'B', { ...tiered });\n" },
    { name: 'props we cannot see', filename: 'stack.ts', code: S3 + "declare const props: s3.BucketProps;\nnew s3.Bucket(this, 'B', { ...props, versioned: true });\n" },
    { name: 'lifecycleRules given', filename: 'stack.ts', code: "import { Duration } from 'aws-cdk-lib';\n" + S3 + "new s3.Bucket(this, 'B', { lifecycleRules: [{ expiration: Duration.days(30) }] });\n" },
    { name: 'addLifecycleRule on the bucket later', filename: 'stack.ts', code: "import { Duration } from 'aws-cdk-lib';\n" + S3 + "const b = new s3.Bucket(this, 'B');\nb.addLifecycleRule({ expiration: Duration.days(30) });\n" },
    { name: 'addLifecycleRule on a field', filename: 'stack.ts', code: S3 + "class X {\n  b = new s3.Bucket(this, 'B');\n  f() { this.b.addLifecycleRule({ abortIncompleteMultipartUploadAfter: undefined }); }\n}\n" },
    { name: 'rules from a helper', filename: 'stack.ts', code: S3 + "declare function rules(): s3.LifecycleRule[];\nnew s3.Bucket(this, 'B', { lifecycleRules: rules() });\n" },
    {
      name: 'construct subclass adding its rules with this.addLifecycleRule()',
      filename: 'stack.ts',
      code: "import { Duration } from 'aws-cdk-lib';\n" + S3 + "export class LogBucket extends s3.Bucket {\n  constructor(scope: any, id: string) {\n    super(scope, id, { versioned: true });\n    this.addLifecycleRule({ expiration: Duration.days(90) });\n  }\n}\n",
    },
    { name: 'L1 with lifecycleConfiguration', filename: 'stack.ts', code: S3 + "new s3.CfnBucket(this, 'Raw', { lifecycleConfiguration: { rules: [{ status: 'Enabled', expirationInDays: 30 }] } });\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'the suggestion adds the guide\'s rules and the Duration import',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'Archive', {\n  versioned: true,\n});\n",
      errors: [
        {
          messageId: 'missing',
          line: 2,
          suggestions: [
            {
              title: 'Add lifecycle rules',
              output:
                S3 +
                "import { Duration } from 'aws-cdk-lib';\nnew s3.Bucket(this, 'Archive', {\n  versioned: true,\n  lifecycleRules: [{\n    transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }, { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) }],\n    expiration: Duration.days(365)\n  }],\n});\n",
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a lifecycle rule added to another bucket does not count',
      filename: 'stack.ts',
      code: S3 + "const a = new s3.Bucket(this, 'A', { lifecycleRules: [] });\nconst b = new s3.Bucket(this, 'B');\na.addLifecycleRule({});\n",
      errors: [
        {
          messageId: 'missing',
          line: 3,
          data: { name: 'B' },
          suggestions: [
            {
              title: 'Add lifecycle rules',
              output:
                S3 +
                "import { Duration } from 'aws-cdk-lib';\nconst a = new s3.Bucket(this, 'A', { lifecycleRules: [] });\nconst b = new s3.Bucket(this, 'B', { lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }, { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) }], expiration: Duration.days(365) }] });\na.addLifecycleRule({});\n",
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'L1 without lifecycleConfiguration',
      filename: 'stack.ts',
      code: S3 + "new s3.CfnBucket(this, 'Raw', {});\n",
      errors: [
        {
          messageId: 'missing',
          suggestions: [
            {
              title: 'Add lifecycle rules',
              output: S3 + "new s3.CfnBucket(this, 'Raw', { lifecycleConfiguration: { rules: [{ status: 'Enabled', transitions: [{ storageClass: 'STANDARD_IA', transitionInDays: 30 }, { storageClass: 'GLACIER', transitionInDays: 90 }], expirationInDays: 365 }] } });\n",
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
