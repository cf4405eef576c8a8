// Where code runs, as the handler rules need to know it: once at cold start (module scope, a
// module-scope IIFE or init promise, a function only module code calls), on every invocation
// (the handler, functions declared inside it, same-file helpers only the request path reaches, the
// routes of a web app a Lambda adapter serves: `handle(app)`, `serverless(app)`),
// and once per item (loops, iterating callbacks, helpers only loops call). Computed lazily per
// file and shared by every rule; the only extra pass is one collection of identifier references.
import * as ts from './api';
import type { Declaration } from './bindings';
import { hasModifier, unwrap } from './bindings';
import type { TsFile } from './file';
import { lambdaHandlers, type LambdaHandler } from './handlers';

/**
 * `handler`: a Lambda handler's own function. `request`: runs during an invocation (nested in a
 * handler, or a same-file helper only request-path code uses). `init`: runs once at cold start.
 * `unknown`: anything else (exported helpers, class members, callbacks of unknown callers).
 */
export type FunctionRole = 'handler' | 'request' | 'init' | 'unknown';

export type Boundary = ts.FunctionLikeDeclaration;

export interface LoopInfo {
  kind: 'for' | 'for-of' | 'for-in' | 'for-await' | 'while' | 'do' | 'callback' | 'caller';
  /** The loop statement, the iterating call (`items.forEach(...)`), or the helper only loops call. */
  node: ts.Node;
  /** Values declared inside this node may change on each iteration. */
  perIteration: ts.Node;
}

const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'reduce', 'reduceRight']);
/**
 * Adapters that serve a web app as a Lambda handler: `handle(app)` (Hono), `awsLambdaFastify(app)`,
 * `serverless(app)` (serverless-http), `serverlessExpress({ app })`. Callbacks the app's routes get
 * run per request, as the handler does.
 */
const LAMBDA_ADAPTERS: readonly (readonly [string, ...string[]])[] = [
  ['hono/aws-lambda', 'handle'],
  ['hono/aws-lambda', 'streamHandle'],
  ['@fastify/aws-lambda'],
  ['aws-lambda-fastify'],
  ['serverless-http'],
  ['@vendia/serverless-express'],
  ['@codegenie/serverless-express'],
];
/**
 * A quoted adapter module name (`'serverless-http'`): the file may use one. Anchored on the quote,
 * the scan tries only quote characters; the unanchored alternation took 0.5 ms on a 176 KB stack.
 */
const LAMBDA_ADAPTER_TEXT = new RegExp(`['"\`](?:${[...new Set(LAMBDA_ADAPTERS.map(([m]) => m.replace(/[/.]/g, '\\$&')))].join('|')})['"\`]`);
/** Route and middleware registrations (Hono, Express, Fastify): their callbacks run per request. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'on', 'use', 'route', 'onError', 'notFound']);
/** The file's scope facts, computed once per analysis (kept on the file: see `TsFile.memo`). */
export function scopeFacts(file: TsFile): ScopeFacts {
  const memo = file.memo<'facts', ScopeFacts>(scopeFacts);
  let facts = memo.get('facts');
  if (!facts) memo.set('facts', (facts = new ScopeFacts(file)));
  return facts;
}

export function isBoundary(node: ts.Node): node is Boundary {
  return ts.isFunctionLike(node) && 'body' in node && node.body !== undefined;
}

/** The nearest function whose body (or parameters) holds `node`. */
export function enclosingFunction(node: ts.Node): Boundary | undefined {
  for (let p = node.parent; p; p = p.parent) if (isBoundary(p)) return p;
  return undefined;
}

export class ScopeFacts {
  readonly handlers: readonly LambdaHandler[];
  private readonly handlerByFn = new Map<ts.Node, LambdaHandler>();
  private readonly roles = new Map<ts.Node, FunctionRole>();
  private readonly loops = new Map<ts.Node, LoopInfo | null>();
  private references?: Map<string, ts.Identifier[]>;
  private servedApps?: Set<ts.Node>;

  constructor(readonly file: TsFile) {
    this.handlers = lambdaHandlers(file);
    for (const h of this.handlers) this.handlerByFn.set(h.fn, h);
  }

  /** Some code of this file runs per request: a Lambda handler, or the routes of an app a Lambda adapter serves. */
  servesRequests(): boolean {
    return this.handlers.length > 0 || this.lambdaApps().size > 0;
  }

  /** The nearest function whose body (or parameters) holds `node`. */
  enclosingFunction(node: ts.Node): Boundary | undefined {
    return enclosingFunction(node);
  }

  roleOf(fn: Boundary): FunctionRole {
    const known = this.roles.get(fn);
    if (known) return known;
    this.roles.set(fn, 'unknown'); // recursion guard: a cycle proves nothing
    const role = this.computeRole(fn);
    this.roles.set(fn, role);
    return role;
  }

