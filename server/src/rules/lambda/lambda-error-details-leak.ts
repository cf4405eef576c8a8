import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { detectEol, indentAt } from '../../engine/text';
import type { Fix, TextEdit } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import type { TsFile } from '../../engine/typescript/file';
import { propertyName } from '../../engine/typescript/file';
import { fileStyle } from '../../engine/typescript/hoist';
import { enclosingFunction, isBoundary } from '../../engine/typescript/scopes';
import { applicationCode } from '../applicationCode';
import { lambdaHandlers, type FunctionNode } from '../../engine/typescript/handlers';

const ERROR_NAME = /^(e|er|err|error|ex|exc|exception|caught|reason)$/i;
const RESPONSE_HELPER = /(response|respond|reply)/i;
const DETAIL_PROPS = new Set(['message', 'stack']);
/** `x.stack`, `x?.stack`, `x['stack']`: a file that reads a stack trace somewhere. */
const STACK_READ = /\.stack\b|\[\s*['"`]stack['"`]\s*\]/;
/** Fetch API response classes (Next.js route handlers, Remix, Hono, Workers). */
const FETCH_RESPONSE = new Set(['Response', 'NextResponse']);
/** `res.status(500)` (Express, Fastify), `reply.code(500)` (Fastify). */
const STATUS_SETTERS = new Set(['status', 'code']);
/**
 * `aws-lambda` event types of triggers that read no response: a queue, a topic, a bucket
 * notification, a stream, a schedule or a rule. A handler typed with one (`event: SQSEvent`,
 * `S3Handler`) returns its `{ statusCode: 500, body }` to no caller (an SQS batch only reads
 * `batchItemFailures`), so the error's text reaches no one.
 */
const NO_RESPONSE_EVENT = /^(SQSEvent|SNSEvent|S3Event|S3EventRecord|DynamoDBStreamEvent|KinesisStreamEvent|EventBridgeEvent|ScheduledEvent|CloudWatchLogsEvent|SESEvent|MSKEvent|SelfManagedKafkaEvent|CodePipelineEvent|CodeCommitTrigger|IoTEvent)$/;

export const lambdaErrorDetailsLeak = defineRule({
  id: 'lambda-error-details-leak',
  meta: {
    title: 'Error details in an error response',
    description: 'A handler response with a 5xx status puts `error.message`, `error.stack` or the raw error in its body, or a 4xx response its stack trace.',
    rationale:
      'Internal error messages and stack traces tell callers about table names, ARNs, file paths, library versions and code structure. Return a generic message and log the error (CloudWatch keeps it, with the request ID to find it). A deliberate client error (4xx) may carry its message (a validation error says what was wrong), so only its stack trace is reported: a stack trace is never meant for the caller. The error is followed through a local variable that holds it (`const body = { msg: err.message }`). Handlers typed for a trigger that reads no response (`SQSEvent`, `S3Event`, `SNSEvent`, streams, EventBridge, schedules) are left alone.',
    severity: 'warning',
    service: 'lambda',
    guide: 'Lambda / Handler Pattern',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      errorDetailsInBody: 'The {{status}} response body includes {{detail}}: callers see internal details. Return a generic message and log the error instead.',
    },
    // Responses name their status somewhere; most files never do.
    gate: /status|respon|reply|\.(json|text)\(/i,
    examples: {
      invalid: [
        {
          filename: 'handler.ts',
          code: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (error) {\n    return { statusCode: 500, body: JSON.stringify({ error: (error as Error).message }) };\n  }\n};\n",
        },
      ],
      valid: [
        {
          filename: 'handler.ts',
          code: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (error) {\n    console.error('Handler error:', error);\n    return { statusCode: 500, body: JSON.stringify({ error: 'Internal error' }) };\n  }\n};\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    // A 4xx response is only read for a stack trace: none to find in a file that never reads one
    // (asked the first time a 4xx response turns up, which most files never have).
    let readsStack: boolean | undefined;
    const readable = (status: number): boolean => status >= 500 || (readsStack ??= STACK_READ.test(file.text));
    let quiet: readonly FunctionNode[] | undefined;
    const report = (status: number, leaks: ts.Node[], fix?: Fix) => {
      const first = leaks[0];
      // Computed on the first leak only: most files have none.
      quiet ??= lambdaHandlers(file).filter((h) => h.eventType && NO_RESPONSE_EVENT.test(h.eventType)).map((h) => h.fn);
      const at = first.getStart(file.sourceFile);
      if (quiet.some((fn) => at >= fn.getStart(file.sourceFile) && at < fn.getEnd())) return;
      ctx.report({
        messageId: 'errorDetailsInBody',
        data: { status, detail: describe(file, first) },
        start: first.getStart(file.sourceFile),
        end: first.getEnd(),
        fix,
      });
    };
    return {
      ObjectLiteralExpression(n) {
        const obj = n as ts.ObjectLiteralExpression;
        if (!obj.properties.some((p) => p.name && propertyName(p.name) === 'body')) return;
        const props = file.objectProps(obj);
        if (!props) return;
        const statusProp = props.get('statusCode');
        const bodyProp = props.get('body');
        if (!statusProp || statusProp === 'unknown' || !bodyProp || bodyProp === 'unknown' || !bodyProp.value || bodyProp.literal !== obj) return;
        const status = file.evaluate(statusProp.value);
        if (status.kind !== 'number' || !isErrorStatus(status.value) || !readable(status.value)) return;
        const body = file.resolveExpression(bodyProp.value) ?? bodyProp.value;
        const leaks = forStatus(status.value, errorDetails(file, body));
        if (leaks.length === 0) return;
        report(status.value, leaks, body === bodyProp.value ? genericBodyFix(file, bodyProp.value, leaks) : undefined);
      },
      CallExpression(n) {
        const call = n as ts.CallExpression;
        const status = responseHelperStatus(file, call);
        if (status === undefined || !readable(status)) return;
        const leaks = forStatus(status, call.arguments.flatMap((a) => errorDetails(file, a)));
        if (leaks.length) report(status, leaks);
      },
      NewExpression(n) {
        // `new Response(body, { status: 500 })`, `new NextResponse(...)`: the Fetch API response.
        const expr = n as ts.NewExpression;
        const callee = unwrap(expr.expression);
        if (!ts.isIdentifier(callee) || !FETCH_RESPONSE.has(callee.text) || !expr.arguments?.[0]) return;
        const status = initStatus(file, expr.arguments[1]);
        if (status === undefined || !readable(status)) return;
        const leaks = forStatus(status, errorDetails(file, expr.arguments[0]));
        if (leaks.length) report(status, leaks);
      },
    };
  },
});

/**
 * `buildResponse(500, ...)`, `errorResponse(..., 502)`, `res.status(500).json(...)`, Fastify's
 * `reply.code(500).send(...)`: the status of a response helper.
 */
function responseHelperStatus(file: TsFile, call: ts.CallExpression): number | undefined {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name) return undefined;
  if ((name === 'json' || name === 'send' || name === 'text') && ts.isPropertyAccessExpression(callee)) {
    const inner = unwrap(callee.expression);
    if (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && STATUS_SETTERS.has(inner.expression.name.text)) {
      const v = file.evaluate(inner.arguments[0]);
      return v.kind === 'number' && isErrorStatus(v.value) ? v.value : undefined;
    }
    // `Response.json(body, { status: 500 })`, `NextResponse.json(...)`, Hono's `c.json(body, 500)`.
    return call.arguments.length === 2 ? initStatus(file, call.arguments[1]) : undefined;
  }
  if (!RESPONSE_HELPER.test(name)) return undefined;
  for (const a of call.arguments) {
    const v = file.evaluate(a);
    if (v.kind === 'number' && isErrorStatus(v.value)) return v.value;
  }
  return undefined;
}

/** The 5xx status of a Fetch-style response's second argument: `500`, or `{ status: 500 }`. */
function initStatus(file: TsFile, init: ts.Expression | undefined): number | undefined {
  if (!init) return undefined;
  let v = file.evaluate(init);
  if (v.kind !== 'number') {
    const props = file.objectProps(init);
    const status = props?.get('status');
    if (!status || status === 'unknown' || !status.value) return undefined;
    v = file.evaluate(status.value);
  }
  return v.kind === 'number' && isErrorStatus(v.value) ? v.value : undefined;
}

function isErrorStatus(status: number): boolean {
  return status >= 400 && status < 600;
}

/**
 * What a response of this status may not carry: every detail in a 5xx response; in a 4xx response
 * (a deliberate client error, whose message may be meant for the caller) only a stack trace.
 */
function forStatus(status: number, leaks: ts.Node[]): ts.Node[] {
  return status >= 500 ? leaks : leaks.filter(isStackTrace);
}

function isStackTrace(leak: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(leak)) return leak.name.text === 'stack';
  return ts.isElementAccessExpression(leak) && ts.isStringLiteralLike(leak.argumentExpression) && leak.argumentExpression.text === 'stack';
}

/** A caught error: a catch variable, a `.catch()` callback's parameter, or a parameter named or typed as one. */
function isErrorValue(file: TsFile, expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return false;
  const decl = file.declarationOf(e);
  if (!decl) return false;
  if (decl.kind === 'other' && ts.isVariableDeclaration(decl.node) && ts.isCatchClause(decl.node.parent)) return true;
  if (decl.kind === 'parameter' && ts.isParameter(decl.node)) {
    const fn = decl.node.parent;
    const call = fn.parent;
    if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'catch' && call.arguments[0] === fn) return true;
    const type = decl.node.type;
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && /Error$/.test(type.typeName.text)) return true;
    return ERROR_NAME.test(e.text);
  }
  return false;
}

