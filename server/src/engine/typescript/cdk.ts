// The CDK layer of the TypeScript front end: which `new X(scope, id, props)` is an S3 bucket, a
// Lambda function or a DynamoDB table (by the module export X resolves to, never by its name, so a
// Glue `Table` or a dynamodb-toolbox `Table` is not a DynamoDB table), what its props say, and
// which variable or field holds it (to link later calls such as `bucket.addLifecycleRule()`).
// A construct subclass (`class Uploads extends s3.Bucket`) creates its construct in the
// `super(scope, id, props)` call of its constructor: that call is read like a `new`.
import * as ts from './api';
import type { TextEdit } from '../types';
import type { Visitor } from '../rule';
import { onDifferentLines } from '../text';
import { unwrap, type SymbolRef } from './bindings';
import { appendObjectArgument, importRef, insertProperty } from './edits';
import type { ObjectProps, PropInfo, StaticValue, TsFile } from './file';

/**
 * The gate of the CDK rules (`meta.gate`): a construct is only recognized through an import or
 * require of an `aws-cdk-lib` or `@aws-cdk/...` module, so a file that never names one has none.
 */
export const CDK_GATE = /aws-cdk/;

export type ConstructKind = 'bucket' | 'cfnBucket' | 'function' | 'cfnFunction' | 'table' | 'tableV2' | 'cfnTable';

/** Module export → construct kind. Everything here takes `(scope, id, props)`. */
const CONSTRUCTS: Record<string, Record<string, ConstructKind>> = {
  'aws-cdk-lib/aws-s3': { Bucket: 'bucket', CfnBucket: 'cfnBucket' },
  'aws-cdk-lib/aws-lambda': { Function: 'function', SingletonFunction: 'function', DockerImageFunction: 'function', CfnFunction: 'cfnFunction' },
  'aws-cdk-lib/aws-lambda-nodejs': { NodejsFunction: 'function' },
  'aws-cdk-lib/aws-lambda-python-alpha': { PythonFunction: 'function' },
  'aws-cdk-lib/aws-lambda-go-alpha': { GoFunction: 'function' },
  // CDK v1's experimental modules (`@aws-cdk/aws-lambda-python`), before the `-alpha` names.
  'aws-cdk-lib/aws-lambda-python': { PythonFunction: 'function' },
  'aws-cdk-lib/aws-lambda-go': { GoFunction: 'function' },
  'aws-cdk-lib/aws-dynamodb': { Table: 'table', TableV2: 'tableV2', CfnTable: 'cfnTable' },
};

export interface Construct {
  kind: ConstructKind;
  /** `new s3.Bucket(...)`, or the `super(...)` call of a class extending a known construct. */
  node: ts.NewExpression | ts.CallExpression;
  ref: SymbolRef;
  /** `Bucket`, `NodejsFunction`, `CfnTable`... */
  className: string;
  /** Imported from CDK v1 (`@aws-cdk/...`): fixes import from `@aws-cdk/core` then. */
  v1: boolean;
  /** `none`: written without props; `unknown`: props we cannot see (a parameter, a call...). */
  props: ObjectProps | 'none' | 'unknown';
  /** The construct id when it is a literal (`'Uploads'`), else the (sub)class name: for messages. */
  label: string;
  /** Where findings about a missing prop point: the class reference (`s3.Bucket`), or `super`. */
  start: number;
  end: number;
}

export function constructOf(file: TsFile, node: ts.NewExpression | ts.CallExpression): Construct | undefined {
  const cache = file.memo<ts.NewExpression | ts.CallExpression, Construct | null>(constructOf);
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const c = recognize(file, node);
  cache.set(node, c ?? null);
  return c;
}

/** `super(...)` in the constructor of `class X extends <construct>`: the class and its base expression. */
function superBase(node: ts.CallExpression): { cls: ts.ClassLikeDeclaration; base: ts.Expression } | undefined {
  if (node.expression.kind !== ts.SyntaxKind.SuperKeyword) return undefined;
  const ctor = node.parent?.parent?.parent; // ExpressionStatement → Block → Constructor
  if (!ctor || !ts.isConstructorDeclaration(ctor) || !ts.isClassLike(ctor.parent)) return undefined;
  const ext = ctor.parent.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  return ext ? { cls: ctor.parent, base: ext.expression } : undefined;
}

