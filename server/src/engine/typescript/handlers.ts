// Lambda handler recognition, without a type checker: which exported functions Lambda invokes,
// through every export form (`export const`, `export function`, `export { x as handler }`,
// `export default x`, `exports.handler`, `module.exports = { handler }`), wrappers (`middy(fn).use(...)`,
// `middy().handler(fn)`, `withSentry(fn)`, `instance.handler.bind(instance)`, `new Api().handler`
// where a class property holds the function) and the `aws-lambda` event types that name the trigger.
import * as ts from './api';
import { hasModifier, unwrap } from './bindings';
import type { TsFile } from './file';

export type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export interface LambdaHandler {
  /** The exported name (`handler`, `lambdaHandler`...). */
  name: string;
  /** The function that runs on every invocation (for `middy(fn)`, `fn`). */
  fn: FunctionNode;
  /** Where the export is written: the exported name, for messages. */
  exportNode: ts.Node;
  /** The `aws-lambda` event type the code names (`SQSEvent`, `APIGatewayProxyEvent`...), if any. */
  eventType?: string;
  /** Whether a wrapper (middy, Sentry...) receives the function. */
  wrapped: boolean;
}

const HANDLER_NAME = /^(handler|[a-z][A-Za-z0-9]*Handler)$/;
/**
 * Lambda's own parameter names: `(event, context)`, `(event, context, callback)` (serverless.yml names
 * the export), also with the trigger in the event's name (`sqsEvent`, `kinesisEvent`), beside a context.
 */
const EVENT_PARAM = /^_?(event|evt|[a-z][A-Za-z0-9]*Event)$/;
const CONTEXT_PARAM = /^_?(context|ctx|lambdaContext)$/;
const MIDDY_CHAIN = new Set(['use', 'before', 'after', 'onError']);

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

/** The handlers of a file, computed once from its top-level statements (kept on the file: see `TsFile.memo`). */
export function lambdaHandlers(file: TsFile): readonly LambdaHandler[] {
  const memo = file.memo<'handlers', readonly LambdaHandler[]>(lambdaHandlers);
  let found = memo.get('handlers');
  if (!found) memo.set('handlers', (found = findHandlers(file)));
  return found;
}

interface Candidate {
  name: string;
  value: ts.Expression | FunctionNode;
  exportNode: ts.Node;
  /** The declared type of the exported binding (`const handler: SQSHandler = ...`). */
  type?: ts.TypeNode;
}

function findHandlers(file: TsFile): LambdaHandler[] {
  const sf = file.sourceFile;
  const candidates: Candidate[] = [];
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) candidates.push({ name: d.name.text, value: d.initializer, exportNode: d.name, type: d.type ?? jsDocType(d) });
      }
    } else if (ts.isFunctionDeclaration(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword) && st.body) {
      const isDefault = st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
      candidates.push({ name: isDefault ? 'default' : (st.name?.text ?? 'default'), value: st, exportNode: st.name ?? st });
    } else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) {
        const local = el.propertyName ?? el.name;
        if (ts.isIdentifier(local)) candidates.push({ name: el.name.text, value: local, exportNode: el.name });
      }
    } else if (ts.isExportAssignment(st) && !st.isExportEquals) {
      // `export default handler` / `export default async (event, context) => ...`: frameworks that map
      // the default export (stacktape, SST) and `handler: index.default`. Named `default`, so only
      // an event type, middy or Lambda's own parameter names make it a handler (not `(req, res)`).
      candidates.push({ name: 'default', value: st.expression, exportNode: st });
    } else if (ts.isExpressionStatement(st)) {
      collectCommonJsExports(st.expression, candidates);
    }
  }

  const out: LambdaHandler[] = [];
  const seen = new Set<ts.Node>();
  for (const c of candidates) {
    const target = handlerFunction(file, c.value, 0);
    if (!target || seen.has(target.fn)) continue;
    const eventType = eventTypeOfFunction(file, target.fn) ?? (c.type ? eventTypeOfHandlerType(file, c.type) : undefined);
    const middy = target.middy;
    if (!HANDLER_NAME.test(c.name) && !eventType && !middy && !hasLambdaSignature(target.fn) && !(c.name !== 'default' && readsLambdaEvent(file, target.fn))) continue;
    // `export const listUsersHandler = async (req, res) => ...`: a web framework's route handler, named like Lambda's.
    if (!eventType && !middy && isWebRouteHandler(file, target.fn, c.type)) continue;
    seen.add(target.fn);
    out.push({ name: c.name, fn: target.fn, exportNode: c.exportNode, eventType, wrapped: target.wrapped });
  }
  return out;
}

