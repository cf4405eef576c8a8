import { defineRule } from '../../engine/rule';
import { addProp, CDK_GATE, constructKey, constructVisitor, propOf } from '../../engine/typescript/cdk';

export const lambdaReservedConcurrency = defineRule({
  id: 'lambda-reserved-concurrency',
  meta: {
    title: 'Lambda concurrency unbounded',
    description: 'A Lambda function without `reservedConcurrentExecutions`: it can scale until it takes the whole account concurrency (or floods what it calls).',
    rationale:
      'A traffic spike or a retry storm lets one function use all of the account\'s concurrency, throttling every other function, and can overwhelm a database behind it. Reserving concurrency caps the function and guarantees it that capacity.',
    severity: 'information',
    service: 'lambda',
    guide: 'Lambda / Timeouts and Memory',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Function {{name}} has no `reservedConcurrentExecutions`: its scaling is bounded only by the account limit. Reserve a concurrency that fits what it calls.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nnew NodejsFunction(this, 'Worker', { entry: 'src/worker.ts' });\n" }],
      valid: [{ filename: 'stack.ts', code: "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nnew NodejsFunction(this, 'Worker', { entry: 'src/worker.ts', reservedConcurrentExecutions: 10 });\n" }],
    },
  },
  create(ctx) {
    return constructVisitor(ctx, ['function', 'cfnFunction'], (c, file) => {
      if (propOf(file, c, 'reservedConcurrentExecutions').state !== 'absent') return;
      // The value is a placeholder to size, and a cap throttles: a suggestion, never a fix.
      const edits = addProp(file, c, 'reservedConcurrentExecutions: 10');
      ctx.report({
        messageId: 'missing',
        data: { name: c.label },
        start: c.start,
        end: c.end,
        key: constructKey(c),
        suggestions: edits ? [{ title: 'Add `reservedConcurrentExecutions: 10` (a placeholder to size)', kind: 'unsafe', edits }] : [],
      });
    });
  },
});
