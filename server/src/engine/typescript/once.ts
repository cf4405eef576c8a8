// Code in a request path that still runs once per container: behind a test of module state that the
// same code then sets (`if (!runtime) { ...; runtime = ... }`, `if (loaded) return; ...; loaded = ...`),
// or in a function whose every call is kept in module state (`ready ||= init().catch(...)`). Lambda
// keeps module state between warm invocations, so what such code builds is built once, not per request.
import * as ts from './api';
import type { TsFile } from './file';
import { moduleStateRoot, storedInModuleState, writesModuleState } from './flow';
import { isBoundary, type ScopeFacts } from './scopes';

/** Whether `node` sits in code that a module-state guard or a memoized caller limits to one run per container. */
export function runsOncePerContainer(file: TsFile, scopes: ScopeFacts, node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p && !ts.isSourceFile(p); child = p, p = p.parent) {
    // `if (!cache) { ... cache = ... }` (or the else branch of `if (cache) ... else { ... }`).
    if (ts.isIfStatement(p) && child !== p.expression && guardsWrite(file, scopes, p.expression, child)) return true;
    // `if (loaded) return;` above `child` in a function's body.
    if (ts.isBlock(p) && isBoundary(p.parent) && earlyReturnGuard(file, scopes, p, child)) return true;
    if (isBoundary(p) && memoizedByCallers(file, scopes, p)) return true;
  }
  return false;
}

/** `condition` reads a module variable that `branch` assigns. */
function guardsWrite(file: TsFile, scopes: ScopeFacts, condition: ts.Expression, branch: ts.Node): boolean {
  return moduleVariablesRead(file, scopes, condition).some((name) => writesModuleState(file, scopes, branch, name));
}

/** A statement before `child` in `body` returns when a module variable is set, and `body` sets it later: `if (loaded) return x;`. */
function earlyReturnGuard(file: TsFile, scopes: ScopeFacts, body: ts.Block, child: ts.Node): boolean {
  for (const st of body.statements) {
    if (st === child) break;
    if (!ts.isIfStatement(st) || st.elseStatement || !returns(st.thenStatement)) continue;
    if (moduleVariablesRead(file, scopes, st.expression).some((name) => writesModuleState(file, scopes, body, name))) return true;
  }
  return false;
}

function returns(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st)) return true;
  return ts.isBlock(st) && st.statements.length > 0 && ts.isReturnStatement(st.statements[st.statements.length - 1]);
}

/** A named function every reference to which is a call whose result is kept in module state. */
function memoizedByCallers(file: TsFile, scopes: ScopeFacts, fn: ts.Node): boolean {
  const name = functionName(fn);
  if (!name) return false;
  const refs = scopes.referencesTo(name.text, name.decl);
  return refs.length > 0 && refs.every((ref) => ts.isCallExpression(ref.parent) && ref.parent.expression === ref && storedInModuleState(file, scopes, ref.parent));
}

function functionName(fn: ts.Node): { text: string; decl: ts.Node } | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return { text: fn.name.text, decl: fn };
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return { text: p.name.text, decl: p };
  return undefined;
}

/** The module-level variables (not imports) an expression reads. */
function moduleVariablesRead(file: TsFile, scopes: ScopeFacts, expr: ts.Expression): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const name = moduleStateRoot(file, scopes, n);
      if (name && !names.includes(name)) names.push(name);
      return;
    }
    if (isBoundary(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return names;
}