function recognize(file: TsFile, node: ts.NewExpression | ts.CallExpression): Construct | undefined {
  let classExpr: ts.Expression = node.expression;
  let subclass: string | undefined;
  if (ts.isCallExpression(node)) {
    const sup = superBase(node);
    if (!sup) return undefined;
    classExpr = sup.base;
    subclass = sup.cls.name?.text;
  }
  const ref = file.symbolOf(classExpr);
  if (!ref || ref.path.length !== 1) return undefined;
  const kind = CONSTRUCTS[ref.module]?.[ref.path[0]];
  if (!kind) return undefined;
  const args = node.arguments ?? [];
  if (args.some(ts.isSpreadElement)) return undefined;
  let props: Construct['props'];
  if (args.length < 2) return undefined; // not a construct call we understand
  if (args.length === 2) props = 'none';
  else {
    const third = unwrap(args[2]);
    if (third.kind === ts.SyntaxKind.Identifier && (third as ts.Identifier).text === 'undefined' && !file.declarationOf(third as ts.Identifier)) props = 'none';
    else props = file.objectProps(args[2]) ?? 'unknown';
  }
  const id = file.evaluate(args[1]);
  const sf = file.sourceFile;
  return {
    kind,
    node,
    ref,
    className: ref.path[0],
    v1: isV1Module(rawModuleOf(file, classExpr)),
    props,
    label: id.kind === 'string' ? id.value : templateLabel(args[1]) ?? subclass ?? ref.path[0],
    start: node.expression.getStart(sf),
    end: node.expression.getEnd(),
  };
}

/**
 * A construct id built in a template (`${stage}-Uploads`) keeps its static text, so messages and
 * finding keys still tell apart the constructs of one file: `${…}-Uploads`.
 */
function templateLabel(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (!ts.isTemplateExpression(e)) return undefined;
  const text = e.head.text + e.templateSpans.map((s) => '${…}' + s.literal.text).join('');
  return /[A-Za-z0-9]/.test(text) ? text : undefined;
}

/** `@aws-cdk/aws-s3` is CDK v1; `@aws-cdk/aws-lambda-python-alpha` is a v2 experimental module. */
function isV1Module(module: string | undefined): boolean {
  return !!module && module.startsWith('@aws-cdk/') && !module.endsWith('-alpha');
}

/** The module specifier as written in the import that the expression's root name comes from. */
export function rawModuleOf(file: TsFile, expr: ts.Expression): string | undefined {
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  if (!ts.isIdentifier(e)) return undefined;
  const decl = file.declarationOf(e);
  if (decl?.kind === 'import') return decl.ref.module;
  if (decl?.kind === 'variable' && decl.isConst && decl.node.initializer) return rawModuleOf(file, decl.node.initializer);
  return undefined;
}

export type PropState =
  | { state: 'absent' }
  | { state: 'unknown' }
  | { state: 'present'; prop: PropInfo; value: StaticValue };

/** One prop of a construct: certainly absent, present with its static value, or unknown. */
export function propOf(file: TsFile, c: Construct, name: string): PropState {
  if (c.props === 'none') return { state: 'absent' };
  if (c.props === 'unknown') return { state: 'unknown' };
  const p = c.props.get(name);
  if (p === undefined) return { state: 'absent' };
  if (p === 'unknown' || !p.value) return { state: 'unknown' };
  const value = file.evaluate(p.value);
  // `x: undefined` is the same as leaving it out.
  if (value.kind === 'undefined') return { state: 'absent' };
  return { state: 'present', prop: p, value };
}

/**
 * A prop as the construct states it or, when its caller's props decide it, the default a construct
 * library chose (`byDefault`): a value written before the caller's spread
 * (`{ runtime: Runtime.NODEJS_18_X, ...props }`, `'spread'`), or the fallback of a value read from the
 * caller (`props.runtime ?? Runtime.NODEJS_18_X`, `||`, directly or through a const, `'fallback'`:
 * the prop's expression also holds the caller's value, so a fix may not replace it whole). Either
 * is what every caller that does not set the prop gets.
 */
export function propOrDefault(file: TsFile, c: Construct, name: string): PropState & { byDefault?: 'spread' | 'fallback' } {
  const own = propOf(file, c, name);
  if (own.state === 'absent' || (own.state === 'present' && own.value.kind !== 'unknown')) return own;
  if (c.props === 'none' || c.props === 'unknown') return own;
  const stated = c.props.get(name);
  const p = stated === 'unknown' ? c.props.overridable(name) : stated;
  if (!p?.value) return own;
  const written = file.evaluate(p.value);
  const value = written.kind === 'unknown' ? fallbackOf(file, p.value, 0) : written;
  if (!value || value.kind === 'undefined' || value.kind === 'unknown') return own;
  return { state: 'present', prop: p, value, byDefault: written.kind === 'unknown' ? 'fallback' : 'spread' };
}

