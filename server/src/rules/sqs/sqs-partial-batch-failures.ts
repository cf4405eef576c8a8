import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import { appendObjectArgument, insertProperty } from '../../engine/typescript/edits';
import type { TsFile } from '../../engine/typescript/file';
import type { LambdaHandler } from '../../engine/typescript/handlers';
import { isBoundary, scopeFacts } from '../../engine/typescript/scopes';
import { applicationCode } from '../applicationCode';

/** Libraries that build the partial batch response for the handler. */
const BATCH_LIBRARIES = ['@aws-lambda-powertools/batch', '@middy/sqs-partial-batch-failure'];
const OTHER_RECORD_KINDS = new Set(['Sns', 's3', 'kinesis', 'dynamodb', 'eventSourceARN_kinesis']);
const SQS_RECORD_FIELDS = new Set(['body', 'receiptHandle', 'messageId', 'messageAttributes', 'md5OfBody']);

export const sqsPartialBatchFailures = defineRule({
  id: 'sqs-partial-batch-failures',
  meta: {
    title: 'SQS batch without partial failure reporting',
    description: 'An SQS-triggered handler processes `event.Records` without returning `batchItemFailures`, or a CDK `SqsEventSource` lacks `reportBatchItemFailures: true`.',
    rationale:
      'Without partial batch responses, one failing message fails the whole batch: every message in it is retried, including those already processed (duplicate side effects), until they all succeed or reach the dead-letter queue together. Returning `{ batchItemFailures }` with the failed message IDs, and enabling `reportBatchItemFailures` on the event source, retries only the failures. Both sides are needed: Lambda ignores the response unless the event source reports item failures.',
    severity: 'warning',
    service: 'sqs',
    guide: 'SQS / Consumer Pattern',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      handlerWithoutFailures: '{{handler}} processes a batch of SQS records without returning batchItemFailures: a failing message either fails the whole batch (every message is retried) or, if its error is caught, is lost. Return the failed message IDs.',
      eventSourceWithoutReport: 'This SqsEventSource does not set `reportBatchItemFailures: true`: Lambda ignores partial batch responses and retries whole batches.',
    },
    gate: /Records|SqsEventSource/,
    examples: {
      invalid: [
        {
          filename: 'consumer.ts',
          code: "import type { SQSEvent } from 'aws-lambda';\n\nexport const handler = async (event: SQSEvent) => {\n  for (const record of event.Records) {\n    await process(JSON.parse(record.body));\n  }\n};\n\ndeclare function process(body: unknown): Promise<void>;\n",
        },
      ],
      valid: [
        {
          filename: 'consumer.ts',
          code: "import type { SQSBatchItemFailure, SQSEvent } from 'aws-lambda';\n\nexport const handler = async (event: SQSEvent) => {\n  const failures: SQSBatchItemFailure[] = [];\n  for (const record of event.Records) {\n    try {\n      await process(JSON.parse(record.body));\n    } catch (error) {\n      console.error(`Failed: ${record.messageId}`, error);\n      failures.push({ itemIdentifier: record.messageId });\n    }\n  }\n  return { batchItemFailures: failures };\n};\n\ndeclare function process(body: unknown): Promise<void>;\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    return {
      NewExpression(n) {
        const node = n as ts.NewExpression;
        if (!file.isSymbol(node.expression, 'aws-cdk-lib/aws-lambda-event-sources', 'SqsEventSource')) return;
        const propsArg = node.arguments?.[1];
        if (!propsArg) {
          const edits = node.arguments?.length === 1 ? appendObjectArgument(file, node, 'reportBatchItemFailures: true') : undefined;
          report(node.expression, edits && { title: 'Add `reportBatchItemFailures: true`', kind: 'unsafe', edits });
          return;
        }
        const branches = file.objectPropsBranches(propsArg);
        if (!branches) return;
        if (branches.length > 1) {
          // `props.batchSize ? { batchSize: props.batchSize } : {}`: reported when no branch can turn it on.
          if (!branches.every((b) => b.get('reportBatchItemFailures') === undefined)) return;
          const literals = [...new Set(branches.map((b) => b.literal))];
          const parts = literals.map((l) => insertProperty(file, l, 'reportBatchItemFailures: true'));
          const edits = parts.every((e) => e !== undefined) ? parts.flat() : undefined;
          report(node.expression, edits && { title: 'Add `reportBatchItemFailures: true`', kind: 'unsafe', edits });
          return;
        }
        const props = branches[0];
        const batchSize = props.get('batchSize');
        if (batchSize && batchSize !== 'unknown') {
          const size = file.evaluate(batchSize.value);
          if (size.kind === 'number' && size.value === 1) return; // one message per invocation: nothing partial
        }
        const flag = props.get('reportBatchItemFailures');
        if (flag === 'unknown') return;
        if (flag === undefined) {
          const edits = insertProperty(file, props.literal, 'reportBatchItemFailures: true');
          report(node.expression, edits && { title: 'Add `reportBatchItemFailures: true`', kind: 'unsafe', edits });
          return;
        }
        const v = file.evaluate(flag.value);
        if (v.kind !== 'boolean' || v.value) return;
        const literal = flag.value && unwrap(flag.value).kind === ts.SyntaxKind.FalseKeyword;
        report(flag.node, literal ? { title: 'Set `reportBatchItemFailures: true`', kind: 'unsafe', edits: [{ start: flag.value!.getStart(file.sourceFile), end: flag.value!.getEnd(), newText: 'true' }] } : undefined);
      },
      fileEnd() {
        if (!file.text.includes('Records') || BATCH_LIBRARIES.some((m) => file.text.includes(m))) return;
        for (const h of scopeFacts(file).handlers) {
          const loop = sqsRecordLoop(file, h);
          if (!loop || returnsFailures(h) || onlyLogs(file, h, loop)) continue;
          ctx.report({ messageId: 'handlerWithoutFailures', data: { handler: h.name }, start: loop.getStart(file.sourceFile), end: loop.getEnd() });
        }
      },
    };

    function report(node: ts.Node, fix: Fix | undefined) {
      ctx.report({ messageId: 'eventSourceWithoutReport', start: node.getStart(file!.sourceFile), end: node.getEnd(), fix });
    }
  },
});

/**
 * The `event.Records` expression the handler iterates over (`for…of`, `forEach`, `map`), when the
 * handler is an SQS handler: typed `SQSEvent`/`SQSHandler`, or untyped with records read as SQS
 * messages (`record.body`, `record.messageId`) and never as another source's.
 */
function sqsRecordLoop(file: TsFile, h: LambdaHandler): ts.Expression | undefined {
  if (h.eventType && h.eventType !== 'SQSEvent') return undefined;
  const param = h.fn.parameters[0];
  if (!param) return undefined;
  // `(event) => event.Records` or `({ Records }) => Records`.
  const recordsBinding = ts.isObjectBindingPattern(param.name)
    ? param.name.elements.find((el) => ((el.propertyName ?? el.name) as ts.Identifier).text === 'Records' && ts.isIdentifier(el.name))
    : undefined;
  if (!ts.isIdentifier(param.name) && !recordsBinding) return undefined;
  // `item`: the per-record variable; `index`: the loop index of `records[i]` (counting and for…in loops).
  let found: { records: ts.Expression; item: ts.BindingName | undefined; index?: string } | undefined;
  const isEvent = (e: ts.Expression): boolean => {
    const u = unwrap(e);
    return ts.isIdentifier(u) && file.declarationOf(u)?.node === param;
  };
  const isRecords = (e: ts.Expression, depth = 0): boolean => {
    const u = unwrap(e);
    if (ts.isPropertyAccessExpression(u)) return u.name.text === 'Records' && isEvent(u.expression);
    if (!ts.isIdentifier(u) || depth > 3) return false;
    const decl = file.declarationOf(u);
    if (!decl) return false;
    if (decl.node === recordsBinding) return true;
    // `const records = event.Records`, `const { Records: records } = event`
    if (decl.kind === 'variable' && decl.node.initializer) return isRecords(decl.node.initializer, depth + 1);
    if (decl.kind === 'binding' && ts.isBindingElement(decl.node)) {
      const key = decl.node.propertyName ?? decl.node.name;
      const owner = decl.node.parent.parent;
      return ts.isIdentifier(key) && key.text === 'Records' && ts.isVariableDeclaration(owner) && !!owner.initializer && isEvent(owner.initializer);
    }
    return false;
  };
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isForOfStatement(n) && isRecords(n.expression)) {
      const init = n.initializer;
      found = { records: n.expression, item: ts.isVariableDeclarationList(init) ? init.declarations[0]?.name : undefined };
      return;
    }
    // `for (const i in records)` and `for (let i = 0; i < event.Records.length; i++)`: records read as `records[i]`.
    if (ts.isForInStatement(n) && isRecords(n.expression)) {
      const init = n.initializer;
      const name = ts.isVariableDeclarationList(init) ? init.declarations[0]?.name : undefined;
      found = { records: n.expression, item: undefined, index: name && ts.isIdentifier(name) ? name.text : undefined };
      return;
    }
    if (ts.isForStatement(n) && n.condition) {
      const cond = unwrap(n.condition);
      if (ts.isBinaryExpression(cond) && (cond.operatorToken.kind === ts.SyntaxKind.LessThanToken || cond.operatorToken.kind === ts.SyntaxKind.LessThanEqualsToken)) {
        const bound = unwrap(cond.right);
        const index = unwrap(cond.left);
        if (ts.isPropertyAccessExpression(bound) && bound.name.text === 'length' && isRecords(bound.expression) && ts.isIdentifier(index)) {
          found = { records: bound.expression, item: undefined, index: index.text };
          return;
        }
      }
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['forEach', 'map', 'reduce'].includes(n.expression.name.text) && isRecords(n.expression.expression)) {
      const fn = n.arguments[0] && unwrap(n.arguments[0]);
      const paramIndex = n.expression.name.text === 'reduce' ? 1 : 0;
      found = { records: n.expression.expression, item: fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn.parameters[paramIndex]?.name : undefined };
      return;
    }
    ts.forEachChild(n, visit);
  };
  if (h.fn.body) visit(h.fn.body);
  if (!found) return undefined;
  if (h.eventType === 'SQSEvent') return found.records;
  // Untyped: the records must read as SQS messages.
  const { index } = found;
  const item = found.item && ts.isIdentifier(found.item) ? found.item.text : undefined;
  if (!item && !index) return undefined;
  /** `record.body`, or `records[i].body` in an index loop. */
  const isRecordRead = (e: ts.Expression): boolean => {
    const u = unwrap(e);
    if (item) return ts.isIdentifier(u) && u.text === item;
    return ts.isElementAccessExpression(u) && ts.isIdentifier(unwrap(u.argumentExpression)) && (unwrap(u.argumentExpression) as ts.Identifier).text === index;
  };
  let sqs = false;
  let other = false;
  const scan = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && isRecordRead(n.expression)) {
      if (SQS_RECORD_FIELDS.has(n.name.text)) sqs = true;
      if (OTHER_RECORD_KINDS.has(n.name.text)) other = true;
    }
    ts.forEachChild(n, scan);
  };
  if (h.fn.body) scan(h.fn.body);
  return sqs && !other ? found.records : undefined;
}

