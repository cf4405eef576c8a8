// Environment variable reads (`process.env.X`, `process.env['X']`, `const { X } = process.env`)
// and how the code treats the value: checked, defaulted, asserted (`!`, `as string`, `?? ''`),
// handed to a function, or used as is.
import * as ts from './api';
import { unwrap } from './bindings';
import type { TsFile } from './file';

export type EnvAssertion = '!' | 'as string' | "?? ''";

export interface EnvRead {
  name: string;
  /** `process.env.X` / `process.env['X']`, or the binding element of `const { X } = process.env`. */
  node: ts.Node;
  /** The read with its assertion wrapper, as the code uses it. */
  outer: ts.Expression | undefined;
  assertion?: EnvAssertion;
  /**
   * `checked`: the read is itself a test (`if (!process.env.X)`, `=== 'true'`, `typeof`).
   * `defaulted`: a real fallback (`|| 'info'`, `?? DEFAULT`, `|| undefined`, `{ X = 'a' } = process.env`).
   * `handed`: passed to a call (a validator, `Number(...)`, `z.string().parse(...)`): not judged here.
   * `write`: assigned or deleted. `value`: used as the value.
   */
  usage: 'checked' | 'defaulted' | 'handed' | 'write' | 'value';
  /** The variable the read initializes directly (`const X = process.env.X!`), if any. */
  boundTo?: ts.VariableDeclaration | ts.BindingElement;
  /** A member of the value is read (`process.env.X!.split(',')`): a missing variable throws a TypeError right there. */
  dereferenced?: boolean;
}

/** Set by Lambda itself on every function, or per invocation (`_X_AMZN_TRACE_ID`): never missing. */
const LAMBDA_RESERVED = new Set([
  'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_EXECUTION_ENV', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', 'TZ', 'LANG', 'PATH', 'LD_LIBRARY_PATH', 'NODE_PATH', 'HOME',
]);

export function isLambdaReserved(name: string): boolean {
  return LAMBDA_RESERVED.has(name) || name.startsWith('AWS_LAMBDA_') || name.startsWith('_') || name.startsWith('AWS_XRAY_');
}

/** `process.env` (the global, or `process` imported from `process`/`node:process`), or `env` imported from it. */
export function isProcessEnv(file: TsFile, expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'env') {
    const obj = unwrap(e.expression);
    if (!ts.isIdentifier(obj) || obj.text !== 'process') return false;
    const decl = file.declarationOf(obj);
    return !decl || (decl.kind === 'import' && decl.ref.module.replace(/^node:/, '') === 'process');
  }
  if (ts.isIdentifier(e)) {
    const ref = file.symbolOf(e);
    return !!ref && ref.module === 'process' && ref.path.length === 1 && ref.path[0] === 'env';
  }
  return false;
}

/** The read at `node` (a property or element access on `process.env`), or undefined. */
export function envReadAt(file: TsFile, node: ts.Node): EnvRead | undefined {
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(node) && isProcessEnv(file, node.expression)) name = node.name.text;
  else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && isProcessEnv(file, node.expression)) name = node.argumentExpression.text;
  if (name === undefined) return undefined;
  return classify(name, node as ts.Expression);
}

/** The reads of `const { A, B = 'x' } = process.env` (one per binding element). */
export function envDestructuredReads(file: TsFile, decl: ts.VariableDeclaration): EnvRead[] {
  if (!decl.initializer || !ts.isObjectBindingPattern(decl.name) || !isProcessEnv(file, decl.initializer)) return [];
  const out: EnvRead[] = [];
  for (const el of decl.name.elements) {
    if (el.dotDotDotToken) continue;
    const key = el.propertyName ?? el.name;
    const name = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
    if (!name || !ts.isIdentifier(el.name)) continue;
    const usage = el.initializer ? (isEmptyString(el.initializer) ? 'value' : 'defaulted') : 'value';
    out.push({ name, node: el, outer: undefined, usage, assertion: el.initializer && isEmptyString(el.initializer) ? "?? ''" : undefined, boundTo: el });
  }
  return out;
}

