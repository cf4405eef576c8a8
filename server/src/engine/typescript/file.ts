// The TypeScript front end's view of one file: the syntax tree (parsed once), and name and
// value resolution through the file's own imports and `const` bindings. Anything that cannot be
// resolved in the file is reported as unknown, and rules stay silent about unknowns.
import * as ts from './api';
import { Bindings, normalizeRef, unwrap, type Declaration, type SymbolRef } from './bindings';
import { isAssignment } from './flow';

export type { SymbolRef } from './bindings';

export type StaticValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'undefined' }
  /** A module export such as `s3.BlockPublicAccess.BLOCK_ALL`. */
  | { kind: 'symbol'; ref: SymbolRef; node: ts.Expression }
  /** `Duration.seconds(30)`, `new sqs.Queue(...)`: the callee's export and the arguments. */
  | { kind: 'call' | 'new'; ref: SymbolRef; args: readonly ts.Expression[]; node: ts.CallExpression | ts.NewExpression }
  | { kind: 'object'; node: ts.ObjectLiteralExpression }
  | { kind: 'array'; node: ts.ArrayLiteralExpression }
  | { kind: 'unknown' };

export interface PropInfo {
  name: string;
  /** The value expression (for a shorthand `{ x }`, the identifier `x`). Undefined for methods. */
  value: ts.Expression | undefined;
  node: ts.ObjectLiteralElementLike;
  /** The literal the property is written in (the site's own literal, or a spread constant's). */
  literal: ts.ObjectLiteralExpression;
}

export interface ObjectProps {
  /** The literal written where the object was resolved from (fixes insert here). */
  literal: ts.ObjectLiteralExpression;
  /** Whether `literal` is written inline at the use site (not reached through a const). */
  inline: boolean;
  /** All properties seen, later ones winning, as JavaScript does. */
  props: Map<string, PropInfo>;
  /** `undefined` = certainly absent; `'unknown'` = an unresolved spread or computed key may hold it. */
  get(name: string): PropInfo | 'unknown' | undefined;
  /**
   * A property written before an unresolved spread, which the spread may replace: a default the
   * code itself chose (`{ runtime: Runtime.NODEJS_18_X, ...props }`). Undefined otherwise.
   */
  overridable(name: string): PropInfo | undefined;
}

export const UNKNOWN: StaticValue = { kind: 'unknown' };

/**
 * What `objectProps` read from a literal. A class, not an object of closures: rules read ~500
 * props objects a keystroke in a large stack, and most literals need neither set.
 */
class ReadProps implements ObjectProps {
  readonly props = new Map<string, PropInfo>();
  /** Names an unresolved spread or a later write may have changed. */
  uncertain: Set<string> | undefined;
  /** Names an unresolved spread came after (and nothing wrote since): the literal's value is a default. */
  defaults: Set<string> | undefined;
  complete = true;

  constructor(
    readonly literal: ts.ObjectLiteralExpression,
    readonly inline: boolean,
  ) {}

  get(name: string): PropInfo | 'unknown' | undefined {
    if (this.uncertain?.has(name)) return 'unknown';
    const p = this.props.get(name);
    if (p) return p;
    return this.complete ? undefined : 'unknown';
  }

  overridable(name: string): PropInfo | undefined {
    return this.defaults?.has(name) ? this.props.get(name) : undefined;
  }

  /** Whatever came before may have been overwritten by a spread that cannot be read. */
  unseenSpread(): void {
    this.complete = false;
    for (const k of this.props.keys()) {
      if (!this.uncertain?.has(k)) (this.defaults ??= new Set()).add(k);
      (this.uncertain ??= new Set()).add(k);
    }
  }

  markWritten(names: readonly string[]): void {
    for (const name of names) {
      if (name !== '*') {
        (this.uncertain ??= new Set()).add(name);
        this.defaults?.delete(name);
      } else {
        this.defaults?.clear();
        this.complete = false;
        for (const k of this.props.keys()) (this.uncertain ??= new Set()).add(k);
      }
    }
  }
}

const BINARY_EXPRESSION = ts.SyntaxKind.BinaryExpression;
const DELETE_EXPRESSION = ts.SyntaxKind.DeleteExpression;
const CALL_EXPRESSION = ts.SyntaxKind.CallExpression;

