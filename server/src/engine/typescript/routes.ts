// Web route handlers that a server (not Lambda) runs on every request: Next.js App Router route
// handlers and SvelteKit endpoints (`export async function GET` in `app/**/route.ts`, `+server.ts`),
// Next.js API routes (the default export under `pages/api/`), and the callbacks an Express, Fastify,
// Koa or Hono app registers for a path (`router.get('/items', async (req, res) => ...)`). Known by
// the framework's own conventions, never guessed from names. Computed lazily, once per file.
import * as ts from './api';
import { hasModifier, unwrap } from './bindings';
import type { TsFile } from './file';
import { isBoundary } from './scopes';

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** `app/**\/route.ts` (Next.js App Router) and `+server.ts` (SvelteKit): named HTTP-method exports. */
const METHOD_EXPORT_FILE = /(^|\/)(app\/(.*\/)?route|\+server)\.[cm]?[jt]sx?$/;
/** `pages/api/**` (Next.js Pages Router): the default export. */
const API_ROUTE_FILE = /(^|\/)pages\/api\//;
/** Route registrations whose path argument comes first. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);
/** App or router factories: `express()`, `express.Router()`, `Router()`, `fastify()`, `new Hono()`, `new Router()` (Koa). */
const APP_FACTORIES: readonly (readonly [string, ...string[]])[] = [['express'], ['express', 'Router'], ['fastify'], ['hono', 'Hono'], ['@koa/router'], ['koa-router']];
/** A quoted framework module name: only such files can register routes. */
const FRAMEWORK_TEXT = /['"`](express|fastify|hono|@koa\/router|koa-router)['"`]/;

/** The functions of this file that a web server calls per request (not their helpers). */
export function webRouteFunctions(file: TsFile): ReadonlySet<ts.Node> {
  const memo = file.memo<'routes', ReadonlySet<ts.Node>>(webRouteFunctions);
  let found = memo.get('routes');
  if (!found) memo.set('routes', (found = findRoutes(file)));
  return found;
}

/** The file may hold web routes: a route file's path, or a quoted framework module name (a cheap test before any walk). */
export function mayHaveWebRoutes(file: TsFile): boolean {
  const memo = file.memo<'hint', boolean>(mayHaveWebRoutes);
  let hint = memo.get('hint');
  if (hint === undefined) {
    const path = file.sourceFile.fileName.replace(/\\/g, '/');
    memo.set('hint', (hint = METHOD_EXPORT_FILE.test(path) || API_ROUTE_FILE.test(path) || FRAMEWORK_TEXT.test(file.text)));
  }
  return hint;
}

/** `node` runs inside a web route handler (or a function nested in one). */
export function inWebRoute(file: TsFile, node: ts.Node): boolean {
  const routes = webRouteFunctions(file);
  if (routes.size === 0) return false;
  for (let p = node.parent; p; p = p.parent) if (routes.has(p)) return true;
  return false;
}

function findRoutes(file: TsFile): Set<ts.Node> {
  const routes = new Set<ts.Node>();
  const path = file.sourceFile.fileName.replace(/\\/g, '/');
  const methodExports = METHOD_EXPORT_FILE.test(path);
  const apiRoute = API_ROUTE_FILE.test(path);
  if (methodExports || apiRoute) {
    for (const st of file.sourceFile.statements) {
      if (methodExports) collectMethodExports(file, st, routes);
      if (apiRoute && ts.isExportAssignment(st) && !st.isExportEquals) addFunction(file, st.expression, routes);
      if (apiRoute && ts.isFunctionDeclaration(st) && st.body && hasModifier(st, ts.SyntaxKind.ExportKeyword) && hasModifier(st, ts.SyntaxKind.DefaultKeyword)) routes.add(st);
    }
  }
  if (FRAMEWORK_TEXT.test(file.text)) collectRegisteredRoutes(file, routes);
  return routes;
}

/** `export async function GET(...)`, `export const POST = async (...) => ...`, `export { handler as GET }`. */
function collectMethodExports(file: TsFile, st: ts.Statement, routes: Set<ts.Node>): void {
  if (ts.isFunctionDeclaration(st) && st.body && st.name && HTTP_METHODS.has(st.name.text) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) routes.add(st);
  else if (ts.isVariableStatement(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && HTTP_METHODS.has(d.name.text) && d.initializer) addFunction(file, d.initializer, routes);
  } else if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
    for (const el of st.exportClause.elements) if (HTTP_METHODS.has(el.name.text)) addFunction(file, el.propertyName ?? el.name, routes);
  }
}

/** `app.get('/path', mw, async (req, res) => ...)` on an app or router made in this file; named local functions too. */
function collectRegisteredRoutes(file: TsFile, routes: Set<ts.Node>): void {
  const apps = new Set<ts.Node>();
  const nodes = file.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!ts.isVariableDeclaration(n) || !n.initializer) continue;
    const init = unwrap(n.initializer);
    const callee = ts.isCallExpression(init) || ts.isNewExpression(init) ? init.expression : undefined;
    if (callee && APP_FACTORIES.some(([module, ...p]) => file.isSymbol(callee, module, ...p))) apps.add(n);
  }
  if (apps.size === 0) return;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    if (!ts.isCallExpression(n) || n.arguments.length < 2) continue;
    const callee = unwrap(n.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.name.text) || !ts.isStringLiteralLike(unwrap(n.arguments[0]))) continue;
    const receiver = unwrap(callee.expression);
    const decl = ts.isIdentifier(receiver) ? file.declarationOf(receiver) : undefined;
    if (!decl || !apps.has(decl.node)) continue;
    for (const arg of n.arguments.slice(1)) addFunction(file, arg, routes);
  }
}

/** A function written here, or named by a local `function f` / `const f = () => ...`. */
function addFunction(file: TsFile, expr: ts.Expression, routes: Set<ts.Node>): void {
  const e = unwrap(expr);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) {
    routes.add(e);
    return;
  }
  if (!ts.isIdentifier(e)) return;
  const decl = file.declarationOf(e);
  if (decl?.kind === 'function' && decl.node.body) routes.add(decl.node);
  else if (decl?.kind === 'variable' && decl.node.initializer) {
    const init = unwrap(decl.node.initializer);
    if (isBoundary(init)) routes.add(init);
  }
}