/** `caller ?? D` or `caller || D` where the caller's side cannot be read: D's value (nested fallbacks followed). */
function fallbackOf(file: TsFile, expr: ts.Expression, depth: number): StaticValue | undefined {
  const e = depth < 4 ? file.resolveExpression(expr) : undefined;
  if (!e || !ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op !== ts.SyntaxKind.QuestionQuestionToken && op !== ts.SyntaxKind.BarBarToken) return undefined;
  if (file.evaluate(e.left).kind !== 'unknown') return undefined;
  const right = file.evaluate(e.right);
  return right.kind === 'unknown' ? fallbackOf(file, e.right, depth + 1) : right;
}

/** First of several spellings that is present; absent only when all are certainly absent. */
export function anyPropOf(file: TsFile, c: Construct, names: string[]): PropState & { name?: string } {
  let unknown = false;
  for (const name of names) {
    const s = propOf(file, c, name);
    if (s.state === 'present') return { ...s, name };
    if (s.state === 'unknown') unknown = true;
  }
  return unknown ? { state: 'unknown' } : { state: 'absent' };
}

/** True when a static value is the module export `module.path` (e.g. `BucketEncryption.UNENCRYPTED`). */
export function isExport(value: StaticValue, module: string, ...path: string[]): boolean {
  return value.kind === 'symbol' && value.ref.module === module && value.ref.path.length === path.length && value.ref.path.every((p, i) => p === path[i]);
}

/** The service module a construct came from, in the file's CDK flavour (`@aws-cdk/aws-s3` for v1). */
export function serviceModule(c: Construct, module = c.ref.module): string {
  return c.v1 ? module.replace(/^aws-cdk-lib\//, '@aws-cdk/') : module;
}

export function coreModule(c: Construct): string {
  return c.v1 ? '@aws-cdk/core' : 'aws-cdk-lib';
}

/**
 * Edits that add `propText` to the construct's props (creating the props object when there is
 * none). `imports` are the edits that make the names used in propText available.
 */
export function addProp(file: TsFile, c: Construct, propText: string, imports: TextEdit[] = []): TextEdit[] | undefined {
  let edits: TextEdit[] | undefined;
  if (c.props === 'none') edits = c.node.arguments?.length === 2 ? appendObjectArgument(file, c.node, propText) : undefined;
  else if (c.props !== 'unknown') edits = insertProperty(file, c.props.literal, propText);
  return edits && [...edits, ...imports];
}

/** `{ text, edits }` to reference an export from a construct's own module family, or undefined. */
export function refTo(file: TsFile, c: Construct, module: string, name: string): { text: string; edits: TextEdit[] } | undefined {
  const mod = module === 'aws-cdk-lib' ? coreModule(c) : serviceModule(c, module);
  return importRef(file, mod, name);
}

/** The indentation of the props' own lines, when the literal is written one prop per line. */
export function propsIndent(file: TsFile, c: Construct): string | undefined {
  if (c.props === 'none' || c.props === 'unknown') return undefined;
  const lit = c.props.literal;
  const sf = file.sourceFile;
  const first = lit.properties[0];
  if (!first) return undefined;
  const text = sf.text;
  if (!onDifferentLines(text, lit.getStart(sf), first.getStart(sf))) return undefined;
  let s = first.getStart(sf);
  while (s > 0 && text[s - 1] !== '\n') s--;
  return text.slice(s, first.getStart(sf)).match(/^[ \t]*/)![0];
}

// ── Linking constructs to later calls ────────────────────────────────────────────────────────

/** What holds a construct: its variable declaration, `this.field` of a class, or the expression itself. */
export type Holder = ts.Node | string;

function fieldKey(cls: ts.Node, name: string): string {
  return `${cls.pos}:${cls.end}:this.${name}`;
}

function thisKey(cls: ts.Node): string {
  return `${cls.pos}:${cls.end}:this`;
}

/** The class whose instance `this` is at `node`: through arrow functions and the class's own members, not through other functions. */
function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isClassLike(n)) return n;
    // `this` inside a function (or an object literal's method) is not the class instance.
    if (ts.isFunctionLike(n) && !ts.isArrowFunction(n) && !(n.parent && ts.isClassLike(n.parent))) return undefined;
  }
  return undefined;
}