function isObjectAssign(callee: ts.Expression): boolean {
  const c = unwrap(callee);
  return ts.isPropertyAccessExpression(c) && c.name.text === 'assign' && ts.isIdentifier(c.expression) && c.expression.text === 'Object';
}
const MAX_DEPTH = 12;

export class TsFile {
  readonly bindings: Bindings;
  private nodeList: readonly ts.Node[] | undefined;

  /** `nodes`: the pre-order list `parseTypeScriptNodes` returned, when the caller has it. */
  constructor(
    readonly sourceFile: ts.SourceFile,
    nodes?: readonly ts.Node[],
  ) {
    this.bindings = new Bindings(sourceFile);
    this.nodeList = nodes;
  }

  /**
   * Every node of the file in source order (pre-order, as `ts.forEachChild` nests them). Code that
   * must look at every node loops over this rather than walking the tree again.
   */
  get nodes(): readonly ts.Node[] {
    return (this.nodeList ??= preorder(this.sourceFile));
  }

  private readonly memos = new Map<object, Map<unknown, unknown>>();

  /**
   * A cache that lives as long as this file's analysis, one per `owner` (a helper function or
   * module object). Keep per-node caches here, not in a module-level WeakMap keyed by nodes: such
   * a map kept every analysed tree alive through the young-generation collections (and promoted
   * them), which doubled the time spent collecting garbage.
   */
  memo<K, V>(owner: object): Map<K, V> {
    let map = this.memos.get(owner);
    if (!map) this.memos.set(owner, (map = new Map()));
    return map as Map<K, V>;
  }

  get text(): string {
    return this.sourceFile.text;
  }

  declarationOf(id: ts.Identifier): Declaration | undefined {
    return this.bindings.declarationOf(id.text, id);
  }

  /**
   * The module export an expression names, through imports, requires and const aliases:
   * `s3.Bucket`, `Bucket`, `cdk.aws_s3.Bucket`, `B` (`import { Bucket as B }`) → aws-cdk-lib/aws-s3 Bucket.
   */
  symbolOf(expr: ts.Expression): SymbolRef | undefined {
    // Several rules resolve the same callee of every call: resolved once per node.
    let ref = this.symbols.get(expr);
    if (ref === undefined) this.symbols.set(expr, (ref = this.resolveSymbol(expr, 0) ?? null));
    return ref ?? undefined;
  }

  private readonly symbols = new Map<ts.Expression, SymbolRef | null>();

