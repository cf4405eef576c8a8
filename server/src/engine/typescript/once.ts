// Code in a request path that still runs once per container: a lazy initialization guarded by module
// state that the guarded code fills (`if (!cache) { ...; cache = ... }`, `if (cache) return cache; ...;
// cache = ...`, `cache ??= ...`), or a function whose every call is kept in module state
// (`ready ||= init().catch(...)`). Lambda keeps module state between warm invocations, so what such
// code builds or reads is built or read once, not per request.
import * as ts from './api';
import { unwrap } from './bindings';
import type { TsFile } from './file';
import { everyCallKept, isModuleStateTarget, moduleStateRoot, writesModuleState } from './flow';
import type { ScopeFacts } from './scopes';

/** Whether `node` sits in code that a module-state guard or a memoized caller limits to one run per container. */
export function runsOncePerContainer(file: TsFile, scopes: ScopeFacts, node: ts.Node): boolean {
  if (behindModuleCache(file, scopes, node)) return true;
  for (let fn = scopes.enclosingFunction(node); fn; fn = scopes.enclosingFunction(fn)) if (everyCallKept(file, scopes, fn)) return true;
  return false;
}

/**
 * Whether `node` runs once per container: inside a lazy initialization guarded by module state that
 * the guarded code fills (`if (!cache) { ... cache = ... }`, `if (cache) return cache; ... cache = ...`,
 * `cache ??= ...`). Such a read is not repeated on warm invocations.
 */
function behindModuleCache(file: TsFile, scopes: ScopeFacts, node: ts.Node): boolean {
  let n: ts.Node = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (ts.isBinaryExpression(p) && p.right === n && LAZY_ASSIGN.has(p.operatorToken.kind) && isModuleStateTarget(file, scopes, p.left)) return true;
    if (ts.isIfStatement(p) && p.thenStatement === n) {
      const root = emptyCacheTest(file, scopes, p.expression);
      if (root && writesModuleState(file, scopes, p.thenStatement, root)) return true;
    }
    if (ts.isBlock(p)) {
      // `if (cache) return cache;` earlier in the block, and the block fills `cache`.
      const before = p.statements.slice(0, p.statements.indexOf(n as ts.Statement));
      for (const st of before) {
        const root = ts.isIfStatement(st) && returnsOnly(st.thenStatement) ? filledCacheTest(file, scopes, st.expression) : undefined;
        if (root && writesModuleState(file, scopes, p, root)) return true;
      }
    }
    if (ts.isSourceFile(p)) return false;
  }
  return false;
}

const LAZY_ASSIGN = new Set([ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken]);

/** The module-level root of a test that the cache is empty: `!cache`, `!cache[key]`, `!cache.has(key)`, `cache == null`, one side of `||`. */
function emptyCacheTest(file: TsFile, scopes: ScopeFacts, cond: ts.Expression): string | undefined {
  const e = unwrap(cond);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken) return emptyCacheTest(file, scopes, e.left) ?? emptyCacheTest(file, scopes, e.right);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return moduleRoot(file, scopes, e.operand);
  if (ts.isBinaryExpression(e) && NULL_COMPARISON.has(e.operatorToken.kind) && isNullish(e.right)) return moduleRoot(file, scopes, e.left);
  return undefined;
}

/** The module-level root of a test that the cache is filled: `cache`, `cache[key]`, `cache.has(key)`, `cache && cache.expires > now`. */
function filledCacheTest(file: TsFile, scopes: ScopeFacts, cond: ts.Expression): string | undefined {
  const e = unwrap(cond);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return filledCacheTest(file, scopes, e.left) ?? filledCacheTest(file, scopes, e.right);
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken || e.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken) && isNullish(e.right)) return moduleRoot(file, scopes, e.left);
  return moduleRoot(file, scopes, e);
}

const NULL_COMPARISON = new Set([ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken]);

function isNullish(e: ts.Expression): boolean {
  const u = unwrap(e);
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined');
}

/** `cache`, `cache.x`, `cache[k]`, `cache.has(k)` where `cache` is a module-level variable: its name. */
function moduleRoot(file: TsFile, scopes: ScopeFacts, expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  const has = ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'has';
  return moduleStateRoot(file, scopes, has ? e.expression.expression : e);
}

function returnsOnly(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st)) return true;
  return ts.isBlock(st) && st.statements.length > 0 && ts.isReturnStatement(st.statements[st.statements.length - 1]);
}