  /** Runs on every invocation: inside a handler or a helper only the request path uses. */
  isRequestPath(node: ts.Node): boolean {
    const fn = this.enclosingFunction(node);
    if (!fn) return false;
    const role = this.roleOf(fn);
    return role === 'handler' || role === 'request';
  }

  /** Runs once at cold start: module code, a module-scope IIFE or init promise, or a function only module code calls. */
  isModuleInit(node: ts.Node): boolean {
    for (let p = node.parent; p; p = p.parent) {
      if (isBoundary(p)) return this.roleOf(p) === 'init';
      // Instance field initializers run per `new`, not at load.
      if (ts.isPropertyDeclaration(p) && !p.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return false;
    }
    return true;
  }

  /** The handler whose own function, or a function nested in it, holds `node`. */
  handlerOf(node: ts.Node): LambdaHandler | undefined {
    for (let p = node.parent; p; p = p.parent) {
      const h = this.handlerByFn.get(p);
      if (h) return h;
    }
    return undefined;
  }

  /** The statement directly in the source file that holds `node` (where module-scope code goes before). */
  topLevelStatement(node: ts.Node): ts.Statement | undefined {
    let n: ts.Node = node;
    while (n.parent && !ts.isSourceFile(n.parent)) n = n.parent;
    return n.parent ? (n as ts.Statement) : undefined;
  }

  /** A binding made at the top of the file (an import, or a module-level variable, function or class). */
  isModuleLevel(decl: Declaration | undefined): boolean {
    if (!decl) return false;
    // An ES import is always top-level; a `require` can sit inside a function (a handler's own `const AWS = require('aws-sdk')`).
    if (decl.kind === 'import' && !ts.isVariableDeclaration(decl.node) && !ts.isBindingElement(decl.node)) return true;
    let scope: ts.Node | undefined = decl.node.parent;
    while (scope && !isScopeNode(scope)) scope = scope.parent;
    return !!scope && ts.isSourceFile(scope);
  }

  /** The innermost per-item loop around `node` within its function; retry and polling loops do not count. */
  loopOf(node: ts.Node): LoopInfo | undefined {
    let child: ts.Node = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      if (isBoundary(p)) return this.functionLoop(p);
      const loop = loopStatement(p, child);
      if (loop && !isRetryLoop(p)) return loop;
    }
    return undefined;
  }

  /** Identifiers that refer to `decl` (its name excluded), found in one lazy pass over the file. */
  referencesTo(name: string, decl: ts.Node): ts.Identifier[] {
    const all = this.allReferences().get(name) ?? [];
    return all.filter((id) => this.file.declarationOf(id)?.node === decl);
  }

