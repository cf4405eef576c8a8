import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import type { TsFile } from '../../engine/typescript/file';
import { SDK_GATE, sdkFacts } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

/** SQS batch actions take at most 10 entries per request. */
const SQS_BATCH_MAX = 10;
const BATCH_OPERATIONS = new Set(['SendMessageBatch', 'DeleteMessageBatch', 'ChangeMessageVisibilityBatch']);
const CHUNK_FUNCTION = /chunk|batch|split|partition/i;

export const sqsBatchTooLarge = defineRule({
  id: 'sqs-batch-too-large',
  meta: {
    title: 'SQS batch larger than 10 entries',
    description: 'A `SendMessageBatch` (or `DeleteMessageBatch`, `ChangeMessageVisibilityBatch`) gets more than 10 literal entries, or its entries are cut in chunks of more than 10.',
    rationale:
      'SQS batch actions accept at most 10 entries per request and reject larger batches with `TooManyEntriesInBatchRequest`: every message of the request fails. Chunk the entries by 10.',
    severity: 'error',
    service: 'sqs',
    guide: 'SQS / Producer Pattern',
    fix: 'safe',
    languages: ['typescript'],
    messages: {
      tooManyEntries: '{{operation}} gets {{count}} entries; SQS accepts at most 10 per request and rejects the whole batch.',
      chunkTooLarge: 'Entries are sent to {{operation}} in chunks of {{size}}; SQS accepts at most 10 per request and rejects the whole batch. Use chunks of 10.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'producer.ts',
          code: "import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst BATCH_SIZE = 25;\n\nexport async function publish(queueUrl: string, entries: { Id: string; MessageBody: string }[]) {\n  for (let i = 0; i < entries.length; i += BATCH_SIZE) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries.slice(i, i + BATCH_SIZE) }));\n  }\n}\n",
        },
      ],
      valid: [
        {
          filename: 'producer.ts',
          code: "import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';\n\nconst sqs = new SQSClient({});\nconst BATCH_SIZE = 10;\n\nexport async function publish(queueUrl: string, entries: { Id: string; MessageBody: string }[]) {\n  for (let i = 0; i < entries.length; i += BATCH_SIZE) {\n    await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries.slice(i, i + BATCH_SIZE) }));\n  }\n}\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const sdk = sdkFacts(file);
    const reported = new Set<ts.Node>();
    return {
      CallExpression(n) {
        const op = sdk.operationOf(n as ts.CallExpression);
        if (!op || op.service !== 'sqs' || !BATCH_OPERATIONS.has(op.operation) || !op.input) return;
        const entries = file.objectProps(op.input)?.get('Entries');
        if (!entries || entries === 'unknown' || !entries.value) return;
        const value = unwrap(entries.value);
        if (ts.isArrayLiteralExpression(value)) {
          const count = value.elements.filter((e) => !ts.isSpreadElement(e)).length;
          if (count > SQS_BATCH_MAX) {
            ctx.report({ messageId: 'tooManyEntries', data: { operation: op.operation, count }, start: value.getStart(file.sourceFile), end: value.getEnd() });
          }
          return;
        }
        const chunk = chunkSize(file, entries.value, 0);
        if (!chunk || chunk.size <= SQS_BATCH_MAX || reported.has(chunk.node)) return;
        reported.add(chunk.node);
        ctx.report({
          messageId: 'chunkTooLarge',
          data: { operation: op.operation, size: chunk.size },
          start: chunk.node.getStart(file.sourceFile),
          end: chunk.node.getEnd(),
          fix: chunk.edits && { title: 'Use chunks of 10', kind: 'safe', edits: chunk.edits },
        });
      },
    };
  },
});

interface Chunk {
  size: number;
  /** The expression that sets the size (reported). */
  node: ts.Expression;
  /** Edits that set it to 10 everywhere it matters; undefined when that cannot be done safely. */
  edits?: TextEdit[];
}

/**
 * The chunk size behind an Entries expression: `entries.slice(i, i + N)` (with the loop's `i += N`),
 * `entries.splice(0, N)`, or a loop variable over `chunk(entries, N)`.
 */
function chunkSize(file: TsFile, expr: ts.Expression, depth: number): Chunk | undefined {
  if (depth > 4) return undefined;
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
    const method = e.expression.name.text;
    const [a, b] = e.arguments;
    if (method === 'slice' && a && b) {
      const bin = unwrap(b);
      if (ts.isBinaryExpression(bin) && bin.operatorToken.kind === ts.SyntaxKind.PlusToken && sameText(file, bin.left, a)) return sized(file, bin.right, loopStep(file, e, a));
      const from = file.evaluate(a);
      const to = file.evaluate(b);
      if (from.kind === 'number' && to.kind === 'number') return { size: to.value - from.value, node: b };
      return undefined;
    }
    // `entries.slice(i, i + 25).map(toEntry)`: mapping or filtering keeps (at most) the chunk.
    if ((method === 'map' || method === 'filter') && a) return chunkSize(file, e.expression.expression, depth + 1);
    if (method === 'splice' && a && b && file.evaluate(a).kind === 'number' && (file.evaluate(a) as { value: number }).value === 0) return sized(file, b, []);
    return undefined;
  }
  if (ts.isCallExpression(e)) return chunkCall(file, e);
  if (ts.isIdentifier(e)) {
    const decl = file.declarationOf(e);
    if (decl?.kind === 'variable' && decl.node.initializer && decl.isConst) return chunkSize(file, decl.node.initializer, depth + 1);
    if (decl?.kind === 'variable' && ts.isForOfStatement(decl.node.parent.parent)) return chunksOf(file, decl.node.parent.parent.expression, depth);
    if (decl?.kind === 'parameter' && ts.isParameter(decl.node)) {
      // `chunks.forEach((batch) => ...)` / `.map(...)`
      const fn = decl.node.parent;
      const call = fn.parent;
      if (call && ts.isCallExpression(call) && call.arguments[0] === fn && ts.isPropertyAccessExpression(call.expression) && ['map', 'forEach'].includes(call.expression.name.text) && fn.parameters[0] === decl.node) {
        return chunksOf(file, call.expression.expression, depth);
      }
    }
  }
  return undefined;
}