/**
 * `(event, context)` or `(event, context, callback)` by name: the Serverless Framework and SAM let
 * any export be the handler (`handler: todos/list.list`), and these names are Lambda's.
 */
function hasLambdaSignature(fn: FunctionNode): boolean {
  const [event, context] = fn.parameters;
  return !!event && !!context && ts.isIdentifier(event.name) && ts.isIdentifier(context.name) && EVENT_PARAM.test(event.name.text) && CONTEXT_PARAM.test(context.name.text);
}

/** A web framework's response parameter: Lambda's second parameter is always the context. */
const WEB_RESPONSE_PARAM = /^_?(res|resp|response|reply)$/;
/** Modules whose request/response types type a web route handler, never a Lambda handler. */
const WEB_TYPE_MODULES = new Set(['express', 'express-serve-static-core', 'fastify', 'koa', '@hapi/hapi', 'next', 'next/server', '@sveltejs/kit', 'h3', 'hono']);

/**
 * A route handler of Express, Fastify, Koa, hapi, Next.js API routes and the like, which servers (not
 * Lambda) call: `(req, res)`, `(request, reply)`, or a parameter or export typed by such a framework
 * (`req: Request` from express, `NextApiRequest`, `FastifyRequest`, `const h: RequestHandler = ...`).
 */
function isWebRouteHandler(file: TsFile, fn: FunctionNode, exportType: ts.TypeNode | undefined): boolean {
  const [first, second] = fn.parameters;
  if (second && ts.isIdentifier(second.name) && WEB_RESPONSE_PARAM.test(second.name.text)) return true;
  const types = [first?.type, second?.type, exportType];
  return types.some((t) => !!t && ts.isTypeReferenceNode(t) && WEB_TYPE_MODULES.has(typeModule(file, t.typeName) ?? ''));
}

/** The module a type name is imported from (`Request` from 'express', `express.Request`). */
function typeModule(file: TsFile, name: ts.EntityName): string | undefined {
  const id = ts.isIdentifier(name) ? name : ts.isIdentifier(name.left) ? name.left : undefined;
  return id ? file.symbolOf(id)?.module : undefined;
}

/** Fields only Lambda's own events have: S3/SQS/SNS/stream records, API Gateway, Cognito triggers, custom resources. */
const LAMBDA_EVENT_FIELDS = 'Records|pathParameters|queryStringParameters|multiValueQueryStringParameters|requestContext|httpMethod|rawPath|rawQueryString|isBase64Encoded|triggerSource|userPoolId|RequestType|ResourceProperties';

/**
 * An export with a lone event parameter (`exports.confirmUpload = async (event) => ...`, named in
 * serverless.yml) that reads a field only Lambda events have (`event.Records`, `event.pathParameters`,
 * `const { Records } = event`), or `event.body` / `event.headers` in a function that answers with a
 * `statusCode`. A lone `event` alone is too common outside Lambda (DOM, emitters) to decide. The test is
 * on the function's text, once per candidate export of the file (the handler list is memoized).
 */
function readsLambdaEvent(file: TsFile, fn: FunctionNode): boolean {
  const [event, more] = fn.parameters;
  if (!event || more || !ts.isIdentifier(event.name) || !EVENT_PARAM.test(event.name.text) || !fn.body) return false;
  const name = event.name.text.replace(/\$/g, '\\$');
  const text = file.text.slice(fn.body.getStart(file.sourceFile), fn.body.getEnd());
  // `event.Records`, `event?.Records` or `const { Records } = event`.
  const reads = (fields: string): boolean => new RegExp(`\\b${name}\\s*\\??\\.\\s*(${fields})\\b|\\{[^{}]*\\b(${fields})\\b[^{}]*\\}\\s*=\\s*${name}\\b`).test(text);
  return reads(LAMBDA_EVENT_FIELDS) || (reads('body|headers') && /\bstatusCode\s*:/.test(text));
}

