import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { CDK_GATE, constructKey, constructVisitor, holderOfConstruct, isExport, methodCall, propOrDefault, propRange, renameExport, type Construct, type Holder } from '../../engine/typescript/cdk';
import { removeProperty } from '../../engine/typescript/edits';
import type { TextEdit } from '../../engine/types';

const DESTROY: [string, ...string[]] = ['aws-cdk-lib', 'RemovalPolicy', 'DESTROY'];

export const s3BucketDestroyOnDelete = defineRule({
  id: 's3-bucket-destroy-on-delete',
  meta: {
    title: 'Bucket deleted with its stack',
    description: 'An S3 bucket with `removalPolicy: RemovalPolicy.DESTROY`, `applyRemovalPolicy(RemovalPolicy.DESTROY)` or `autoDeleteObjects: true`: deleting or renaming the stack deletes the data.',
    rationale:
      'CDK retains buckets by default because a stack deletion, a logical-ID change or a mistaken `cdk destroy` would otherwise wipe the data, and `autoDeleteObjects` empties the bucket first. Keep `RemovalPolicy.RETAIN` for anything that holds data you cannot regenerate; reserve DESTROY for throwaway dev stacks, chosen per environment.',
    severity: 'warning',
    service: 's3',
    guide: 'S3 / Secure Defaults',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      destroy: 'Bucket {{name}} is deleted with its stack (`RemovalPolicy.DESTROY`{{autoDelete}}): a stack deletion or replacement loses the data. Use `RemovalPolicy.RETAIN`.',
      autoDelete: 'Bucket {{name}} sets `autoDeleteObjects: true`: deleting the stack empties the bucket. Remove it unless this bucket holds only throwaway data.',
      destroyDefault:
        'Bucket {{name}} defaults to `RemovalPolicy.DESTROY`{{autoDelete}} (the props its caller passes may override it): for every caller that does not set a removal policy, a stack deletion or replacement loses the data. Make `RemovalPolicy.RETAIN` the default.',
      autoDeleteDefault:
        'Bucket {{name}} defaults to `autoDeleteObjects: true` (the props its caller passes may override it): for every caller that does not set it, deleting the stack empties the bucket. Remove it unless the bucket only ever holds throwaway data.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import { RemovalPolicy } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Data', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true });\n" }],
      valid: [{ filename: 'stack.ts', code: "import { RemovalPolicy } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Data', { removalPolicy: RemovalPolicy.RETAIN });\n" }],
    },
  },
  create(ctx) {
    const file = ctx.ts;
    const buckets = new Map<Holder, Construct>();
    const applied: { holder: Holder; arg: ts.Expression; call: ts.CallExpression }[] = [];
    const visitor = constructVisitor(ctx, ['bucket', 'cfnBucket'], (c, f) => {
      buckets.set(holderOfConstruct(f, c.node), c);
      if (c.kind !== 'bucket') return;
      const data = { name: c.label };
      const key = constructKey(c);
      const rp = propOrDefault(f, c, 'removalPolicy');
      const ad = propOrDefault(f, c, 'autoDeleteObjects');
      const autoDelete = ad.state === 'present' && ad.value.kind === 'boolean' && ad.value.value ? ad : undefined;
      // Retaining keeps data (and cost) that the author meant to drop: a choice, never unattended.
      if (rp.state === 'present' && isExport(rp.value, ...DESTROY)) {
        const rename = renameExport(rp.value, 'RETAIN');
        // A fallback (`props.autoDeleteObjects ?? true`) is not removed: the caller's value goes with it.
        const drop = autoDelete && autoDelete.byDefault !== 'fallback' ? removeProperty(f, autoDelete.prop.literal, autoDelete.prop.node) : undefined;
        const edits: TextEdit[] | undefined = rename && (!autoDelete || drop) ? [rename, ...(drop ?? [])] : undefined;
        ctx.report({
          messageId: rp.byDefault ? 'destroyDefault' : 'destroy',
          data: { ...data, autoDelete: autoDelete ? ' with `autoDeleteObjects`' : '' },
          ...propRange(f, rp.prop),
          key,
          fix: edits && { title: autoDelete ? 'Use `RemovalPolicy.RETAIN` and drop `autoDeleteObjects`' : 'Use `RemovalPolicy.RETAIN`', kind: 'unsafe', edits },
        });
        return;
      }
      if (!autoDelete) return;
      // With DESTROY out of sight (a ternary, a parameter), only the object deletion is certain.
      const drop = autoDelete.byDefault !== 'fallback' ? removeProperty(f, autoDelete.prop.literal, autoDelete.prop.node) : undefined;
      ctx.report({ messageId: autoDelete.byDefault ? 'autoDeleteDefault' : 'autoDelete', data, ...propRange(f, autoDelete.prop), key, fix: drop && { title: 'Remove `autoDeleteObjects`', kind: 'unsafe', edits: drop } });
    });
    if (!file || ctx.file.isTest) return visitor;
    const superCall = visitor.CallExpression;
    return {
      ...visitor,
      CallExpression: (node) => {
        superCall?.(node);
        const call = node as ts.CallExpression;
        const m = methodCall(file, call);
        if (m?.method === 'applyRemovalPolicy' && m.holder && call.arguments[0]) applied.push({ holder: m.holder, arg: call.arguments[0], call });
      },
      fileEnd() {
        for (const a of applied) {
          const c = buckets.get(a.holder);
          const v = file.evaluate(a.arg);
          if (!c || !isExport(v, ...DESTROY)) continue;
          const rename = renameExport(v, 'RETAIN');
          ctx.report({
            messageId: 'destroy',
            data: { name: c.label, autoDelete: '' },
            start: a.call.getStart(file.sourceFile),
            end: a.call.getEnd(),
            key: `${constructKey(c)}::applyRemovalPolicy`,
            fix: rename && { title: 'Use `RemovalPolicy.RETAIN`', kind: 'unsafe', edits: [rename] },
          });
        }
      },
    };
  },
});