function isEmptyString(e: ts.Expression): boolean {
  const u = unwrap(e);
  return (ts.isStringLiteral(u) || ts.isNoSubstitutionTemplateLiteral(u)) && u.text === '';
}

function classify(name: string, access: ts.Expression): EnvRead {
  let outer: ts.Expression = access;
  let assertion: EnvAssertion | undefined;
  // Climb through what does not change the value, noting assertions.
  for (;;) {
    const p = outer.parent;
    if (ts.isParenthesizedExpression(p) || ts.isSatisfiesExpression(p)) outer = p;
    else if (ts.isNonNullExpression(p)) {
      assertion ??= '!';
      outer = p;
    } else if (ts.isAsExpression(p) || ts.isTypeAssertionExpression(p)) {
      assertion ??= 'as string';
      outer = p;
    } else if (ts.isBinaryExpression(p) && p.left === outer && isFallbackOperator(p.operatorToken.kind) && isEmptyString(p.right)) {
      assertion ??= "?? ''";
      outer = p;
    } else break;
  }
  const read: EnvRead = { name, node: access, outer, usage: usageOf(outer) };
  if (assertion) read.assertion = assertion;
  const p = outer.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === outer && !p.questionDotToken) read.dereferenced = true;
  const bound = boundVariable(outer);
  if (bound) read.boundTo = bound;
  return read;
}

/** How the code uses a value at `outer` (a read, or a variable holding one). */
export function usageOf(outer: ts.Expression): EnvRead['usage'] {
  const p = outer.parent;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (p.left === outer && isAssignmentOperator(op)) return 'write';
    if (p.left === outer && isFallbackOperator(op)) return 'defaulted';
    if (isComparison(op) || op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return 'checked';
  }
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return 'checked';
  if (ts.isDeleteExpression(p)) return 'write';
  if (ts.isTypeOfExpression(p)) return 'checked';
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p)) && p.expression === outer) return 'checked';
  if (ts.isConditionalExpression(p) && p.condition === outer) return 'checked';
  if (isHandedToCall(outer)) return 'handed';
  return 'value';
}

function isFallbackOperator(op: ts.SyntaxKind): boolean {
  return op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken;
}

function isAssignmentOperator(op: ts.SyntaxKind): boolean {
  return op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
}

function isComparison(op: ts.SyntaxKind): boolean {
  return (
    op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    op === ts.SyntaxKind.EqualsEqualsToken ||
    op === ts.SyntaxKind.ExclamationEqualsToken
  );
}

/** `const X = <expr>` (the whole initializer). */
function boundVariable(expr: ts.Expression): ts.VariableDeclaration | undefined {
  let n: ts.Node = expr;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isNonNullExpression(n.parent) || ts.isSatisfiesExpression(n.parent))) n = n.parent;
  const p = n.parent;
  return p && ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name) ? p : undefined;
}

/** The call whose arguments the value reaches (directly, or inside an object, array or template there). */
export function callReceiving(expr: ts.Expression): ts.CallExpression | undefined {
  let n: ts.Node = expr;
  for (let i = 0; i < 6 && n.parent; i++) {
    const p: ts.Node = n.parent;
    if (ts.isCallExpression(p)) return p.arguments.includes(n as ts.Expression) ? p : undefined;
    if (
      ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || ts.isParenthesizedExpression(p) || ts.isPropertyAssignment(p) ||
      ts.isShorthandPropertyAssignment(p) || ts.isObjectLiteralExpression(p) || ts.isArrayLiteralExpression(p) || ts.isSpreadElement(p)
    ) {
      n = p;
      continue;
    }
    return undefined;
  }
  return undefined;
}

export function isHandedToCall(expr: ts.Expression): boolean {
  return callReceiving(expr) !== undefined;
}
