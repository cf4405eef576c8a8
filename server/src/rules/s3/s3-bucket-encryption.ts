import { defineRule } from '../../engine/rule';
import { addProp, CDK_GATE, constructKey, constructVisitor, isExport, propOf, propRange, refTo, renameExport } from '../../engine/typescript/cdk';

const S3 = 'aws-cdk-lib/aws-s3';

export const s3BucketEncryption = defineRule({
  id: 's3-bucket-encryption',
  meta: {
    title: 'Bucket encryption not stated',
    description: 'An S3 bucket that does not state its encryption (information: S3 encrypts by default since 2023), or that asks for `BucketEncryption.UNENCRYPTED` (error).',
    rationale:
      'Since January 2023 S3 encrypts every new object with S3-managed keys (SSE-S3), so a bucket without `encryption` is encrypted; stating it keeps the choice visible in review and stops a later change from silently picking something weaker. `UNENCRYPTED` asks for what S3 no longer offers and signals a misunderstanding.',
    severity: 'information',
    service: 's3',
    guide: 'S3 / Secure Defaults',
    fix: 'safe',
    languages: ['typescript'],
    messages: {
      missing: 'Bucket {{name}} does not state its encryption. S3 applies SSE-S3 by default; write `encryption: BucketEncryption.S3_MANAGED` (or KMS) so the choice is explicit.',
      unencrypted: 'Bucket {{name}} asks for `BucketEncryption.UNENCRYPTED`. Data at rest should be encrypted; use `S3_MANAGED` or a KMS key.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Uploads', { versioned: true });\n" }],
      valid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Uploads', { encryption: s3.BucketEncryption.S3_MANAGED });\n" }],
    },
  },
  create(ctx) {
    return constructVisitor(ctx, ['bucket', 'cfnBucket'], (c, file) => {
      const data = { name: c.label };
      const key = constructKey(c);
      if (c.kind === 'cfnBucket') {
        const enc = propOf(file, c, 'bucketEncryption');
        if (enc.state !== 'absent') return;
        const edits = addProp(file, c, "bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] }");
        ctx.report({ messageId: 'missing', data, start: c.start, end: c.end, key, fix: edits && { title: 'Add SSE-S3 `bucketEncryption`', kind: 'safe', edits } });
        return;
      }
      const enc = propOf(file, c, 'encryption');
      if (enc.state === 'unknown') return;
      if (enc.state === 'present') {
        if (!isExport(enc.value, S3, 'BucketEncryption', 'UNENCRYPTED')) return;
        const edit = renameExport(enc.value, 'S3_MANAGED');
        ctx.report({
          messageId: 'unencrypted',
          data,
          severity: 'error',
          ...propRange(file, enc.prop),
          key,
          // S3 encrypts with SSE-S3 whatever UNENCRYPTED says: naming it changes nothing deployed.
          fix: edit && { title: 'Use `BucketEncryption.S3_MANAGED`', kind: 'safe', edits: [edit] },
        });
        return;
      }
      const key2 = propOf(file, c, 'encryptionKey');
      if (key2.state !== 'absent') return; // a KMS key implies KMS encryption
      const ref = refTo(file, c, S3, 'BucketEncryption');
      const edits = ref && addProp(file, c, `encryption: ${ref.text}.S3_MANAGED`, ref.edits);
      ctx.report({ messageId: 'missing', data, start: c.start, end: c.end, key, fix: edits && { title: 'Add `encryption: BucketEncryption.S3_MANAGED`', kind: 'safe', edits } });
    });
  },
});
