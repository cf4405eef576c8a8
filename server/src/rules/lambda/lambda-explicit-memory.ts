import { defineRule } from '../../engine/rule';
import { addProp, CDK_GATE, constructKey, constructVisitor, propOf } from '../../engine/typescript/cdk';

export const lambdaExplicitMemory = defineRule({
  id: 'lambda-explicit-memory',
  meta: {
    title: 'Lambda memory left at 128 MB',
    description: 'A Lambda function without `memorySize`: it gets the 128 MB default, and the CPU share that comes with it.',
    rationale:
      'Lambda allocates CPU in proportion to memory. At the 128 MB default most Node.js functions run slowly (cold starts included) and can cost more in duration than a larger size would. Choose the size deliberately (256 MB is a sound start) and tune it with measurements.',
    severity: 'warning',
    service: 'lambda',
    guide: 'Lambda / Timeouts and Memory',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Function {{name}} has no `memorySize`: it runs with 128 MB and the small CPU share that comes with it. Set it explicitly, e.g. `memorySize: 256`.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nnew NodejsFunction(this, 'Api', { entry: 'src/api.ts' });\n" }],
      valid: [{ filename: 'stack.ts', code: "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nnew NodejsFunction(this, 'Api', { entry: 'src/api.ts', memorySize: 256 });\n" }],
    },
  },
  create(ctx) {
    return constructVisitor(ctx, ['function', 'cfnFunction'], (c, file) => {
      if (propOf(file, c, 'memorySize').state !== 'absent') return;
      // More memory costs more per millisecond: a cost decision, never unattended.
      const edits = addProp(file, c, 'memorySize: 256');
      ctx.report({ messageId: 'missing', data: { name: c.label }, start: c.start, end: c.end, key: constructKey(c), fix: edits && { title: 'Add `memorySize: 256`', kind: 'unsafe', edits } });
    });
  },
});