/** The chunk size of a list of chunks: `chunk(entries, 25)`, or a const holding one. */
function chunksOf(file: TsFile, expr: ts.Expression, depth: number): Chunk | undefined {
  const e = file.resolveExpression(expr);
  if (!e || !ts.isCallExpression(e) || depth > 4) return undefined;
  return chunkCall(file, e);
}

/** `chunk(entries, 25)`, `_.chunk(entries, 25)`, `splitIntoBatches(entries, 25)`. */
function chunkCall(file: TsFile, call: ts.CallExpression): Chunk | undefined {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name || !CHUNK_FUNCTION.test(name) || call.arguments.length !== 2) return undefined;
  return sized(file, call.arguments[1], []);
}

/** The size `node` evaluates to, with the edits that make it 10 (a literal here, or the constant it names). */
function sized(file: TsFile, node: ts.Expression, companions: TextEdit[] | undefined): Chunk | undefined {
  const v = file.evaluate(node);
  if (v.kind !== 'number') return undefined;
  const chunk: Chunk = { size: v.value, node };
  const u = unwrap(node);
  if (ts.isNumericLiteral(u)) {
    if (companions) chunk.edits = [{ start: u.getStart(file.sourceFile), end: u.getEnd(), newText: '10' }, ...companions];
  } else if (ts.isIdentifier(u)) {
    // A named size: change the constant, which also keeps the loop step in step.
    const decl = file.declarationOf(u);
    const init = decl?.kind === 'variable' && decl.isConst ? decl.node.initializer : undefined;
    if (init && ts.isNumericLiteral(unwrap(init))) chunk.edits = [{ start: unwrap(init).getStart(file.sourceFile), end: init.getEnd(), newText: '10' }];
  }
  return chunk;
}

/**
 * For `slice(i, i + 25)` inside `for (...; ...; i += 25)`, the step must change with the slice (or
 * items are skipped): the edit for the step, [] when the step is a named size, undefined when unsure.
 */
function loopStep(file: TsFile, slice: ts.CallExpression, index: ts.Expression): TextEdit[] | undefined {
  const i = unwrap(index);
  if (!ts.isIdentifier(i)) return undefined;
  for (let p: ts.Node | undefined = slice.parent; p; p = p.parent) {
    if (ts.isForStatement(p) && p.incrementor) {
      const inc = unwrap(p.incrementor);
      if (ts.isBinaryExpression(inc) && inc.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isIdentifier(unwrap(inc.left)) && (unwrap(inc.left) as ts.Identifier).text === i.text) {
        const step = unwrap(inc.right);
        if (ts.isNumericLiteral(step)) return [{ start: step.getStart(file.sourceFile), end: step.getEnd(), newText: '10' }];
        return undefined;
      }
      return undefined;
    }
    if (ts.isFunctionLike(p)) return undefined;
  }
  return undefined;
}

function sameText(file: TsFile, a: ts.Node, b: ts.Node): boolean {
  return a.getText(file.sourceFile) === b.getText(file.sourceFile);
}