  private resolveSymbol(expr: ts.Expression, depth: number): SymbolRef | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      const decl = this.declarationOf(e);
      if (!decl) return undefined;
      if (decl.kind === 'import') return normalizeRef(decl.ref);
      // `const B = s3.Bucket` is an alias of the export.
      if (decl.kind === 'variable' && decl.isConst && decl.node.initializer) return this.resolveSymbol(decl.node.initializer, depth + 1);
      return undefined;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const base = this.resolveSymbol(e.expression, depth + 1);
      return base && normalizeRef({ module: base.module, path: [...base.path, e.name.text] });
    }
    if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) {
      const base = this.resolveSymbol(e.expression, depth + 1);
      return base && normalizeRef({ module: base.module, path: [...base.path, e.argumentExpression.text] });
    }
    return undefined;
  }

  /** True when `expr` names `module`'s export `path` (e.g. `isSymbol(e, 'aws-cdk-lib/aws-s3', 'Bucket')`). */
  isSymbol(expr: ts.Expression, module: string, ...path: string[]): boolean {
    const ref = this.symbolOf(expr);
    return !!ref && ref.module === module && ref.path.length === path.length && ref.path.every((p, i) => p === path[i]);
  }

  /** Follows `const` bindings to the expression that produces the value; undefined when it cannot. */
  resolveExpression(expr: ts.Expression, depth = 0): ts.Expression | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = unwrap(expr);
    if (!ts.isIdentifier(e)) return e;
    if (e.text === 'undefined') return e;
    const decl = this.declarationOf(e);
    if (decl?.kind === 'variable' && decl.isConst && decl.node.initializer) return this.resolveExpression(decl.node.initializer, depth + 1);
    return undefined;
  }

  /** The properties of an object given inline, through a const, or built with spreads of such constants. */
  objectProps(expr: ts.Expression): ObjectProps | undefined {
    const resolved = this.resolveExpression(expr);
    if (!resolved || !ts.isObjectLiteralExpression(resolved)) return undefined;
    const read = new ReadProps(resolved, unwrap(expr) === resolved);
    this.readLiteral(read, resolved, 0);
    // `const args = {...}; args.encryption = KMS; new Bucket(this, 'B', args)`: what is written
    // through a constant after its literal cannot be read from the literal.
    read.markWritten(this.writesThrough(expr));
    return read;
  }

  private readLiteral(read: ReadProps, lit: ts.ObjectLiteralExpression, depth: number): void {
    for (const el of lit.properties) {
      if (ts.isSpreadAssignment(el)) {
        const inner = depth < MAX_DEPTH ? this.resolveExpression(el.expression) : undefined;
        if (inner && ts.isObjectLiteralExpression(inner)) {
          this.readLiteral(read, inner, depth + 1);
          read.markWritten(this.writesThrough(el.expression));
        } else {
          read.unseenSpread();
        }
        continue;
      }
      const name = el.name ? propertyName(el.name) : undefined;
      if (name === undefined) {
        read.complete = false;
        continue;
      }
      read.uncertain?.delete(name);
      read.defaults?.delete(name);
      const value = ts.isPropertyAssignment(el) ? el.initializer : ts.isShorthandPropertyAssignment(el) ? el.name : undefined;
      read.props.set(name, { name, value, node: el, literal: lit });
    }
  }

  /**
   * The objects a props argument may be: the one object `objectProps` reads, or one per branch of
   * `cond ? { batchSize } : {}` (through consts and nested conditionals). Undefined when a branch is
   * not an object literal that can be read.
   */
  objectPropsBranches(expr: ts.Expression, depth = 0): ObjectProps[] | undefined {
    const resolved = this.resolveExpression(expr);
    if (resolved && ts.isConditionalExpression(resolved)) {
      if (depth >= MAX_DEPTH) return undefined;
      const whenTrue = this.objectPropsBranches(resolved.whenTrue, depth + 1);
      const whenFalse = whenTrue && this.objectPropsBranches(resolved.whenFalse, depth + 1);
      return whenTrue && whenFalse && [...whenTrue, ...whenFalse];
    }
    const props = this.objectProps(expr);
    return props && [props];
  }

  /**
   * Property names written through the `const`s `expr` reaches its object by (`x.k = v`, `x['k'] ??= v`,
   * `delete x.k`; `x.k.j = v` writes `k`), and `'*'` for a computed key or `Object.assign(x, ...)`.
   * Empty for an inline literal and for the usual constant that is only read.
   */
  private writesThrough(expr: ts.Expression): string[] {
    const out: string[] = [];
    let e = unwrap(expr);
    for (let depth = 0; ts.isIdentifier(e) && depth <= MAX_DEPTH; depth++) {
      const decl = this.declarationOf(e);
      if (decl?.kind !== 'variable' || !decl.isConst || !decl.node.initializer) break;
      out.push(...this.writesTo(decl.node));
      e = unwrap(decl.node.initializer);
    }
    return out;
  }

  private writesByName?: Map<string, { root: ts.Identifier; member: string }[]>;

  private writesTo(decl: ts.VariableDeclaration): readonly string[] {
    if (!ts.isIdentifier(decl.name)) return [];
    const out: string[] = [];
    for (const w of this.memberWrites().get(decl.name.text) ?? []) {
      const d = this.declarationOf(w.root);
      if (d?.kind === 'variable' && d.node === decl) out.push(w.member);
    }
    return out;
  }

  /**
   * Every write through a name in the file, by that name: `args.cdk.bucket = v` → `args`: `cdk`
   * (the first member), `x[k] = v` and `Object.assign(x, ...)` → `x`: `'*'`. One pass over the
   * nodes, made the first time a constant's writes are asked for.
   */
  private memberWrites(): Map<string, { root: ts.Identifier; member: string }[]> {
    if (this.writesByName) return this.writesByName;
    const writes = new Map<string, { root: ts.Identifier; member: string }[]>();
    this.writesByName = writes;
    const add = (root: ts.Expression, member: string): void => {
      if (!ts.isIdentifier(root)) return;
      let list = writes.get(root.text);
      if (!list) writes.set(root.text, (list = []));
      list.push({ root, member });
    };
    const rooted = (n: ts.Expression): void => {
      // The first member written off the root (`args.cdk.bucket` → `cdk`), '*' for a computed one.
      let target = unwrap(n);
      let first: string | undefined;
      while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
        first = ts.isPropertyAccessExpression(target)
          ? target.name.text
          : ts.isStringLiteralLike(target.argumentExpression) || ts.isNumericLiteral(target.argumentExpression)
            ? target.argumentExpression.text
            : '*';
        target = unwrap(target.expression);
      }
      if (first !== undefined) add(target, first);
    };
    // Kinds compared as numbers, an index loop: this runs once per analysis, seldom optimized,
    // and a `for...of` there allocated an iterator result for every node of the file.
    const nodes = this.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const kind = n.kind;
      if (kind === BINARY_EXPRESSION) {
        if (isAssignment((n as ts.BinaryExpression).operatorToken.kind)) rooted((n as ts.BinaryExpression).left);
      } else if (kind === DELETE_EXPRESSION) rooted((n as ts.DeleteExpression).expression);
      else if (kind === CALL_EXPRESSION) {
        const call = n as ts.CallExpression;
        if (call.arguments.length > 0 && isObjectAssign(call.expression)) add(unwrap(call.arguments[0]), '*');
      }
    }
    return writes;
  }

  /** What a value statically is, or `unknown`. */
  evaluate(expr: ts.Expression | undefined, depth = 0): StaticValue {
    if (!expr || depth > MAX_DEPTH) return UNKNOWN;
    const e = unwrap(expr);
    switch (e.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return { kind: 'string', value: (e as ts.StringLiteralLike).text };
      case ts.SyntaxKind.NumericLiteral:
        return { kind: 'number', value: Number((e as ts.NumericLiteral).text.replace(/_/g, '')) };
      case ts.SyntaxKind.TrueKeyword:
        return { kind: 'boolean', value: true };
      case ts.SyntaxKind.FalseKeyword:
        return { kind: 'boolean', value: false };
      case ts.SyntaxKind.NullKeyword:
        return { kind: 'null' };
      case ts.SyntaxKind.ObjectLiteralExpression:
        return { kind: 'object', node: e as ts.ObjectLiteralExpression };
      case ts.SyntaxKind.ArrayLiteralExpression:
        return { kind: 'array', node: e as ts.ArrayLiteralExpression };
      default:
        break;
    }
    if (ts.isIdentifier(e)) {
      if (e.text === 'undefined' && !this.declarationOf(e)) return { kind: 'undefined' };
      const decl = this.declarationOf(e);
      if (decl?.kind === 'import') return { kind: 'symbol', ref: normalizeRef(decl.ref), node: e };
      const target = this.resolveExpression(e, depth);
      return target && target !== e ? this.evaluate(target, depth + 1) : UNKNOWN;
    }
    if (ts.isPrefixUnaryExpression(e)) {
      const v = this.evaluate(e.operand, depth + 1);
      if (e.operator === ts.SyntaxKind.MinusToken && v.kind === 'number') return { kind: 'number', value: -v.value };
      if (e.operator === ts.SyntaxKind.PlusToken && v.kind === 'number') return v;
      if (e.operator === ts.SyntaxKind.ExclamationToken && v.kind === 'boolean') return { kind: 'boolean', value: !v.value };
      return UNKNOWN;
    }
    if (ts.isBinaryExpression(e)) return this.evaluateBinary(e, depth);
    if (ts.isTemplateExpression(e)) {
      let out = e.head.text;
      for (const span of e.templateSpans) {
        const v = this.evaluate(span.expression, depth + 1);
        if (v.kind !== 'string' && v.kind !== 'number' && v.kind !== 'boolean') return UNKNOWN;
        out += String(v.value) + span.literal.text;
      }
      return { kind: 'string', value: out };
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const ref = this.symbolOf(e);
      if (ref) return { kind: 'symbol', ref, node: e };
      return this.evaluateMember(e, depth);
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
      const ref = this.symbolOf(e.expression);
      if (ref) return { kind: ts.isCallExpression(e) ? 'call' : 'new', ref, args: e.arguments ?? [], node: e };
    }
    return UNKNOWN;
  }

  private evaluateBinary(e: ts.BinaryExpression, depth: number): StaticValue {
    const l = this.evaluate(e.left, depth + 1);
    const r = this.evaluate(e.right, depth + 1);
    const op = e.operatorToken.kind;
    if (l.kind === 'number' && r.kind === 'number') {
      switch (op) {
        case ts.SyntaxKind.PlusToken:
          return { kind: 'number', value: l.value + r.value };
        case ts.SyntaxKind.MinusToken:
          return { kind: 'number', value: l.value - r.value };
        case ts.SyntaxKind.AsteriskToken:
          return { kind: 'number', value: l.value * r.value };
        case ts.SyntaxKind.SlashToken:
          return r.value === 0 ? UNKNOWN : { kind: 'number', value: l.value / r.value };
        case ts.SyntaxKind.AsteriskAsteriskToken:
          return { kind: 'number', value: l.value ** r.value };
        default:
          return UNKNOWN;
      }
    }
    if (op === ts.SyntaxKind.PlusToken && (l.kind === 'string' || r.kind === 'string')) {
      const ls = l.kind === 'string' || l.kind === 'number' ? String(l.value) : undefined;
      const rs = r.kind === 'string' || r.kind === 'number' ? String(r.value) : undefined;
      if (ls !== undefined && rs !== undefined) return { kind: 'string', value: ls + rs };
    }
    return UNKNOWN;
  }

  /** `CONFIG.timeout` where `const CONFIG = { timeout: 30 }`. */
  private evaluateMember(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): StaticValue {
    const name = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
    if (name === undefined) return UNKNOWN;
    const obj = this.objectProps(e.expression);
    const prop = obj?.get(name);
    if (!prop || prop === 'unknown') return UNKNOWN;
    return this.evaluate(prop.value, depth + 1);
  }
}

