import { s3BucketEnforceSsl } from '../../../server/src/rules/s3/s3-bucket-enforce-ssl';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const S3 = "import * as s3 from 'aws-cdk-lib/aws-s3';\n";
const formCases: InvalidCase[] = importForms('aws-s3', 's3', 'Bucket').map((f) => ({
  name: `missing enforceSSL, ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Uploads', { versioned: true });\n`,
  errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'warning', data: { name: 'Uploads' } }],
  output: `${f.header}new ${f.cls}(this, 'Uploads', { versioned: true, enforceSSL: true });\n`,
}));

ruleTester(s3BucketEnforceSsl, {
  valid: [
    { name: 'enforceSSL: true', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'B', { enforceSSL: true });\n" },
    { name: 'enforceSSL written on the props constant after its literal', filename: 'stack.ts', code: S3 + "const args: Record<string, unknown> = { versioned: true };\nargs.enforceSSL = true;\nnew s3.Bucket(this, 'B', args);\n" },
    { name: 'enforceSSL through a const spread', filename: 'stack.ts', code: S3 + "const secure = { enforceSSL: true } as const;\nnew s3.Bucket(this, 'B', { ...secure });\n" },
    { name: 'enforceSSL from a parameter', filename: 'stack.ts', code: S3 + "export function make(scope: any, strict: boolean) {\n  return new s3.Bucket(scope, 'B', { enforceSSL: strict });\n}\n" },
    { name: 'props from a class field are unknown', filename: 'stack.ts', code: S3 + "class X {\n  defaults = { versioned: true };\n  make() {\n    new s3.Bucket(this, 'B', { ...this.defaults });\n  }\n}\n" },
    {
      name: 'a file writing its own aws:SecureTransport policy',
      filename: 'stack.ts',
      code:
        S3 +
        "import * as iam from 'aws-cdk-lib/aws-iam';\nconst b = new s3.Bucket(this, 'B');\nb.addToResourcePolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['s3:*'], principals: [new iam.AnyPrincipal()], resources: [b.bucketArn], conditions: { Bool: { 'aws:SecureTransport': 'false' } } }));\n",
    },
    { name: 'L1 CfnBucket has no enforceSSL (its policy lives elsewhere)', filename: 'stack.ts', code: S3 + "new s3.CfnBucket(this, 'Raw', {});\n" },
    // Real stacks (corpus audit): static sites on the S3 website endpoint, which is HTTP-only.
    { name: 'website hosting bucket: the website endpoint is HTTP-only', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'Site', { websiteIndexDocument: 'index.html', publicReadAccess: true });\n" },
    { name: 'website redirect bucket', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'Apex', { websiteRedirect: { hostName: 'www.example.com' } });\n" },
    { name: 'website bucket that turns enforceSSL off on purpose', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'Site', { websiteErrorDocument: 'error.html', enforceSSL: false });\n" },
    { name: 'subclass whose super() passes the caller props through', filename: 'stack.ts', code: S3 + "export class Secure extends s3.Bucket {\n  constructor(scope: any, id: string, props: s3.BucketProps) {\n    super(scope, id, { versioned: true, ...props });\n  }\n}\n" },
    { name: 'a mixin base class is not resolved', filename: 'stack.ts', code: S3 + "declare function Tagged<T>(base: T): T;\nexport class Tagged2 extends Tagged(s3.Bucket) {\n  constructor(scope: any, id: string) {\n    super(scope, id, {});\n  }\n}\n" },
    { name: 'super() of an unrelated class', filename: 'stack.ts', code: "import { Construct } from 'constructs';\nexport class Mine extends Construct {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n  }\n}\n" },
    { name: 'an S3 client is not a bucket', filename: 'handler.ts', code: "import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'other props written on the constant after its literal: enforceSSL is still missing',
      filename: 'stack.ts',
      code: S3 + "const args: Record<string, unknown> = {\n  versioned: true,\n};\nargs.encryption = s3.BucketEncryption.S3_MANAGED;\nnew s3.Bucket(this, 'Data', args);\n",
      errors: [{ messageId: 'missing', line: 6, column: 5, data: { name: 'Data' } }],
      output: S3 + "const args: Record<string, unknown> = {\n  versioned: true,\n  enforceSSL: true,\n};\nargs.encryption = s3.BucketEncryption.S3_MANAGED;\nnew s3.Bucket(this, 'Data', args);\n",
    },
    {
      name: 'construct subclass: the props of its super() call',
      filename: 'stack.ts',
      code: S3 + "export class AuditBucket extends s3.Bucket {\n  constructor(scope: any, id: string) {\n    super(scope, id, { versioned: true });\n  }\n}\n",
      errors: [{ messageId: 'missing', line: 4, column: 5, data: { name: 'AuditBucket' } }],
      output: S3 + "export class AuditBucket extends s3.Bucket {\n  constructor(scope: any, id: string) {\n    super(scope, id, { versioned: true, enforceSSL: true });\n  }\n}\n",
    },
    {
      name: 'set but weakened: enforceSSL: false',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'B', {\n  enforceSSL: false, // legacy clients\n});\n",
      errors: [{ messageId: 'disabled', line: 3, column: 3, endColumn: 20 }],
      output: S3 + "new s3.Bucket(this, 'B', {\n  enforceSSL: true, // legacy clients\n});\n",
    },
    {
      name: 'no props: the props object is created',
      filename: 'stack.ts',
      code: S3 + "const logs = new s3.Bucket(this, 'Logs');\n",
      errors: [{ messageId: 'missing', line: 2, column: 18 }],
      output: S3 + "const logs = new s3.Bucket(this, 'Logs', { enforceSSL: true });\n",
    },
    {
      name: 'multi-line props keep their layout and trailing comma',
      filename: 'stack.ts',
      code: S3 + "new s3.Bucket(this, 'B', {\n    versioned: true,\n    encryption: s3.BucketEncryption.S3_MANAGED,\n});\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: S3 + "new s3.Bucket(this, 'B', {\n    versioned: true,\n    encryption: s3.BucketEncryption.S3_MANAGED,\n    enforceSSL: true,\n});\n",
    },
    {
      name: 'props in a const shared by two buckets: both reported, one edit',
      filename: 'stack.ts',
      code: S3 + "const props = { versioned: true };\nnew s3.Bucket(this, 'A', props);\nnew s3.Bucket(this, 'B', props);\n",
      errors: [
        { messageId: 'missing', line: 3, data: { name: 'A' } },
        { messageId: 'missing', line: 4, data: { name: 'B' } },
      ],
      output: S3 + "const props = { versioned: true, enforceSSL: true };\nnew s3.Bucket(this, 'A', props);\nnew s3.Bucket(this, 'B', props);\n",
    },
  ],
});
