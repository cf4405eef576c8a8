import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import { insertProperty, stringLiteral } from '../../engine/typescript/edits';
import type { TsFile } from '../../engine/typescript/file';
import { SDK_GATE, sdkFacts } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

export const sqsFifoMissingGroupId = defineRule({
  id: 'sqs-fifo-missing-group-id',
  meta: {
    title: 'FIFO send without MessageGroupId',
    description: 'A message is sent to a queue whose URL ends in `.fifo` without a `MessageGroupId`.',
    rationale:
      'FIFO queues require a message group ID on every message: SQS rejects the send (`MissingParameter`). The group decides ordering and parallelism: messages of one group are delivered in order, one at a time, so pick a key such as the customer or order ID.',
    severity: 'error',
    service: 'sqs',
    guide: 'SQS / Producer Pattern',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missingGroupId: 'The queue is a FIFO queue (its URL ends in .fifo) and this message has no MessageGroupId: SQS rejects it.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'producer.ts',
          code: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo';\n\nexport const publish = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body }));\n",
        },
      ],
      valid: [
        {
          filename: 'producer.ts',
          code: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo';\n\nexport const publish = (orderId: string, body: string) =>\n  sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: body, MessageGroupId: orderId }));\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file || !file.text.includes('.fifo')) return {};
    const sdk = sdkFacts(file);
    const addGroupId = (literal: ts.ObjectLiteralExpression): Fix[] => {
      const edits = insertProperty(file, literal, `MessageGroupId: ${stringLiteral(file, 'default')}`);
      return edits ? [{ title: 'Add `MessageGroupId` (one group orders every message; edit the placeholder)', kind: 'unsafe', edits }] : [];
    };
    return {
      CallExpression(n) {
        const op = sdk.operationOf(n as ts.CallExpression);
        if (!op || op.service !== 'sqs' || (op.operation !== 'SendMessage' && op.operation !== 'SendMessageBatch') || !op.input) return;
        const props = file.objectProps(op.input);
        const queue = props?.get('QueueUrl');
        if (!props || !queue || queue === 'unknown' || !queue.value || !isFifoUrl(file, queue.value, 0)) return;
        if (op.operation === 'SendMessage') {
          if (props.get('MessageGroupId') !== undefined) return;
          const callee = op.call.expression;
          ctx.report({ messageId: 'missingGroupId', start: callee.getStart(file.sourceFile), end: callee.getEnd(), suggestions: addGroupId(props.literal) });
          return;
        }
        const entries = props.get('Entries');
        if (!entries || entries === 'unknown' || !entries.value) return;
        for (const entry of entryLiterals(file, entries.value)) {
          const entryProps = file.objectProps(entry);
          if (!entryProps || entryProps.get('MessageGroupId') !== undefined) continue;
          ctx.report({ messageId: 'missingGroupId', start: entry.getStart(file.sourceFile), end: entry.getEnd(), suggestions: addGroupId(entry) });
        }
      },
    };
  },
});

/** A queue URL known to end in `.fifo`: a literal, a template or concatenation ending so, or a const holding one. */
function isFifoUrl(file: TsFile, expr: ts.Expression, depth: number): boolean {
  if (depth > 6) return false;
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return e.text.endsWith('.fifo');
  if (ts.isTemplateExpression(e)) return e.templateSpans[e.templateSpans.length - 1].literal.text.endsWith('.fifo');
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return isFifoUrl(file, e.right, depth + 1);
  if (ts.isIdentifier(e)) {
    const target = file.resolveExpression(e);
    return !!target && target !== e && isFifoUrl(file, target, depth + 1);
  }
  const v = file.evaluate(e);
  return v.kind === 'string' && v.value.endsWith('.fifo');
}

/** The entry object literals: written in the array, or returned by the `map` callback that builds it. */
function entryLiterals(file: TsFile, expr: ts.Expression): ts.ObjectLiteralExpression[] {
  let e = file.resolveExpression(expr);
  // `entries.slice(i, i + 10)`: the entries of the sliced array.
  for (let i = 0; i < 4 && e && ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'slice'; i++) e = file.resolveExpression(e.expression.expression);
  if (!e) return [];
  if (ts.isArrayLiteralExpression(e)) return e.elements.map((el) => unwrap(el as ts.Expression)).filter(ts.isObjectLiteralExpression);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'map') {
    const fn = e.arguments[0] && unwrap(e.arguments[0]);
    if (fn && ts.isArrowFunction(fn)) {
      const body = unwrap(fn.body as ts.Expression);
      if (ts.isObjectLiteralExpression(body)) return [body];
      if (ts.isBlock(fn.body)) {
        const returns = fn.body.statements.filter(ts.isReturnStatement).map((r) => r.expression && unwrap(r.expression));
        return returns.filter((r): r is ts.ObjectLiteralExpression => !!r && ts.isObjectLiteralExpression(r));
      }
    }
  }
  return [];
}