function preorder(root: ts.Node): ts.Node[] {
  const order: ts.Node[] = [];
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  while (stack.length) {
    const node = stack.pop()!;
    order.push(node);
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    children.length = 0;
  }
  return order;
}

export function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

export function parseTypeScript(path: string, text: string): ts.SourceFile {
  return parseTypeScriptNodes(path, text).sourceFile;
}

/**
 * Parses once and links every node's parent in one pass that also records the nodes in source
 * order, so the engine dispatches to rules by looping over that list instead of walking the tree
 * again. TypeScript's own `setParentNodes` pass allocates per node and cost more than this whole
 * pass. JSDoc is parsed in JavaScript files only, where it carries the types
 * (`@param {import('aws-lambda').SQSEvent}`); TypeScript files have real annotations.
 * With `tree` (an open document's previous parse), the edited text is reparsed incrementally.
 */
export function parseTypeScriptNodes(path: string, text: string, tree?: DocumentTree): { sourceFile: ts.SourceFile; nodes: ts.Node[] } {
  const sourceFile = tree ? tree.parse(path, text) : createTsSourceFile(path, text);
  // An open document's last count is the best guess of this one's; else about one node per
  // 9 characters (the bench corpus's stacks have 8.9).
  const nodes = linkParents(sourceFile, /\.(js|mjs|cjs|jsx)$/i.test(path), tree?.nodeCount ?? Math.ceil(text.length / 9));
  if (tree) tree.nodeCount = nodes.length;
  return { sourceFile, nodes };
}

