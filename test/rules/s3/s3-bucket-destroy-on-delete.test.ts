import { s3BucketDestroyOnDelete } from '../../../server/src/rules/s3/s3-bucket-destroy-on-delete';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const S3 = "import * as s3 from 'aws-cdk-lib/aws-s3';\n";
const CORE = "import { RemovalPolicy } from 'aws-cdk-lib';\n";
const formCases: InvalidCase[] = importForms('aws-s3', 's3', 'Bucket')
  .filter((f) => f.name !== 'CDK v1 module')
  .map((f) => {
    const core = f.filename.endsWith('.js') ? "const { RemovalPolicy } = require('aws-cdk-lib');\n" : f.name === 'cdk.aws_s3' ? '' : CORE;
    const rp = f.name === 'cdk.aws_s3' ? 'cdk.RemovalPolicy' : 'RemovalPolicy';
    return {
      name: `DESTROY, ${f.name}`,
      filename: f.filename,
      code: `${core}${f.header}new ${f.cls}(this, 'Data', { removalPolicy: ${rp}.DESTROY });\n`,
      errors: [{ messageId: 'destroy', line: core ? 3 : 2, severity: 'warning', data: { name: 'Data', autoDelete: '' } }],
      output: `${core}${f.header}new ${f.cls}(this, 'Data', { removalPolicy: ${rp}.RETAIN });\n`,
    };
  });