/** `exports.handler = ...`, `module.exports.handler = ...`, `module.exports = { handler }`, chains `exports.a = exports.b = fn`. */
function collectCommonJsExports(expr: ts.Expression, out: Candidate[]): void {
  let e = unwrap(expr);
  while (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = unwrap(e.left);
    let right = unwrap(e.right);
    while (ts.isBinaryExpression(right) && right.operatorToken.kind === ts.SyntaxKind.EqualsToken) right = unwrap(right.right);
    if (ts.isPropertyAccessExpression(left) && isExportsObject(left.expression)) {
      out.push({ name: left.name.text, value: right, exportNode: left.name });
    } else if (isModuleExports(left) && ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) out.push({ name: p.name.text, value: p.initializer, exportNode: p.name });
        else if (ts.isShorthandPropertyAssignment(p)) out.push({ name: p.name.text, value: p.name, exportNode: p.name });
        else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name) && p.body) out.push({ name: p.name.text, value: p, exportNode: p.name });
      }
    }
    e = unwrap(e.right);
  }
}

function isExportsObject(e: ts.Expression): boolean {
  const u = unwrap(e);
  return (ts.isIdentifier(u) && u.text === 'exports') || isModuleExports(u);
}

function isModuleExports(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isPropertyAccessExpression(u) && u.name.text === 'exports' && ts.isIdentifier(u.expression) && u.expression.text === 'module';
}

interface Target {
  fn: FunctionNode;
  wrapped: boolean;
  /** Wrapped by `@middy/core`: a handler whatever its name. */
  middy: boolean;
}

/** The function a handler export runs, through consts, wrappers and `.bind`. */
function handlerFunction(file: TsFile, value: ts.Expression | FunctionNode, depth: number): Target | undefined {
  if (depth > 8) return undefined;
  if (isFunctionNode(value)) return value.body ? { fn: value, wrapped: false, middy: false } : undefined;
  const e = unwrap(value);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return { fn: e, wrapped: false, middy: false };
  if (ts.isIdentifier(e)) {
    const decl = file.declarationOf(e);
    if (decl?.kind === 'function' && decl.node.body) return { fn: decl.node, wrapped: false, middy: false };
    if (decl?.kind === 'variable' && decl.node.initializer) {
      return handlerFunction(file, decl.node.initializer, depth + 1);
    }
    return undefined;
  }
  // `new Api().handler` / `api.handler` where `class Api { handler = async (event) => ... }`.
  if (ts.isPropertyAccessExpression(e)) {
    const fn = classMethodOf(file, e);
    return fn ? { fn, wrapped: true, middy: false } : undefined;
  }
  if (!ts.isCallExpression(e)) return undefined;
  const callee = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    // `instance.handler.bind(instance)`: the class method (Powertools' class-based handlers).
    if (method === 'bind' && ts.isPropertyAccessExpression(unwrap(callee.expression))) {
      const fn = classMethodOf(file, unwrap(callee.expression) as ts.PropertyAccessExpression);
      return fn ? { fn, wrapped: true, middy: false } : undefined;
    }
    // `middy().use(m).handler(fn)` (middy 5+) and `middy(fn).use(m)`.
    if (method === 'handler' && e.arguments.length > 0) {
      const inner = handlerFunction(file, e.arguments[0], depth + 1);
      return inner && { ...inner, wrapped: true, middy: inner.middy || isMiddyChain(file, callee.expression) };
    }
    if (MIDDY_CHAIN.has(method) && ts.isCallExpression(unwrap(callee.expression))) {
      const inner = handlerFunction(file, unwrap(callee.expression), depth + 1);
      return inner && { ...inner, wrapped: true };
    }
  }
  // A wrapper: `middy(fn)`, `wrapHandler(fn)`, `withSentry(async (event) => ...)`.
  for (const arg of e.arguments) {
    const inner = handlerFunction(file, arg, depth + 1);
    if (inner) return { fn: inner.fn, wrapped: true, middy: inner.middy || file.isSymbol(callee, '@middy/core') };
  }
  return undefined;
}

