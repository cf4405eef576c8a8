import { defineRule } from '../../engine/rule';
import { addProp, CDK_GATE, constructKey, constructVisitor, propOf, propRange, replaceValue } from '../../engine/typescript/cdk';

const WEBSITE_PROPS = ['websiteIndexDocument', 'websiteErrorDocument', 'websiteRedirect', 'websiteRoutingRules'];

export const s3BucketEnforceSsl = defineRule({
  id: 's3-bucket-enforce-ssl',
  meta: {
    title: 'Bucket accepts plain HTTP',
    description: 'An S3 bucket without `enforceSSL: true`: nothing rejects requests over plain HTTP by default.',
    rationale:
      'S3 answers plain HTTP requests unless a bucket policy denies `aws:SecureTransport: false`. `enforceSSL: true` adds that policy, so credentials and data never cross the network unencrypted. ' +
      'Buckets configured for static website hosting (`websiteIndexDocument`, `websiteRedirect`...) are left alone: the S3 website endpoint serves plain HTTP only, so the policy would break the site; put CloudFront in front for HTTPS.',
    severity: 'warning',
    service: 's3',
    guide: 'S3 / Secure Defaults',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Bucket {{name}} accepts plain HTTP requests: nothing enforces TLS by default. Add `enforceSSL: true`.',
      disabled: 'Bucket {{name}} sets `enforceSSL: false`, so plain HTTP requests are accepted. Set it to `true`.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Uploads', { versioned: true });\n" }],
      valid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Uploads', { enforceSSL: true });\n" }],
    },
  },
  create(ctx) {
    // A file that writes its own `aws:SecureTransport` policy handles TLS itself.
    const handlesTlsItself = ctx.file.text.includes('aws:SecureTransport');
    return constructVisitor(ctx, ['bucket'], (c, file) => {
      // S3 website endpoints speak plain HTTP only: denying it would take the site down. HTTPS for
      // such a site comes from CloudFront in front of it, not from the bucket policy.
      if (WEBSITE_PROPS.some((name) => propOf(file, c, name).state === 'present')) return;
      const s = propOf(file, c, 'enforceSSL');
      const data = { name: c.label };
      const key = constructKey(c);
      // Rejecting HTTP changes behaviour for any client still using it: offered, never applied unattended.
      if (s.state === 'present') {
        if (s.value.kind !== 'boolean' || s.value.value) return;
        const edits = replaceValue(file, s.prop, 'true');
        ctx.report({ messageId: 'disabled', data, ...propRange(file, s.prop), key, fix: edits && { title: 'Set `enforceSSL: true`', kind: 'unsafe', edits } });
        return;
      }
      if (s.state !== 'absent' || handlesTlsItself) return;
      const edits = addProp(file, c, 'enforceSSL: true');
      ctx.report({ messageId: 'missing', data, start: c.start, end: c.end, key, fix: edits && { title: 'Add `enforceSSL: true`', kind: 'unsafe', edits } });
    });
  },
});