/** Where the construct created by `node` is stored (for `super(...)`: the subclass's `this`). */
export function holderOfConstruct(file: TsFile, node: ts.NewExpression | ts.CallExpression): Holder {
  if (ts.isCallExpression(node)) {
    const cls = superBase(node)?.cls;
    return cls ? thisKey(cls) : node;
  }
  return holderOfValue(file, node);
}

/** Where the value `node` evaluates to is stored: a variable, a class field (`x = ...`, `this.x = ...`), else `node` itself. */
export function holderOfValue(file: TsFile, node: ts.Expression): Holder {
  let e: ts.Node = node;
  while (e.parent && (ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isSatisfiesExpression(e.parent) || ts.isNonNullExpression(e.parent))) e = e.parent;
  const parent = e.parent;
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === e && ts.isIdentifier(parent.name)) return returnedToField(file, parent) ?? parent;
  if (parent && ts.isReturnStatement(parent) && ts.isNewExpression(node)) return returnedToField(file, parent) ?? node;
  if (parent && ts.isPropertyDeclaration(parent) && parent.initializer === e && ts.isIdentifier(parent.name)) {
    return fieldKey(parent.parent, parent.name.text);
  }
  if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === e) {
    return holderOfExpression(file, parent.left) ?? node;
  }
  return node;
}

/** The holder an expression refers to (`bucket`, `this.bucket`, or an inline `new ...`). */
export function holderOfExpression(file: TsFile, expr: ts.Expression): Holder | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const decl = file.declarationOf(e);
    if (decl?.kind === 'variable') return returnedToField(file, decl.node) ?? decl.node;
    return decl?.kind === 'binding' ? decl.node : undefined;
  }
  // `this.addLifecycleRule()` inside a construct subclass refers to the construct itself.
  if (e.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(e);
    return cls ? thisKey(cls) : undefined;
  }
  if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(e);
    return cls ? fieldKey(cls, e.name.text) : undefined;
  }
  if (ts.isNewExpression(e)) return e;
  return undefined;
}

/**
 * A construct built in a class method that returns it, the method's result kept in a field
 * (`this.fn = this.createFn()` with `const fn = new lambda.Function(...); return fn;` or
 * `return new lambda.Function(...)`): the field and the method's variable hold the same construct,
 * so both resolve to the field. `site` is the variable declaration or the `return` statement.
 * Only a variable initialized with `new` is looked at; the answer is kept per declaration.
 */
function returnedToField(file: TsFile, site: ts.VariableDeclaration | ts.ReturnStatement): string | undefined {
  if (ts.isVariableDeclaration(site) && !(site.initializer && ts.isNewExpression(unwrap(site.initializer)))) return undefined;
  const cache = file.memo<ts.Node, string | null>(returnedToField);
  const cached = cache.get(site);
  if (cached !== undefined) return cached ?? undefined;
  const field = findReturnedToField(file, site);
  cache.set(site, field ?? null);
  return field;
}

function findReturnedToField(file: TsFile, site: ts.VariableDeclaration | ts.ReturnStatement): string | undefined {
  let method: ts.Node | undefined = site.parent;
  while (method && !ts.isFunctionLike(method) && !ts.isClassLike(method) && !ts.isSourceFile(method)) method = method.parent;
  if (!method || !ts.isMethodDeclaration(method) || !method.body || !ts.isClassLike(method.parent)) return undefined;
  const name = method.name;
  if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) return undefined;
  if (ts.isVariableDeclaration(site) && !returnedNames(file, method.body).has((site.name as ts.Identifier).text)) return undefined;
  return fieldsOfOwnCalls(file, method.parent)?.get(name.text);
}