function isMiddyChain(file: TsFile, expr: ts.Expression): boolean {
  let e = unwrap(expr);
  for (let i = 0; i < 20 && ts.isCallExpression(e); i++) {
    const callee = unwrap(e.expression);
    if (file.isSymbol(callee, '@middy/core')) return true;
    if (!ts.isPropertyAccessExpression(callee)) return false;
    e = unwrap(callee.expression);
  }
  return false;
}

/**
 * `lambda.handler` where `const lambda = new Lambda()` and `class Lambda { async handler() {} }`, or a
 * property holding the function (`public handler = async (event) => {...}`, which keeps `this` unbound).
 */
function classMethodOf(file: TsFile, access: ts.PropertyAccessExpression): FunctionNode | undefined {
  const target = unwrap(access.expression);
  const instance = ts.isNewExpression(target) ? target : file.resolveExpression(target);
  if (!instance || !ts.isNewExpression(instance) || !ts.isIdentifier(instance.expression)) return undefined;
  const decl = file.declarationOf(instance.expression);
  if (decl?.kind !== 'class') return undefined;
  for (const m of decl.node.members) {
    if (!m.name || !ts.isIdentifier(m.name) || m.name.text !== access.name.text) continue;
    if (ts.isMethodDeclaration(m) && m.body) return m;
    if (ts.isPropertyDeclaration(m) && m.initializer) {
      const init = unwrap(m.initializer);
      if ((ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) return init;
    }
  }
  return undefined;
}

/** The aws-lambda event type of a function's first parameter (`event: SQSEvent`, JSDoc `@param {import('aws-lambda').SQSEvent}`). */
function eventTypeOfFunction(file: TsFile, fn: FunctionNode): string | undefined {
  const first = fn.parameters[0];
  if (!first) return undefined;
  const type = first.type ?? jsDocType(first);
  if (!type) return undefined;
  const name = awsLambdaTypeName(file, type);
  return name && /Event/.test(name) ? name : undefined;
}

/** `SQSHandler` → `SQSEvent`; `Handler<SQSEvent, void>` → `SQSEvent`. */
function eventTypeOfHandlerType(file: TsFile, type: ts.TypeNode): string | undefined {
  const name = awsLambdaTypeName(file, type);
  if (!name) return undefined;
  if (name === 'Handler' && ts.isTypeReferenceNode(type) && type.typeArguments?.[0]) return awsLambdaTypeName(file, type.typeArguments[0]);
  if (/Handler(V\d)?$/.test(name)) return name.replace(/Handler(V\d)?$/, 'Event$1');
  return undefined;
}

/** The export name when `type` refers to the `aws-lambda` types package. */
export function awsLambdaTypeName(file: TsFile, type: ts.TypeNode): string | undefined {
  if (ts.isTypeReferenceNode(type)) {
    const n = type.typeName;
    if (ts.isIdentifier(n)) {
      const ref = file.symbolOf(n);
      return ref && ref.module === 'aws-lambda' && ref.path.length === 1 ? ref.path[0] : undefined;
    }
    if (ts.isIdentifier(n.left)) {
      const ref = file.symbolOf(n.left);
      return ref && ref.module === 'aws-lambda' && ref.path.length === 0 ? n.right.text : undefined;
    }
    return undefined;
  }
  if (ts.isImportTypeNode(type)) {
    const arg = type.argument;
    if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal) && arg.literal.text === 'aws-lambda' && type.qualifier && ts.isIdentifier(type.qualifier)) return type.qualifier.text;
  }
  return undefined;
}

function jsDocType(node: ts.Node): ts.TypeNode | undefined {
  if (!(node.getSourceFile().flags & ts.NodeFlags.JavaScriptFile)) return undefined;
  return ts.getJSDocType(node);
}

/**
 * A CloudFormation custom resource handler: it names the custom resource event type or reads
 * `RequestType` (Create, Update, Delete). It runs once per stack operation, not per request.
 */
export function isCustomResourceHandler(file: TsFile, handler: LambdaHandler): boolean {
  if (handler.eventType?.startsWith('CloudFormationCustomResource')) return true;
  return /\bRequestType\b/.test(file.text.slice(handler.fn.getStart(file.sourceFile), handler.fn.getEnd()));
}