/**
 * Whether the handler only logs its records (`event.Records.forEach((r) => console.log(r))`, a
 * template's stub): nothing in it can fail for one message, so there is no partial failure to
 * report. Any other call, `new`, `await`, `yield` or `throw` (in the loop's callback too) may fail.
 */
function onlyLogs(file: TsFile, h: LambdaHandler, records: ts.Expression): boolean {
  const body = h.fn.body;
  if (!body) return false;
  let mayFail = false;
  const isGlobal = (e: ts.Expression, name: string) => ts.isIdentifier(e) && e.text === name && !file.declarationOf(e);
  const visit = (n: ts.Node): void => {
    if (mayFail) return;
    if (n.kind === ts.SyntaxKind.ThrowStatement || n.kind === ts.SyntaxKind.TaggedTemplateExpression || ts.isAwaitExpression(n) || ts.isYieldExpression(n) || ts.isNewExpression(n)) {
      mayFail = true;
      return;
    }
    if (ts.isCallExpression(n)) {
      const callee = unwrap(n.expression);
      const harmless =
        ts.isPropertyAccessExpression(callee) &&
        // console.log(...), JSON.stringify(...), and the loop itself: records.forEach / map
        (isGlobal(unwrap(callee.expression), 'console') || (isGlobal(unwrap(callee.expression), 'JSON') && callee.name.text === 'stringify') || unwrap(callee.expression) === unwrap(records));
      if (!harmless) {
        mayFail = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return !mayFail;
}

/** Whether the handler returns (or may return) a partial batch response. */
function returnsFailures(h: LambdaHandler): boolean {
  const body = h.fn.body;
  if (!body) return true;
  if (body.getText().includes('batchItemFailures')) return true;
  if (!ts.isBlock(body)) return !isPlainValue(body);
  // A return of something built elsewhere (`return buildResponse(failures)`) may hold it.
  let unknown = false;
  const visit = (n: ts.Node): void => {
    if (unknown) return;
    if (n !== body && isBoundary(n)) return;
    if (ts.isReturnStatement(n) && n.expression && !isPlainValue(n.expression)) unknown = true;
    ts.forEachChild(n, visit);
  };
  visit(body);
  return unknown;
}

/** A value that certainly holds no `batchItemFailures`: a literal, an object literal without it, `undefined`. */
function isPlainValue(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isAwaitExpression(e)) return false;
  if (ts.isObjectLiteralExpression(e)) return e.properties.every((p) => !ts.isSpreadAssignment(p));
  if (ts.isIdentifier(e)) return e.text === 'undefined';
  return ts.isLiteralExpression(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(e);
}