  private allReferences(): Map<string, ts.Identifier[]> {
    if (this.references) return this.references;
    const map = new Map<string, ts.Identifier[]>();
    // The file's nodes in pre-order, as linked: no second walk of the tree. A type's nodes follow
    // it, and name no values.
    const nodes = this.file.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (ts.isIdentifier(n)) {
        if (isReferencePosition(n)) {
          let list = map.get(n.text);
          if (!list) map.set(n.text, (list = []));
          list.push(n);
        }
      } else if (ts.isTypeNode(n)) {
        while (i + 1 < nodes.length && isInside(nodes[i + 1], n) && descendsFrom(nodes[i + 1], n)) i++;
      }
    }
    // Last first, the order rules have always been given them in.
    for (const list of map.values()) list.reverse();
    this.references = map;
    return map;
  }

  private computeRole(fn: Boundary): FunctionRole {
    if (this.handlerByFn.has(fn)) return 'handler';
    const outer = this.enclosingFunction(fn);
    if (outer) return this.roleOf(outer);
    // Module level from here on.
    if (runsImmediately(fn)) return 'init';
    if (this.isServedRoute(fn)) return 'request';
    const named = namedFunction(fn);
    if (!named || named.exported) return 'unknown';
    const refs = this.referencesTo(named.name, named.decl).filter((r) => !isInside(r, fn));
    if (refs.length === 0) return 'unknown';
    let request = 0;
    let init = 0;
    for (const ref of refs) {
      if (isExportPosition(ref)) return 'unknown';
      const at = this.enclosingFunction(ref);
      if (!at) {
        // Module code: a call runs at load; a value handed to something else may run any time,
        // except to a route of an app a Lambda adapter serves (`app.get('/items', listItems)`).
        if (isCallee(ref)) init++;
        else if (this.isServedRoute(ref)) request++;
        else return 'unknown';
        continue;
      }
      const role = this.roleOf(at);
      if (role === 'handler' || role === 'request') request++;
      else if (role === 'init') init++;
      else return 'unknown';
    }
    if (request && !init) return 'request';
    if (init && !request) return 'init';
    return 'unknown';
  }

  /** `node` (a callback or a function's name) is an argument of a route of an app a Lambda adapter in this file serves. */
  private isServedRoute(node: ts.Node): boolean {
    let n: ts.Node = node;
    while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
    const call = n.parent;
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(n as ts.Expression)) return false;
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.name.text)) return false;
    const apps = this.lambdaApps();
    if (apps.size === 0) return false;
    // The app: the receiver of the chain (`app.get(...)`, `app.route('/x').get(...)`), or the variable
    // a chain that starts at `new Hono()` initializes (`const app = new Hono().get(...)`).
    let receiver = unwrap(callee.expression);
    while (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(unwrap(receiver.expression)) && ROUTE_METHODS.has((unwrap(receiver.expression) as ts.PropertyAccessExpression).name.text)) {
      receiver = unwrap((unwrap(receiver.expression) as ts.PropertyAccessExpression).expression);
    }
    if (ts.isIdentifier(receiver)) {
      const decl = this.file.declarationOf(receiver);
      return !!decl && apps.has(decl.node);
    }
    let top: ts.Node = call;
    while (top.parent && (ts.isPropertyAccessExpression(top.parent) || ts.isCallExpression(top.parent) || ts.isParenthesizedExpression(top.parent)) && (top.parent as { expression?: ts.Node }).expression === top) top = top.parent;
    return !!top.parent && ts.isVariableDeclaration(top.parent) && top.parent.initializer === top && apps.has(top.parent);
  }

  /** Declarations of the apps a Lambda adapter serves in this file; one pass over the node list, only in files that name an adapter. */
  private lambdaApps(): Set<ts.Node> {
    if (this.servedApps) return this.servedApps;
    const apps = new Set<ts.Node>();
    this.servedApps = apps;
    if (!LAMBDA_ADAPTER_TEXT.test(this.file.text)) return apps;
    const nodes = this.file.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (ts.isCallExpression(n) && n.arguments.length > 0 && LAMBDA_ADAPTERS.some(([module, ...path]) => this.file.isSymbol(n.expression, module, ...path))) {
        const arg = unwrap(n.arguments[0]);
        const props = ts.isObjectLiteralExpression(arg) ? this.file.objectProps(arg) : undefined;
        const app = props ? props.get('app') : undefined;
        const appExpr = app && app !== 'unknown' ? app.value : ts.isObjectLiteralExpression(arg) ? undefined : arg;
        const target = appExpr && unwrap(appExpr);
        if (target && ts.isIdentifier(target)) {
          const decl = this.file.declarationOf(target);
          if (decl) apps.add(decl.node);
        }
      }
    }
    return apps;
  }

  private functionLoop(fn: Boundary): LoopInfo | undefined {
    const memo = this.loops.get(fn);
    if (memo !== undefined) return memo ?? undefined;
    this.loops.set(fn, null);
    const found = this.computeFunctionLoop(fn);
    this.loops.set(fn, found ?? null);
    return found;
  }

  private computeFunctionLoop(fn: Boundary): LoopInfo | undefined {
    const call = iteratingCallOf(fn);
    if (call) return { kind: 'callback', node: call, perIteration: fn };
    const named = namedFunction(fn);
    if (!named) return undefined;
    const refs = this.referencesTo(named.name, named.decl).filter((r) => !isInside(r, fn));
    if (refs.length === 0 || named.exported) return undefined;
    for (const ref of refs) {
      if (isExportPosition(ref)) return undefined;
      if (iteratingCallOf(ref)) continue; // `records.map(processRecord)`
      if (!isCallee(ref) || !this.loopOf(ref)) return undefined;
    }
    return { kind: 'caller', node: fn, perIteration: fn };
  }
}

function isScopeNode(n: ts.Node): boolean {
  return ts.isSourceFile(n) || ts.isBlock(n) || ts.isModuleBlock(n) || ts.isFunctionLike(n) || ts.isCaseBlock(n) || ts.isCatchClause(n) || ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isClassLike(n);
}

/** `node` is `ancestor` or below it. */
function descendsFrom(node: ts.Node, ancestor: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** `(async () => {...})()`, `new Promise((resolve) => ...)`, `promise.then(cb)`: runs where it is written. */
function runsImmediately(fn: Boundary): boolean {
  let n: ts.Node = fn;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (ts.isCallExpression(p) && p.expression === n) return true;
  if (ts.isNewExpression(p) && p.arguments?.[0] === n && ts.isIdentifier(p.expression) && p.expression.text === 'Promise') return true;
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const callee = unwrap(p.expression);
    if (ts.isPropertyAccessExpression(callee) && ['then', 'catch', 'finally'].includes(callee.name.text)) return true;
  }
  return false;
}

