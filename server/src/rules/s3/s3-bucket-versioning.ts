import { defineRule } from '../../engine/rule';
import { stringLiteral } from '../../engine/typescript/edits';
import { addProp, CDK_GATE, constructKey, constructVisitor, propOf, propRange, replaceValue } from '../../engine/typescript/cdk';

export const s3BucketVersioning = defineRule({
  id: 's3-bucket-versioning',
  meta: {
    title: 'Bucket without versioning',
    description: 'An S3 bucket without `versioned: true` (L1: `versioningConfiguration` status `Enabled`): an overwrite or delete cannot be undone.',
    rationale:
      'Without versioning, a PutObject over an existing key or a DeleteObject destroys the only copy. Versioning keeps prior versions so mistakes and ransomware can be rolled back; pair it with a lifecycle rule that expires noncurrent versions to bound the cost.',
    severity: 'warning',
    service: 's3',
    guide: 'S3 / Secure Defaults',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Bucket {{name}} is not versioned: an overwrite or delete loses the only copy. Add `versioned: true`.',
      disabled: 'Bucket {{name}} turns versioning off explicitly: an overwrite or delete loses the only copy. Enable it.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Uploads', { enforceSSL: true });\n" }],
      valid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Uploads', { versioned: true });\n" }],
    },
  },
  create(ctx) {
    // Versioning keeps every overwritten object: storage cost changes, so fixes are never unattended.
    return constructVisitor(ctx, ['bucket', 'cfnBucket'], (c, file) => {
      const data = { name: c.label };
      const key = constructKey(c);
      if (c.kind === 'cfnBucket') {
        const s = propOf(file, c, 'versioningConfiguration');
        if (s.state === 'unknown') return;
        if (s.state === 'present') {
          const obj = s.prop.value && file.objectProps(s.prop.value);
          const status = obj?.get('status');
          if (!status || status === 'unknown') return;
          const v = file.evaluate(status.value);
          if (v.kind !== 'string' || v.value !== 'Suspended') return;
          const edits = replaceValue(file, status, stringLiteral(file, 'Enabled'));
          ctx.report({ messageId: 'disabled', data, ...propRange(file, s.prop), key, fix: edits && { title: "Set versioning status to 'Enabled'", kind: 'unsafe', edits } });
          return;
        }
        const edits = addProp(file, c, "versioningConfiguration: { status: 'Enabled' }");
        ctx.report({ messageId: 'missing', data, start: c.start, end: c.end, key, fix: edits && { title: 'Add `versioningConfiguration`', kind: 'unsafe', edits } });
        return;
      }
      const s = propOf(file, c, 'versioned');
      if (s.state === 'unknown') return;
      if (s.state === 'present') {
        if (s.value.kind !== 'boolean' || s.value.value) return;
        const edits = replaceValue(file, s.prop, 'true');
        ctx.report({ messageId: 'disabled', data, ...propRange(file, s.prop), key, fix: edits && { title: 'Set `versioned: true`', kind: 'unsafe', edits } });
        return;
      }
      const edits = addProp(file, c, 'versioned: true');
      ctx.report({ messageId: 'missing', data, start: c.start, end: c.end, key, fix: edits && { title: 'Add `versioned: true`', kind: 'unsafe', edits } });
    });
  },
});
