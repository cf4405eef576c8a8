import { defineRule } from '../../engine/rule';
import { addProp, anyPropOf, CDK_GATE, constructKey, constructVisitor, isExport, propRange, refTo, renameExport, replaceValue } from '../../engine/typescript/cdk';
import { stringLiteral } from '../../engine/typescript/edits';

const LAMBDA = 'aws-cdk-lib/aws-lambda';

export const lambdaArm64 = defineRule({
  id: 'lambda-arm64',
  meta: {
    title: 'Lambda not on Graviton (arm64)',
    description: 'A Lambda function that does not run on `Architecture.ARM_64` (no `architecture`, or an explicit x86_64).',
    rationale:
      'Lambda on Graviton (arm64) costs about 20% less per GB-second than x86_64 and is as fast or faster for most Node.js and Python code. Only native dependencies built for x86 keep a function there.',
    severity: 'information',
    service: 'lambda',
    guide: 'Cost Optimization',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Function {{name}} runs on x86_64 (the default). `architecture: Architecture.ARM_64` is about 20% cheaper unless a native dependency needs x86.',
      x86: 'Function {{name}} is pinned to x86_64. Unless a native dependency needs it, `Architecture.ARM_64` is about 20% cheaper.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nnew NodejsFunction(this, 'Api', { entry: 'src/api.ts' });\n" }],
      valid: [
        {
          filename: 'stack.ts',
          code: "import { Architecture } from 'aws-cdk-lib/aws-lambda';\nimport { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nnew NodejsFunction(this, 'Api', { entry: 'src/api.ts', architecture: Architecture.ARM_64 });\n",
        },
      ],
    },
  },
  create(ctx) {
    return constructVisitor(ctx, ['function', 'cfnFunction'], (c, file) => {
      const data = { name: c.label };
      const key = constructKey(c);
      // Native modules built for x86 break on arm64, and a container image must be rebuilt for it.
      const canFix = c.className !== 'DockerImageFunction';
      if (c.kind === 'cfnFunction') {
        const s = anyPropOf(file, c, ['architectures']);
        if (s.state === 'unknown') return;
        if (s.state === 'present') {
          const items = s.value.kind === 'array' ? s.value.node.elements.map((e) => file.evaluate(e)) : undefined;
          if (!items || items.length !== 1 || items[0].kind !== 'string' || items[0].value !== 'x86_64') return;
          const edits = replaceValue(file, s.prop, `[${stringLiteral(file, 'arm64')}]`);
          ctx.report({ messageId: 'x86', data, ...propRange(file, s.prop), key, fix: edits && { title: "Use `architectures: ['arm64']`", kind: 'unsafe', edits } });
          return;
        }
        const edits = addProp(file, c, `architectures: [${stringLiteral(file, 'arm64')}]`);
        ctx.report({ messageId: 'missing', data, start: c.start, end: c.end, key, fix: edits && { title: "Add `architectures: ['arm64']`", kind: 'unsafe', edits } });
        return;
      }
      const s = anyPropOf(file, c, ['architecture', 'architectures']);
      if (s.state === 'unknown') return;
      if (s.state === 'present') {
        const values = s.name === 'architectures' ? (s.value.kind === 'array' ? s.value.node.elements.map((e) => file.evaluate(e)) : []) : [s.value];
        if (values.length !== 1 || !isExport(values[0], LAMBDA, 'Architecture', 'X86_64')) return;
        const edit = canFix ? renameExport(values[0], 'ARM_64') : undefined;
        ctx.report({ messageId: 'x86', data, ...propRange(file, s.prop), key, fix: edit && { title: 'Use `Architecture.ARM_64`', kind: 'unsafe', edits: [edit] } });
        return;
      }
      const ref = canFix ? refTo(file, c, LAMBDA, 'Architecture') : undefined;
      const edits = ref && addProp(file, c, `architecture: ${ref.text}.ARM_64`, ref.edits);
      ctx.report({ messageId: 'missing', data, start: c.start, end: c.end, key, fix: edits && { title: 'Add `architecture: Architecture.ARM_64`', kind: 'unsafe', edits } });
    });
  },
});
