import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { addProp, CDK_GATE, constructKey, constructVisitor, holderOfConstruct, methodCall, propOf, propsIndent, refTo, type Construct, type Holder } from '../../engine/typescript/cdk';
import type { TsFile } from '../../engine/typescript/file';
import { detectEol, detectIndentUnit } from '../../engine/text';
import type { Fix } from '../../engine/types';

/** The guide's rules: Infrequent Access after 30 days, Glacier after 90, expire after 365. */
function lifecycleFix(file: TsFile, c: Construct): Fix | undefined {
  const indent = propsIndent(file, c);
  const unit = detectIndentUnit(file.text);
  const eol = detectEol(file.text);
  const lines = (parts: string[], open: string, close: string) =>
    indent === undefined ? `${open} ${parts.join(', ')} ${close}` : `${open}${eol}${parts.map((p) => `${indent}${unit}${p}`).join(`,${eol}`)}${eol}${indent}${close}`;
  if (c.kind === 'cfnBucket') {
    const rule = lines(
      [
        "status: 'Enabled'",
        "transitions: [{ storageClass: 'STANDARD_IA', transitionInDays: 30 }, { storageClass: 'GLACIER', transitionInDays: 90 }]",
        'expirationInDays: 365',
      ],
      '{',
      '}',
    );
    const edits = addProp(file, c, `lifecycleConfiguration: { rules: [${rule}] }`);
    return edits && { title: 'Add lifecycle rules (IA at 30 days, Glacier at 90, expire at 365)', kind: 'unsafe', edits };
  }
  const sc = refTo(file, c, 'aws-cdk-lib/aws-s3', 'StorageClass');
  const duration = refTo(file, c, 'aws-cdk-lib', 'Duration');
  if (!sc || !duration) return undefined;
  const rule = lines(
    [
      `transitions: [{ storageClass: ${sc.text}.INFREQUENT_ACCESS, transitionAfter: ${duration.text}.days(30) }, { storageClass: ${sc.text}.GLACIER, transitionAfter: ${duration.text}.days(90) }]`,
      `expiration: ${duration.text}.days(365)`,
    ],
    '{',
    '}',
  );
  const edits = addProp(file, c, `lifecycleRules: [${rule}]`, [...sc.edits, ...duration.edits]);
  return edits && { title: 'Add lifecycle rules (IA at 30 days, Glacier at 90, expire at 365)', kind: 'unsafe', edits };
}

export const s3BucketLifecycle = defineRule({
  id: 's3-bucket-lifecycle',
  meta: {
    title: 'Bucket without lifecycle rules',
    description: 'An S3 bucket with no `lifecycleRules` (L1: `lifecycleConfiguration`) and no `addLifecycleRule()` call in the file: every object stays in Standard storage forever.',
    rationale:
      'Objects that are rarely read after a few weeks cost several times less in Infrequent Access or Glacier, and objects nobody needs should expire. Without lifecycle rules storage grows and is billed at the Standard rate indefinitely.',
    severity: 'information',
    service: 's3',
    guide: 'Cost Optimization',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Bucket {{name}} has no lifecycle rules: objects stay in Standard storage forever. Transition or expire what is no longer read.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Logs', { versioned: true });\n" }],
      valid: [
        {
          filename: 'stack.ts',
          code: "import { Duration } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Logs', { lifecycleRules: [{ expiration: Duration.days(365) }] });\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = ctx.ts;
    const missing: [Holder, Construct][] = [];
    const visitor = constructVisitor(ctx, ['bucket', 'cfnBucket'], (c, f) => {
      if (propOf(f, c, c.kind === 'cfnBucket' ? 'lifecycleConfiguration' : 'lifecycleRules').state !== 'absent') return;
      missing.push([holderOfConstruct(f, c.node), c]);
    });
    if (!file || ctx.file.isTest) return visitor;
    const added = new Set<Holder>();
    const superCall = visitor.CallExpression;
    return {
      ...visitor,
      CallExpression: (node) => {
        superCall?.(node);
        const m = methodCall(file, node as ts.CallExpression);
        if (m?.method === 'addLifecycleRule' && m.holder) added.add(m.holder);
      },
      fileEnd() {
        for (const [holder, c] of missing) {
          if (added.has(holder)) continue;
          // Expiring data is a decision for the owner: offered as a suggestion only.
          const fix = lifecycleFix(file, c);
          ctx.report({ messageId: 'missing', data: { name: c.label }, start: c.start, end: c.end, key: constructKey(c), suggestions: fix ? [fix] : [] });
        }
      },
    };
  },
});