/** The names a method body returns as they are (`return fn;`), outside nested functions and classes: one walk per method. */
function returnedNames(file: TsFile, body: ts.Node): ReadonlySet<string> {
  const cache = file.memo<ts.Node, Set<string>>(returnedNames);
  let names = cache.get(body);
  if (names) return names;
  const found = (names = new Set<string>());
  cache.set(body, found);
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) {
      const r = unwrap(n.expression);
      if (ts.isIdentifier(r)) found.add(r.text);
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/**
 * `this.field = this.method(...)` (or a field initialized with it) anywhere in a class, outside
 * nested classes and functions other than arrow functions and the class's own members: per class,
 * the field that keeps each method's result, the first one met per method. One pass over the
 * file's node list, made the first time it is asked for.
 */
function fieldsOfOwnCalls(file: TsFile, cls: ts.ClassLikeDeclaration): ReadonlyMap<string, string> | undefined {
  const memo = file.memo<'byClass', Map<ts.Node, Map<string, string>>>(fieldsOfOwnCalls);
  let byClass = memo.get('byClass');
  if (!byClass) {
    const found = (byClass = new Map<ts.Node, Map<string, string>>());
    memo.set('byClass', found);
    // A text test first: no `this.method(` anywhere, no field keeps a method's result.
    if (!OWN_CALL_TEXT.test(file.text)) return undefined;
    const keep = (at: ts.Node, method: string | undefined, field: string): void => {
      if (method === undefined) return;
      const owner = enclosingClass(at);
      if (!owner) return;
      let fields = found.get(owner);
      if (!fields) found.set(owner, (fields = new Map()));
      if (!fields.has(method)) fields.set(method, fieldKey(owner, field));
    };
    // Kinds compared as numbers, an index loop (no iterator result per node): this sees every node of the file.
    const nodes = file.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.kind === BINARY_EXPRESSION) {
        const b = n as ts.BinaryExpression;
        if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        const left = unwrap(b.left);
        if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) keep(n, ownCall(b.right), left.name.text);
      } else if (n.kind === PROPERTY_DECLARATION) {
        const d = n as ts.PropertyDeclaration;
        if (ts.isIdentifier(d.name)) keep(n, ownCall(d.initializer), d.name.text);
      }
    }
  }
  return byClass.get(cls);
}

const OWN_CALL_TEXT = /\bthis\s*\??\.\s*#?[\w$]+\s*\(/;
const BINARY_EXPRESSION = ts.SyntaxKind.BinaryExpression;
const PROPERTY_DECLARATION = ts.SyntaxKind.PropertyDeclaration;

/** `this.method(...)` → `method`. */
function ownCall(e: ts.Expression | undefined): string | undefined {
  const c = e && unwrap(e);
  if (!c || !ts.isCallExpression(c)) return undefined;
  const callee = unwrap(c.expression);
  return ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword ? callee.name.text : undefined;
}

/** `recv.method(args)` → the receiver's holder and the method name. */
export function methodCall(file: TsFile, call: ts.CallExpression): { holder: Holder | undefined; method: string } | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  return { holder: holderOfExpression(file, callee.expression), method: callee.name.text };
}

// ── Helpers for rules ────────────────────────────────────────────────────────────────────────

/**
 * A visitor calling `fn` for each construct of the given kinds (`new` expressions and the
 * `super(...)` calls of construct subclasses). CDK rules stay silent in test files: fixtures build
 * minimal constructs on purpose. Rules that add their own `NewExpression`/`CallExpression`
 * handlers must call these too.
 */
export function constructVisitor(
  ctx: { file: { isTest: boolean }; ts?: TsFile },
  kinds: readonly ConstructKind[],
  fn: (c: Construct, file: TsFile) => void,
): Pick<Visitor, 'NewExpression' | 'CallExpression'> {
  const file = ctx.ts;
  if (!file || ctx.file.isTest) return {};
  const visit = (node: ts.Node): void => {
    const c = constructOf(file, node as ts.NewExpression | ts.CallExpression);
    if (c && kinds.includes(c.kind)) fn(c, file);
  };
  return {
    NewExpression: visit,
    CallExpression: (node) => {
      if ((node as ts.CallExpression).expression.kind === ts.SyntaxKind.SuperKeyword) visit(node);
    },
  };
}

/** `s3.BucketEncryption.UNENCRYPTED` → `s3.BucketEncryption.S3_MANAGED`: rename the last member. */
export function renameExport(value: StaticValue, name: string): TextEdit | undefined {
  if (value.kind !== 'symbol' || !ts.isPropertyAccessExpression(value.node)) return undefined;
  const n = value.node.name;
  return { start: n.getStart(), end: n.getEnd(), newText: name };
}

/** Range of a prop for findings about its value. */
export function propRange(file: TsFile, prop: PropInfo): { start: number; end: number } {
  return { start: prop.node.getStart(file.sourceFile), end: prop.node.getEnd() };
}

/** Stable finding key: the construct's label. */
export function constructKey(c: Construct): string {
  return `${c.className}::${c.label}`;
}

/** Replaces a prop's value expression (`versioned: false` → `versioned: true`). */
export function replaceValue(file: TsFile, prop: PropInfo, newText: string): TextEdit[] | undefined {
  const v = prop.value;
  if (!v || !ts.isPropertyAssignment(prop.node)) return undefined;
  return [{ start: v.getStart(file.sourceFile), end: v.getEnd(), newText }];
}