function createTsSourceFile(path: string, text: string): ts.SourceFile {
  const lower = path.toLowerCase();
  const kind = /\.(tsx|jsx)$/.test(lower) ? ts.ScriptKind.TSX : /\.(js|mjs|cjs)$/.test(lower) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo };
  return ts.createSourceFile(path, text, options, false, kind);
}

/**
 * The syntax tree of one open document, kept between versions so a keystroke reparses only what
 * it touched (`ts.updateSourceFile`): on a large file the full parse alone was most of the
 * keystroke-to-diagnostics budget. TypeScript reuses the unchanged nodes of the old tree and
 * shifts their positions in place, so the previous tree is consumed: nothing may keep using it
 * (findings hold offsets, never nodes; per-node caches live on the `TsFile` of one analysis).
 */
export class DocumentTree {
  private last: ts.SourceFile | undefined;
  /** Nodes in the last version: the size the next node list is allocated at. */
  nodeCount: number | undefined;

  parse(path: string, text: string): ts.SourceFile {
    const old = this.last;
    // Forgotten first: if the update throws, the half-updated tree is never used again.
    this.last = undefined;
    const sourceFile = old && old.fileName === path ? ts.updateSourceFile(old, text, changeRange(old.text, text)) : createTsSourceFile(path, text);
    this.last = sourceFile;
    return sourceFile;
  }
}