/**
 * `err.message`, `err.stack`, `err.toString()`, and the raw error where it is turned into text or
 * data, also through a local variable of the same function that holds them
 * (`var payload = { msg: err.message }; ... body: JSON.stringify(payload)`).
 */
function errorDetails(file: TsFile, root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const followed = new Set<ts.Node>();
  let inHeldValue = false;
  // Variables that hold a caught error's details live where the error is in scope, as does the response that uses them.
  const fn = enclosingFunction(root);
  const mayFollow = !!fn && seesCaughtError(root, fn);
  const visit = (n: ts.Node): void => {
    if (isBoundary(n)) return;
    if (mayFollow && ts.isIdentifier(n) && followed.size < MAX_FOLLOWED) {
      const init = heldValue(file, n);
      if (init && !followed.has(init)) {
        followed.add(init);
        const outer = inHeldValue;
        inHeldValue = true;
        visit(init);
        inHeldValue = outer;
        return;
      }
    }
    if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
      const prop = ts.isPropertyAccessExpression(n) ? n.name.text : ts.isStringLiteralLike(n.argumentExpression) ? n.argumentExpression.text : undefined;
      if (isErrorValue(file, n.expression)) {
        if (prop && DETAIL_PROPS.has(prop)) out.push(n);
        else if (prop === 'toString' && ts.isCallExpression(n.parent) && n.parent.expression === n) out.push(n.parent);
        return; // `err.name`, `err.code`, `err.statusCode`: not details
      }
    }
    if (ts.isIdentifier(n) && isErrorValue(file, n) && isRawUse(n) && !(inHeldValue && isPassedToFunction(n))) {
      out.push(n);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(root);
  return out;
}

/**
 * In a variable's initializer, the raw error given to a function (`const code = classify(err)`)
 * yields whatever that function returns, not the error; `String(err)` and `JSON.stringify(err)`
 * turn it into text.
 */
function isPassedToFunction(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const call = n.parent;
  if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || call.expression === n) return false;
  const callee = unwrap(call.expression);
  const name = callee.getText();
  return name !== 'String' && name !== 'JSON.stringify';
}