ruleTester(s3BucketDestroyOnDelete, {
  valid: [
    { name: "a RETAIN fallback after the caller's removal policy", filename: 'stack.ts', code: CORE + S3 + "export const make = (scope: any, props: s3.BucketProps) => new s3.Bucket(scope, 'B', { ...props, removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN });\n" },
    { name: 'a fallback chosen per environment: unknown, silent', filename: 'stack.ts', code: CORE + S3 + "declare const prod: boolean;\nexport const make = (scope: any, props: s3.BucketProps) => new s3.Bucket(scope, 'B', { ...props, removalPolicy: props.removalPolicy ?? (prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY) });\n" },
    { name: 'the default (retain)', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'B');\n" },
    { name: 'RETAIN stated', filename: 'stack.ts', code: CORE + S3 + "new s3.Bucket(this, 'B', { removalPolicy: RemovalPolicy.RETAIN });\n" },
    {
      name: 'chosen per environment: unknown, silent',
      filename: 'stack.ts',
      code: CORE + S3 + "declare const isProd: boolean;\nnew s3.Bucket(this, 'B', { removalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY, autoDeleteObjects: !isProd });\n",
    },
    { name: 'a removal policy from props', filename: 'stack.ts', code: S3 + "export function make(scope: any, p: { removalPolicy: any }) {\n  return new s3.Bucket(scope, 'B', { removalPolicy: p.removalPolicy });\n}\n" },
    { name: 'DESTROY on a queue is not this rule', filename: 'stack.ts', code: CORE + "import * as sqs from 'aws-cdk-lib/aws-sqs';\nnew sqs.Queue(this, 'Q', { removalPolicy: RemovalPolicy.DESTROY });\n" },
    { name: 'applyRemovalPolicy on something else', filename: 'stack.ts', code: CORE + "import * as logs from 'aws-cdk-lib/aws-logs';\nconst g = new logs.LogGroup(this, 'G');\ng.applyRemovalPolicy(RemovalPolicy.DESTROY);\n" },
    { name: 'autoDeleteObjects: false', filename: 'stack.ts', code: S3 + "new s3.Bucket(this, 'B', { autoDeleteObjects: false });\n" },
    {
      name: 'removal policy written on the props constant only in some branch: unknown, silent',
      filename: 'stack.ts',
      code: CORE + S3 + "export function make(scope: any, keep: boolean) {\n  const args: Record<string, unknown> = { removalPolicy: RemovalPolicy.RETAIN };\n  if (!keep) args.removalPolicy = RemovalPolicy.DESTROY;\n  return new s3.Bucket(scope, 'B', args);\n}\n",
    },
    {
      name: "a library's RETAIN default before the caller's props",
      filename: 'stack.ts',
      code: CORE + S3 + "export class Store {\n  constructor(scope: any, props?: s3.BucketProps) {\n    new s3.Bucket(scope, 'B', { removalPolicy: RemovalPolicy.RETAIN, ...props });\n  }\n}\n",
    },
    {
      name: "the caller's props first, the construct's own RETAIN after",
      filename: 'stack.ts',
      code: CORE + S3 + "export const make = (scope: any, props: s3.BucketProps) => new s3.Bucket(scope, 'B', { ...props, removalPolicy: RemovalPolicy.RETAIN, autoDeleteObjects: false });\n",
    },
    { name: "only the caller's props: nothing the library chose", filename: 'stack.ts', code: S3 + "export const make = (scope: any, props: s3.BucketProps) => new s3.Bucket(scope, 'B', { ...props });\n" },
    {
      name: "a DESTROY default the caller's spread is followed by the library's own RETAIN",
      filename: 'stack.ts',
      code: CORE + S3 + "export const make = (scope: any, props: s3.BucketProps) => new s3.Bucket(scope, 'B', { removalPolicy: RemovalPolicy.DESTROY, ...props, removalPolicy: RemovalPolicy.RETAIN });\n",
    },
  ],
  invalid: [
    {
      name: "a DESTROY fallback after the caller's removal policy, through a const",
      filename: 'stack.ts',
      code: CORE + S3 + "export function site(scope: any, props?: s3.BucketProps) {\n  const removalPolicy = props?.removalPolicy ?? RemovalPolicy.DESTROY;\n  return new s3.Bucket(scope, 'Site', { ...props, removalPolicy });\n}\n",
      errors: [{ messageId: 'destroyDefault', line: 5, data: { name: 'Site', autoDelete: '' } }],
      output: CORE + S3 + "export function site(scope: any, props?: s3.BucketProps) {\n  const removalPolicy = props?.removalPolicy ?? RemovalPolicy.RETAIN;\n  return new s3.Bucket(scope, 'Site', { ...props, removalPolicy });\n}\n",
    },
    {
      name: 'DESTROY and autoDeleteObjects fallbacks: named, no fix (removing the property would drop the caller\'s value too)',
      filename: 'stack.ts',
      code: CORE + S3 + "export const make = (scope: any, props: s3.BucketProps) =>\n  new s3.Bucket(scope, 'Cache', { removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY, autoDeleteObjects: props.autoDeleteObjects ?? true });\n",
      errors: [{ messageId: 'destroyDefault', line: 4, data: { name: 'Cache', autoDelete: ' with `autoDeleteObjects`' } }],
      output: null,
    },
    {
      name: 'an autoDeleteObjects fallback with `||`',
      filename: 'stack.ts',
      code: S3 + "export const make = (scope: any, props: s3.BucketProps) => new s3.Bucket(scope, 'Tmp', { autoDeleteObjects: props.autoDeleteObjects || true });\n",
      errors: [{ messageId: 'autoDeleteDefault', line: 2, data: { name: 'Tmp' } }],
      output: null,
    },
    {
      name: "a construct library's DESTROY default before the caller's props",
      filename: 'stack.ts',
      code: CORE + S3 + "export class Store {\n  constructor(scope: any, props?: s3.BucketProps) {\n    new s3.Bucket(scope, 'Store', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true, ...props });\n  }\n}\n",
      errors: [{ messageId: 'destroyDefault', line: 5, column: 37, data: { name: 'Store', autoDelete: ' with `autoDeleteObjects`' } }],
      output: CORE + S3 + "export class Store {\n  constructor(scope: any, props?: s3.BucketProps) {\n    new s3.Bucket(scope, 'Store', { removalPolicy: RemovalPolicy.RETAIN, ...props });\n  }\n}\n",
    },
    {
      name: 'a DESTROY default through a defaults constant spread before the props, in a Bucket subclass',
      filename: 'stack.ts',
      code: CORE + S3 + "const DEFAULTS = { removalPolicy: RemovalPolicy.DESTROY };\nexport class ScratchBucket extends s3.Bucket {\n  constructor(scope: any, id: string, props?: s3.BucketProps) {\n    super(scope, id, { ...DEFAULTS, ...props });\n  }\n}\n",
      errors: [{ messageId: 'destroyDefault', line: 3, data: { name: 'ScratchBucket', autoDelete: '' } }],
      output: CORE + S3 + "const DEFAULTS = { removalPolicy: RemovalPolicy.RETAIN };\nexport class ScratchBucket extends s3.Bucket {\n  constructor(scope: any, id: string, props?: s3.BucketProps) {\n    super(scope, id, { ...DEFAULTS, ...props });\n  }\n}\n",
    },
    {
      name: "an autoDeleteObjects default before the caller's props, with the removal policy left to them",
      filename: 'stack.ts',
      code: S3 + "export const make = (scope: any, props: s3.BucketProps) =>\n  new s3.Bucket(scope, 'Tmp', {\n    autoDeleteObjects: true,\n    ...props,\n  });\n",
      errors: [{ messageId: 'autoDeleteDefault', line: 4, data: { name: 'Tmp' } }],
      output: S3 + "export const make = (scope: any, props: s3.BucketProps) =>\n  new s3.Bucket(scope, 'Tmp', {\n    ...props,\n  });\n",
    },
    ...formCases,
    {
      name: 'DESTROY with autoDeleteObjects: one finding, both fixed together',
      filename: 'stack.ts',
      code: CORE + S3 + "new s3.Bucket(this, 'Scratch', {\n  removalPolicy: RemovalPolicy.DESTROY,\n  autoDeleteObjects: true,\n});\n",
      errors: [{ messageId: 'destroy', line: 4, column: 3, data: { autoDelete: ' with `autoDeleteObjects`' } }],
      output: CORE + S3 + "new s3.Bucket(this, 'Scratch', {\n  removalPolicy: RemovalPolicy.RETAIN,\n});\n",
    },
    {
      name: 'autoDeleteObjects with a removal policy we cannot see',
      filename: 'stack.ts',
      code: S3 + "declare const policy: any;\nnew s3.Bucket(this, 'B', { removalPolicy: policy, autoDeleteObjects: true });\n",
      errors: [{ messageId: 'autoDelete', line: 3 }],
      output: S3 + "declare const policy: any;\nnew s3.Bucket(this, 'B', { removalPolicy: policy });\n",
    },
    {
      name: 'applyRemovalPolicy(DESTROY) on a bucket held in a field',
      filename: 'stack.ts',
      code: "import * as cdk from 'aws-cdk-lib';\n" + S3 + "class Data extends cdk.Stack {\n  readonly bucket: s3.Bucket;\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    this.bucket = new s3.Bucket(this, 'Data');\n    this.bucket.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);\n  }\n}\n",
      errors: [{ messageId: 'destroy', line: 8, column: 5 }],
      output: "import * as cdk from 'aws-cdk-lib';\n" + S3 + "class Data extends cdk.Stack {\n  readonly bucket: s3.Bucket;\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    this.bucket = new s3.Bucket(this, 'Data');\n    this.bucket.applyRemovalPolicy(cdk.RemovalPolicy.RETAIN);\n  }\n}\n",
    },
    {
      name: 'DESTROY through a const spread',
      filename: 'stack.ts',
      code: CORE + S3 + "const dev = { removalPolicy: RemovalPolicy.DESTROY };\nnew s3.Bucket(this, 'B', { ...dev });\n",
      errors: [{ messageId: 'destroy', line: 3, column: 15 }],
      output: CORE + S3 + "const dev = { removalPolicy: RemovalPolicy.RETAIN };\nnew s3.Bucket(this, 'B', { ...dev });\n",
    },
    {
      name: 'L1 bucket with applyRemovalPolicy(DESTROY)',
      filename: 'stack.ts',
      code: CORE + S3 + "const raw = new s3.CfnBucket(this, 'Raw', {});\nraw.applyRemovalPolicy(RemovalPolicy.DESTROY);\n",
      errors: [{ messageId: 'destroy', line: 4, column: 1 }],
      output: CORE + S3 + "const raw = new s3.CfnBucket(this, 'Raw', {});\nraw.applyRemovalPolicy(RemovalPolicy.RETAIN);\n",
    },
  ],
});