/** The one span that differs between two texts (common prefix and suffix trimmed): covers every edit of a didChange. */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const max = Math.min(before.length, after.length);
  // Whole blocks first (string equality compares memory at once), then character by character:
  // a character loop over a large file took ~1.7 ms a keystroke, the blocks ~0.3 ms.
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = max - start;
  let tail = 0;
  while (tail + BLOCK <= room && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { span: { start, length: before.length - start - tail }, newLength: after.length - start - tail };
}

const BLOCK = 1024;

type Linked = { parent: ts.Node };

/**
 * Sets `parent` on every node (and on JSDoc nodes when `jsDoc`, as `setParentNodes` does) and
 * returns the nodes in pre-order (JSDoc nodes excluded: rules never visited them). Recursive, as
 * fast as it gets; a tree deeper than the call stack allows falls back to an explicit stack.
 */
export function linkParents(root: ts.Node, jsDoc = true, sizeHint = 0): ts.Node[] {
  try {
    return linkRecursively(root, jsDoc, sizeHint);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return linkIteratively(root, jsDoc);
  }
}

/**
 * Arrays up to this length are created with fast elements by `new Array(n)` (V8 makes larger
 * ones dictionaries); a list that outgrows its hint grows as usual.
 */
const MAX_PRESIZED = 65536;

function linkRecursively(root: ts.Node, jsDoc: boolean, sizeHint: number): ts.Node[] {
  // Allocated once at about its final size: grown by `push` from empty, the list of a 20,000-node
  // file was copied ~20 times on the way (~0.5 MB a keystroke, a tenth of what one allocated).
  const order: ts.Node[] = sizeHint > 1 ? new Array<ts.Node>(Math.min(sizeHint, MAX_PRESIZED)) : [];
  let count = 0;
  order[count++] = root;
  let parent = root;
  const visit = (node: ts.Node): void => {
    (node as unknown as Linked).parent = parent;
    order[count++] = node;
    // Tokens, identifiers and literals have no children: skip the call.
    if (node.kind > ts.SyntaxKind.LastToken) {
      const outer = parent;
      parent = node;
      ts.forEachChild(node, visit);
      if (jsDoc) linkJsDoc(node);
      parent = outer;
    }
  };
  ts.forEachChild(root, visit);
  if (jsDoc) linkJsDoc(root);
  order.length = count; // a hint above the count leaves holes at the end
  return order;
}

function linkIteratively(root: ts.Node, jsDoc: boolean): ts.Node[] {
  const order: ts.Node[] = [];
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  let parent = root;
  const link = (child: ts.Node): void => {
    (child as unknown as Linked).parent = parent;
    children.push(child);
  };
  while (stack.length) {
    const node = stack.pop()!;
    order.push(node);
    parent = node;
    ts.forEachChild(node, link);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    children.length = 0;
    if (jsDoc) linkJsDoc(node);
  }
  return order;
}

function linkJsDoc(owner: ts.Node): void {
  const docs = (owner as { jsDoc?: ts.Node[] }).jsDoc;
  if (!docs) return;
  for (const doc of docs) {
    (doc as unknown as Linked).parent = owner;
    const stack: ts.Node[] = [doc];
    while (stack.length) {
      const node = stack.pop()!;
      ts.forEachChild(node, (child) => {
        (child as unknown as Linked).parent = node;
        stack.push(child);
      });
    }
  }
}

/**
 * Syntax errors the parser recorded (not type errors: there is no checker on the hot path).
 * Octal literals (`0777`) and octal escapes (`'\033'`) are legal in a plain script, which is what a
 * JavaScript file without `import`/`export` runs as (sloppy mode); TypeScript's parser reports them
 * in every file, so they do not count there.
 */
export function syntaxErrors(sf: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  const errors = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (errors.length === 0 || !isScript(sf)) return errors;
  return errors.filter((e) => !SLOPPY_MODE_ONLY.has(e.code));
}

/** "Octal literals are not allowed", "Octal escape sequences are not allowed". */
const SLOPPY_MODE_ONLY = new Set([1121, 1487]);

function isScript(sf: ts.SourceFile): boolean {
  const kind = (sf as unknown as { scriptKind: ts.ScriptKind }).scriptKind;
  return (kind === ts.ScriptKind.JS || kind === ts.ScriptKind.JSX) && !/\.mjs$/i.test(sf.fileName) && !(sf as unknown as { externalModuleIndicator?: unknown }).externalModuleIndicator;
}