const MAX_FOLLOWED = 4;

/**
 * The initializer of the local variable `id` names, when `id` is used whole (not `x.prop`), the
 * variable is declared where a caught error is in scope (a `catch` block, or a `.catch()` callback)
 * in the same function as the use, and nothing assigns it again: what `id` holds where it is used.
 * Undefined otherwise.
 */
function heldValue(file: TsFile, id: ts.Identifier): ts.Expression | undefined {
  let n: ts.Node = id;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n) return undefined;
  if (ts.isPropertyAccessExpression(p) && p.name === n) return undefined;
  if (ts.isPropertyAssignment(p) && p.name === n) return undefined;
  const decl = file.declarationOf(id);
  if (decl?.kind !== 'variable' || !decl.node.initializer || !ts.isIdentifier(decl.node.name)) return undefined;
  const fn = enclosingFunction(decl.node);
  if (!fn || fn !== enclosingFunction(id) || !seesCaughtError(decl.node, fn)) return undefined;
  if (!decl.isConst && isAssignedAgain(file, fn, decl.node)) return undefined;
  return decl.node.initializer;
}

/** Inside a `catch` block of `fn`, or `fn` is a `.catch()` callback: where a caught error is in scope. */
function seesCaughtError(node: ts.Node, fn: ts.Node): boolean {
  for (let n = node.parent; n && n !== fn; n = n.parent) if (ts.isCatchClause(n)) return true;
  const call = fn.parent;
  return !!call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'catch';
}

/** `x = ...`, `x += ...`, `x++` anywhere in the function (nested functions included) for `let`/`var x`. */
function isAssignedAgain(file: TsFile, fn: ts.Node, decl: ts.VariableDeclaration): boolean {
  const name = (decl.name as ts.Identifier).text;
  let found = false;
  const isTarget = (e: ts.Expression): boolean => {
    const u = unwrap(e);
    if (!ts.isIdentifier(u) || u.text !== name) return false;
    const d = file.declarationOf(u);
    return d?.kind === 'variable' && d.node === decl;
  };
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && isTarget(n.left)) found = true;
    else if (n.kind === ts.SyntaxKind.PrefixUnaryExpression || n.kind === ts.SyntaxKind.PostfixUnaryExpression) {
      const u = n as ts.Node & { operator: ts.SyntaxKind; operand: ts.Expression };
      if ((u.operator === ts.SyntaxKind.PlusPlusToken || u.operator === ts.SyntaxKind.MinusMinusToken) && isTarget(u.operand)) found = true;
      else ts.forEachChild(n, visit);
    } else ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/** The raw error turned into output (not tested with `instanceof`, compared, or read a property of). */
