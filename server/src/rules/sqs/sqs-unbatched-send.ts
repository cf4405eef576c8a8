import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { indentAt } from '../../engine/text';
import type { Fix } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import { importRef } from '../../engine/typescript/edits';
import type { TsFile } from '../../engine/typescript/file';
import { fileStyle } from '../../engine/typescript/hoist';
import { isValueReference } from '../../engine/typescript/flow';
import { scopeFacts, type LoopInfo } from '../../engine/typescript/scopes';
import { SDK_GATE, sdkFacts, type SdkOperation } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

export const sqsUnbatchedSend = defineRule({
  id: 'sqs-unbatched-send',
  meta: {
    title: 'SQS message sent one by one in a loop',
    description: 'A `SendMessage` (v3 command, aggregated client or SDK v2) is sent inside a loop (`for`, `for…of`, `while`, `forEach`, `map` with `Promise.all`) to the same queue.',
    rationale:
      'Each SendMessage is a separate request: sending items one by one in a loop costs one API call (and one round trip) per message. `SendMessageBatch` sends up to 10 messages per request, cutting requests and cost by up to ten times. Loops that send to a different queue on each iteration, and retry loops around one send, are not reported.',
    severity: 'warning',
    service: 'sqs',
    guide: 'SQS / Producer Pattern',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      sendInLoop: 'SendMessage is called once per item of this {{loop}}: one request per message. Build the entries and send them with SendMessageBatch, 10 per request.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'producer.ts',
          code: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';\n\nexport async function publish(items: unknown[]) {\n  for (const item of items) {\n    await sqs.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: JSON.stringify(item) }));\n  }\n}\n",
        },
      ],
      valid: [
        {
          filename: 'producer.ts',
          code: "import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';\n\nexport async function publish(items: unknown[]) {\n  const entries = items.map((item, i) => ({ Id: String(i), MessageBody: JSON.stringify(item) }));\n  for (let i = 0; i < entries.length; i += 10) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: entries.slice(i, i + 10) }));\n  }\n}\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const sdk = sdkFacts(file);
    const scopes = scopeFacts(file);
    return {
      CallExpression(n) {
        const op = sdk.operationOf(n as ts.CallExpression);
        if (!op || op.service !== 'sqs' || op.operation !== 'SendMessage') return;
        const loop = scopes.loopOf(op.call);
        if (!loop) return;
        const props = op.input && file.objectProps(op.input);
        const queue = props?.get('QueueUrl');
        if (!queue || queue === 'unknown' || !queue.value) return;
        // A queue chosen per item cannot share a batch.
        if (varies(file, queue.value, loop.perIteration, 0)) return;
        const callee = op.call.expression;
        ctx.report({
          messageId: 'sendInLoop',
          data: { loop: loopName(loop) },
          start: callee.getStart(file.sourceFile),
          end: callee.getEnd(),
          suggestions: batchRewrite(file, op, loop),
        });
      },
    };
  },
});

function loopName(loop: LoopInfo): string {
  switch (loop.kind) {
    case 'for-of':
      return 'for…of loop';
    case 'for-in':
      return 'for…in loop';
    case 'for-await':
      return 'for await loop';
    case 'callback': {
      const callee = (loop.node as ts.CallExpression).expression;
      return `${ts.isPropertyAccessExpression(callee) ? callee.name.text : 'iteration'} callback`;
    }
    case 'caller':
      return 'function, which is only called in loops,';
    default:
      return `${loop.kind} loop`;
  }
}

/** Whether `expr` uses a binding declared inside `scope` (a loop variable, a per-item local, a parameter of the per-item function). */
function varies(file: TsFile, expr: ts.Node, scope: ts.Node, depth: number): boolean {
  if (depth > 5) return true;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && isValueReference(n)) {
      const decl = file.declarationOf(n);
      if (decl && decl.node.pos >= scope.pos && decl.node.end <= scope.end) {
        if (decl.kind === 'variable' && decl.isConst && decl.node.initializer && !varies(file, decl.node.initializer, scope, depth + 1)) return;
        found = true;
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

/**
 * The simple `for (const item of items) { await client.send(new SendMessageCommand({...})); }`
 * becomes the guide's producer pattern: entries mapped from the items, sent 10 per SendMessageBatch.
 * Offered as a suggestion: a batch reports per-message failures in `Failed` instead of throwing.
 */
function batchRewrite(file: TsFile, op: SdkOperation, loop: LoopInfo): Fix[] {
  if (loop.kind !== 'for-of' || !op.command || op.command.node.arguments?.length !== 1) return [];
  const forOf = loop.node as ts.ForOfStatement;
  const decls = forOf.initializer;
  if (!ts.isVariableDeclarationList(decls) || decls.declarations.length !== 1 || !ts.isIdentifier(decls.declarations[0].name)) return [];
  const item = decls.declarations[0].name.text;
  const body = ts.isBlock(forOf.statement) ? forOf.statement.statements : [forOf.statement];
  if (body.length !== 1 || !ts.isExpressionStatement(body[0])) return [];
  const awaited = unwrap(body[0].expression);
  if (!ts.isAwaitExpression(awaited) || unwrap(awaited.expression) !== op.call) return [];
  const input = op.input && unwrap(op.input);
  if (!input || !ts.isObjectLiteralExpression(input) || input.properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return [];
  const queueProp = input.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'QueueUrl');
  if (!queueProp) return [];
  const entryProps = input.properties.filter((p) => p !== queueProp);
  if (entryProps.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'Id')) return [];
  if (['entries', 'i'].some((name) => file.bindings.declarationOf(name, forOf) || mentionsName(forOf, name))) return [];
  const batch = importRef(file, op.command.module, 'SendMessageBatchCommand');
  const callee = unwrap(op.call.expression);
  if (!batch || !ts.isPropertyAccessExpression(callee)) return [];
  const sf = file.sourceFile;
  const style = fileStyle(file);
  const indent = indentAt(file.text, forOf.getStart(sf));
  const inner = indent + style.indentUnit;
  const semi = style.semi;
  const entryText = entryProps.map((p) => p.getText(sf)).join(', ');
  const queueText = queueProp.getText(sf);
  const items = forOf.expression.getText(sf);
  const client = callee.expression.getText(sf);
  const text =
    `const entries = ${items}.map((${item}, i) => ({ Id: String(i), ${entryText} }))${semi}${style.eol}` +
    `${indent}for (let i = 0; i < entries.length; i += 10) {${style.eol}` +
    `${inner}await ${client}.send(new ${batch.text}({ ${queueText}, Entries: entries.slice(i, i + 10) }))${semi}${style.eol}` +
    `${indent}}`;
  return [{ title: 'Send the messages with SendMessageBatch, 10 per request', kind: 'unsafe', edits: [...batch.edits, { start: forOf.getStart(sf), end: forOf.getEnd(), newText: text }] }];
}

function mentionsName(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}
