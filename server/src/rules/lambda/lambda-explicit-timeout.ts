import { defineRule } from '../../engine/rule';
import { addProp, CDK_GATE, constructKey, constructVisitor, propOf, refTo } from '../../engine/typescript/cdk';

export const lambdaExplicitTimeout = defineRule({
  id: 'lambda-explicit-timeout',
  meta: {
    title: 'Lambda timeout left at 3 seconds',
    description: 'A Lambda function (`Function`, `NodejsFunction`, `CfnFunction`...) without `timeout`: it gets the 3-second default.',
    rationale:
      'The default timeout is 3 seconds, too short for most functions that call other services: a slow dependency turns into timeouts and retries. Set the timeout to what the work needs (and below the caller\'s own timeout, e.g. 29 s behind API Gateway).',
    severity: 'warning',
    service: 'lambda',
    guide: 'Lambda / Timeouts and Memory',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Function {{name}} has no `timeout`: it is stopped after the 3-second default. Set it explicitly, e.g. `timeout: Duration.seconds(30)`.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'Handler', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist'), memorySize: 256 });\n" }],
      valid: [
        {
          filename: 'stack.ts',
          code: "import { Duration } from 'aws-cdk-lib';\nimport * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'Handler', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist'), timeout: Duration.seconds(30) });\n",
        },
      ],
    },
  },
  create(ctx) {
    return constructVisitor(ctx, ['function', 'cfnFunction'], (c, file) => {
      if (propOf(file, c, 'timeout').state !== 'absent') return;
      // A longer timeout changes how long (and how expensively) failures run: never unattended.
      let edits;
      if (c.kind === 'cfnFunction') edits = addProp(file, c, 'timeout: 30');
      else {
        const d = refTo(file, c, 'aws-cdk-lib', 'Duration');
        edits = d && addProp(file, c, `timeout: ${d.text}.seconds(30)`, d.edits);
      }
      ctx.report({
        messageId: 'missing',
        data: { name: c.label },
        start: c.start,
        end: c.end,
        key: constructKey(c),
        fix: edits && { title: c.kind === 'cfnFunction' ? 'Add `timeout: 30`' : 'Add `timeout: Duration.seconds(30)`', kind: 'unsafe', edits },
      });
    });
  },
});