function isRawUse(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) return false;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    return op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken;
  }
  if (ts.isConditionalExpression(p) && p.condition === n) return false;
  if (ts.isPrefixUnaryExpression(p) || ts.isTypeOfExpression(p)) return false;
  if (ts.isPropertyAssignment(p) && p.name === n) return false;
  return true;
}

function describe(file: TsFile, node: ts.Node): string {
  const text = node.getText(file.sourceFile).replace(/\s+/g, ' ');
  return ts.isIdentifier(node) ? `the raw error \`${text}\`` : `\`${text}\``;
}

/**
 * The body becomes a generic message (`JSON.stringify({ error: 'Internal error' })`, or the
 * leaking property's value inside a stringified object), and the error is logged before the
 * response unless the surrounding code already logs it.
 */
function genericBodyFix(file: TsFile, body: ts.Expression, leaks: ts.Node[]): Fix | undefined {
  const style = fileStyle(file);
  const generic = style.quote('Internal error');
  const errorName = errorIdentifierOf(leaks[0]);
  if (!errorName) return undefined;
  const edits: TextEdit[] = [];
  const b = unwrap(body);
  const stringified = ts.isCallExpression(b) && ts.isPropertyAccessExpression(b.expression) && b.expression.getText(file.sourceFile) === 'JSON.stringify' ? b.arguments[0] : undefined;
  const obj = stringified && unwrap(stringified);
  const leakingProps = obj && ts.isObjectLiteralExpression(obj) ? obj.properties.filter((p) => leaks.some((l) => l.pos >= p.pos && l.end <= p.end)) : [];
  if (obj && ts.isObjectLiteralExpression(obj) && leakingProps.length === 1 && leaks.every((l) => l.pos >= leakingProps[0].pos && l.end <= leakingProps[0].end)) {
    const p = leakingProps[0];
    const name = p.name && propertyName(p.name);
    if (!name || !(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))) return undefined;
    edits.push({ start: p.getStart(file.sourceFile), end: p.getEnd(), newText: `${p.name!.getText(file.sourceFile)}: ${generic}` });
  } else {
    edits.push({ start: body.getStart(file.sourceFile), end: body.getEnd(), newText: stringified ? `JSON.stringify({ error: ${generic} })` : generic });
  }
  const log = logEdit(file, body, errorName, style.semi);
  if (log === undefined) return undefined;
  if (log) edits.push(log);
  return { title: 'Return a generic error message and log the error', kind: 'unsafe', edits };
}

function errorIdentifierOf(leak: ts.Node): string | undefined {
  let n: ts.Node = leak;
  while (!ts.isIdentifier(n)) {
    if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) n = unwrap(n.expression);
    else if (ts.isCallExpression(n)) n = n.expression;
    else return undefined;
  }
  return n.text;
}

/**
 * `console.error('Handler error:', err);` before the statement that returns the response: null
 * when the enclosing block already logs the error, undefined when there is no statement to put it before.
 */
function logEdit(file: TsFile, from: ts.Node, errorName: string, semi: string): TextEdit | null | undefined {
  let statement: ts.Node = from;
  while (statement.parent && !(ts.isBlock(statement.parent) || ts.isCaseClause(statement.parent) || ts.isDefaultClause(statement.parent) || ts.isSourceFile(statement.parent))) {
    if (isBoundary(statement.parent)) return undefined;
    statement = statement.parent;
  }
  const block = statement.parent;
  if (!block) return undefined;
  if (alreadyLogs(block, errorName)) return null;
  const start = statement.getStart(file.sourceFile);
  const indent = indentAt(file.text, start);
  const lineStart = file.text.lastIndexOf('\n', start - 1) + 1;
  if (file.text.slice(lineStart, start).trim() !== '') return undefined;
  const eol = detectEol(file.text); // memoized per text: once a fix, it rescanned the file for each catch block
  return { start: lineStart, end: lineStart, newText: `${indent}console.error(${fileStyle(file).quote('Handler error:')}, ${errorName})${semi}${eol}` };
}

/** A `console.*(...)` or `logger.error(...)`-style call in the block that passes the error. */
function alreadyLogs(block: ts.Node, errorName: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isBoundary(n)) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const obj = n.expression.expression.getText();
      const method = n.expression.name.text;
      if ((obj === 'console' || /log|error|warn|exception|critical|fatal/i.test(method)) && n.arguments.some((a) => mentions(a, errorName))) found = true;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}

function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  let found = false;
  ts.forEachChild(node, (c) => {
    if (!found && mentions(c, name)) found = true;
  });
  return found;
}