interface NamedFunction {
  name: string;
  /** The declaration node references resolve to (the function, or the variable declaration). */
  decl: ts.Node;
  exported: boolean;
}

/** `function f() {}` or `const f = () => {}` / `const f = function () {}`, with whether it is exported. */
function namedFunction(fn: Boundary): NamedFunction | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return { name: fn.name.text, decl: fn, exported: hasModifier(fn, ts.SyntaxKind.ExportKeyword) };
  let n: ts.Node = fn;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (p && ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name)) {
    const statement = p.parent?.parent;
    return { name: p.name.text, decl: p, exported: !!statement && ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword) };
  }
  return undefined;
}

/** The `items.forEach(...)` / `.map(...)` call a callback (or a function reference) is handed to. */
function iteratingCallOf(node: ts.Node): ts.CallExpression | undefined {
  let n: ts.Node = node;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!p || !ts.isCallExpression(p) || p.arguments[0] !== n) return undefined;
  const callee = unwrap(p.expression);
  return ts.isPropertyAccessExpression(callee) && ITERATING_METHODS.has(callee.name.text) ? p : undefined;
}

function loopStatement(p: ts.Node, child: ts.Node): LoopInfo | undefined {
  if (ts.isForOfStatement(p) && child === p.statement) return { kind: p.awaitModifier ? 'for-await' : 'for-of', node: p, perIteration: p };
  if (ts.isForInStatement(p) && child === p.statement) return { kind: 'for-in', node: p, perIteration: p };
  if (ts.isForStatement(p) && (child === p.statement || child === p.condition || child === p.incrementor)) return { kind: 'for', node: p, perIteration: p };
  if (ts.isWhileStatement(p) && (child === p.statement || child === p.expression)) return { kind: 'while', node: p, perIteration: p };
  if (ts.isDoStatement(p) && (child === p.statement || child === p.expression)) return { kind: 'do', node: p, perIteration: p };
  return undefined;
}

/**
 * A counting or `while` loop that leaves early (`break`, `return`) is a retry or polling loop around
 * one operation, not a loop over items.
 */
function isRetryLoop(loop: ts.Node): boolean {
  if (!ts.isForStatement(loop) && !ts.isWhileStatement(loop) && !ts.isDoStatement(loop)) return false;
  let found = false;
  // `insideNested`: an unlabeled `break` there leaves a nested loop or switch, not this loop.
  const visit = (n: ts.Node, insideNested: boolean): void => {
    if (found || isBoundary(n)) return;
    if (ts.isReturnStatement(n) || (ts.isBreakStatement(n) && (!insideNested || n.label))) {
      found = true;
      return;
    }
    const nested = insideNested || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n);
    ts.forEachChild(n, (c) => visit(c, nested));
  };
  visit(loop.statement, false);
  return found;
}

function isCallee(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  return !!p && (ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === n;
}

/** `export { f }`, `module.exports = { f }`, `exports.f = f`: the function leaves the file. */
function isExportPosition(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isExportSpecifier(p) || ts.isExportAssignment(p)) return true;
  if (ts.isShorthandPropertyAssignment(p) || ts.isPropertyAssignment(p)) {
    const assign = p.parent.parent;
    return !!assign && ts.isBinaryExpression(assign) && assign.right === p.parent && isExportsTarget(assign.left);
  }
  return ts.isBinaryExpression(p) && p.right === id && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && isExportsTarget(p.left);
}

/** `exports`, `exports.x`, `module.exports`, `module.exports.x`. */
function isExportsTarget(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && !(ts.isIdentifier(e.expression) && e.expression.text === 'module')) e = unwrap(e.expression);
  if (ts.isIdentifier(e)) return e.text === 'exports';
  return ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && ts.isIdentifier(e.expression) && e.expression.text === 'module';
}

/** An identifier that reads a binding (not a property name, a declaration's own name, or a label). */
function isReferencePosition(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p)) return p.expression === id;
  if (ts.isQualifiedName(p)) return p.left === id;
  if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) return p.name !== id && (!ts.isPropertyAssignment(p) || p.initializer === id);
  if (ts.isBindingElement(p)) return p.name !== id && p.propertyName !== id;
  if (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassDeclaration(p) || ts.isClassExpression(p) || ts.isParameter(p) || ts.isEnumDeclaration(p) || ts.isEnumMember(p) || ts.isInterfaceDeclaration(p) || ts.isTypeAliasDeclaration(p) || ts.isModuleDeclaration(p) || ts.isTypeParameterDeclaration(p)) return p.name !== id;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isImportEqualsDeclaration(p)) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakStatement(p) || ts.isContinueStatement(p)) return false;
  if (ts.isExportSpecifier(p)) return (p.propertyName ?? p.name) === id;
  if (ts.isJsxAttribute(p)) return false;
  return true;
}

