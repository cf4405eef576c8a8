// Small data-flow questions the handler rules share: does a value come from the current
// invocation (the event, a local computed from it), and is a value kept in module state (a
// cache that survives between invocations)?
import * as ts from './api';
import { unwrap } from './bindings';
import type { TsFile } from './file';
import type { ScopeFacts } from './scopes';

/**
 * Whether `expr` uses a value of the current invocation: a parameter, a `let`, a catch variable,
 * `this`, or a local `const` computed from one. Imports, module-level bindings and globals
 * (`process.env`) do not count.
 */
export function dependsOnInvocation(file: TsFile, scopes: ScopeFacts, expr: ts.Node, depth = 0): boolean {
  if (depth > 6) return true;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword) {
      found = true;
      return;
    }
    if (ts.isIdentifier(n)) {
      if (!isValueReference(n)) return;
      const decl = file.declarationOf(n);
      if (!decl || decl.kind === 'import' || scopes.isModuleLevel(decl) || isInside(decl.node, expr)) return;
      if (decl.kind === 'function' || decl.kind === 'class') return;
      if (decl.kind === 'variable' && decl.isConst && decl.node.initializer) {
        if (dependsOnInvocation(file, scopes, decl.node.initializer, depth + 1)) found = true;
        return;
      }
      found = true;
      return;
    }
    if (ts.isTypeNode(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

/**
 * Whether the value `node` produces is kept in module state: assigned to a module-level variable or
 * a member of one (`client ??= new S3Client()`, `cache[region] = ...`), stored with `.set()` on a
 * module-level map, kept on `this`, or bound to a local that is then stored so.
 */
export function storedInModuleState(file: TsFile, scopes: ScopeFacts, node: ts.Node, depth = 0): boolean {
  if (depth > 3) return false;
  let n: ts.Node = node;
  for (;;) {
    const p: ts.Node = n.parent;
    if (!p) return false;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isAwaitExpression(p) || ts.isSatisfiesExpression(p)) {
      n = p;
      continue;
    }
    // `a ?? new X()`, `cond ? new X() : y`: the value flows on.
    if ((ts.isBinaryExpression(p) && p.right === n && isFallback(p.operatorToken.kind)) || (ts.isConditionalExpression(p) && p.condition !== n)) {
      n = p;
      continue;
    }
    // `init().catch(...)`, `load().then(...)`: the chained promise carries the call's result on.
    if (ts.isPropertyAccessExpression(p) && p.expression === n && PROMISE_CHAIN.has(p.name.text) && ts.isCallExpression(p.parent) && p.parent.expression === p) {
      n = p.parent;
      continue;
    }
    // `promise.then((x) => new X(x))` hands its result on through the promise.
    break;
  }
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.right === n && isAssignment(p.operatorToken.kind)) return isModuleStateTarget(file, scopes, p.left);
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const callee = unwrap(p.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'set') return isModuleStateTarget(file, scopes, callee.expression);
    return false;
  }
  if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name)) {
    return scopes.referencesTo(p.name.text, p).some((ref) => ref !== p.name && storedInModuleState(file, scopes, ref, depth + 1));
  }
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === n)) {
    // A factory whose callers keep the result: `client ??= createClient()`.
    const fn = ts.isArrowFunction(p) ? p : scopes.enclosingFunction(p);
    return !!fn && everyCallKept(file, scopes, fn, depth + 1);
  }
  return false;
}

/**
 * Whether `fn` is named and every reference to it is a call whose result is kept in module state
 * (`client ??= createClient()`, `ready ||= init().catch(...)`): it runs once per container.
 */
export function everyCallKept(file: TsFile, scopes: ScopeFacts, fn: ts.Node, depth = 0): boolean {
  const name = functionName(fn);
  if (!name) return false;
  const refs = scopes.referencesTo(name.text, name.decl);
  return refs.length > 0 && refs.every((ref) => isCall(ref) && storedInModuleState(file, scopes, ref.parent, depth));
}

const PROMISE_CHAIN = new Set(['then', 'catch', 'finally']);

/** The name a function is called by: its declaration's, or that of the variable it initializes. */
export function functionName(fn: ts.Node): { text: string; decl: ts.Node } | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return { text: fn.name.text, decl: fn };
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return { text: p.name.text, decl: p };
  return undefined;
}

function isCall(id: ts.Identifier): boolean {
  return ts.isCallExpression(id.parent) && id.parent.expression === id;
}

/** `x`, `x.y`, `x[k]`, `this.x` where the root is module-level (or the instance). */
export function isModuleStateTarget(file: TsFile, scopes: ScopeFacts, target: ts.Expression): boolean {
  const root = rootOf(target);
  return root.kind === ts.SyntaxKind.ThisKeyword || moduleVariable(file, scopes, root) !== undefined;
}

/** The module-level variable (not an import) that `x`, `x.y`, `x[k]` is rooted in: its name. */
export function moduleStateRoot(file: TsFile, scopes: ScopeFacts, target: ts.Expression): string | undefined {
  return moduleVariable(file, scopes, rootOf(target));
}

/**
 * Whether `region` assigns module-level state, or calls `.set()` on it (`cache = ...`,
 * `cache[k] = ...`, `cache.set(k, ...)`, `this.x = ...`); with `root`, only state rooted in that
 * module variable.
 */
export function writesModuleState(file: TsFile, scopes: ScopeFacts, region: ts.Node, root?: string): boolean {
  const writes = (target: ts.Expression) => (root === undefined ? isModuleStateTarget(file, scopes, target) : moduleStateRoot(file, scopes, target) === root);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind) && writes(n.left)) found = true;
    else if (ts.isCallExpression(n)) {
      const callee = unwrap(n.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'set' && writes(callee.expression)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(region);
  return found;
}

function rootOf(target: ts.Expression): ts.Expression {
  let e = unwrap(target);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  return e;
}

function moduleVariable(file: TsFile, scopes: ScopeFacts, e: ts.Expression): string | undefined {
  if (!ts.isIdentifier(e)) return undefined;
  const decl = file.declarationOf(e);
  return decl && decl.kind !== 'import' && scopes.isModuleLevel(decl) ? e.text : undefined;
}

function isFallback(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken;
}

export function isAssignment(op: ts.SyntaxKind): boolean {
  return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
}

function isInside(inner: ts.Node, outer: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

export function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && (p.propertyName === id || p.name === id)) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isClassDeclaration(p)) && p.name === id) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
}
