// Import bindings and same-file declarations, without a type checker: which module export a
// name refers to (every import and require form), and which local declaration shadows it.
import * as ts from './api';

/** A module export, e.g. `{ module: 'aws-cdk-lib/aws-s3', path: ['BlockPublicAccess', 'BLOCK_ALL'] }`. */
export interface SymbolRef {
  module: string;
  path: string[];
}

export type Declaration =
  | { kind: 'import'; ref: SymbolRef; node: ts.Node }
  | { kind: 'variable'; node: ts.VariableDeclaration; isConst: boolean }
  | { kind: 'binding'; node: ts.BindingElement; isConst: boolean }
  | { kind: 'parameter'; node: ts.ParameterDeclaration | ts.BindingElement }
  | { kind: 'function'; node: ts.FunctionDeclaration }
  | { kind: 'class'; node: ts.ClassDeclaration }
  | { kind: 'other'; node: ts.Node };

/**
 * aws-cdk-lib's namespace exports: `aws_s3`..., and the few that do not name a service
 * (`custom_resources`, `pipelines`, `triggers`...), each the module `aws-cdk-lib/<name with dashes>`.
 */
const CDK_NAMESPACE = /^(?:aws_[a-z0-9_]+|custom_resources|pipelines|triggers|cloudformation_include|region_info|cx_api|assertions|alexa_ask|lambda_layer_[a-z0-9_]+)$/;

/** `aws.iam.X` from `@pulumi/aws` (or `X` from `@pulumi/aws/iam`) → `X`. */
export function pulumiIamName(ref: SymbolRef | undefined): string | undefined {
  if (ref?.module === '@pulumi/aws' && ref.path.length === 2 && ref.path[0] === 'iam') return ref.path[1];
  if (ref?.module === '@pulumi/aws/iam' && ref.path.length === 1) return ref.path[0];
  return undefined;
}

/** A name exported by CDK for Terraform's `@cdktf/provider-aws` (its root or a `lib/...` entry) → that name. */
export function cdktfAwsName(ref: SymbolRef | undefined): string | undefined {
  if (!ref || !(ref.module === '@cdktf/provider-aws' || ref.module.startsWith('@cdktf/provider-aws/lib/'))) return undefined;
  return ref.path[ref.path.length - 1];
}

/**
 * CDK v2's `aws-cdk-lib` + `aws_s3` and CDK v1's `@aws-cdk/aws-s3` both become `aws-cdk-lib/aws-s3`,
 * so rules match one spelling. `node:fs` becomes `fs`.
 */
export function normalizeRef(ref: SymbolRef): SymbolRef {
  let { module, path } = ref;
  if (module.startsWith('node:')) module = module.slice(5);
  if (module === '@aws-cdk/core' || module === 'aws-cdk-lib/core') module = 'aws-cdk-lib';
  else if (module.startsWith('@aws-cdk/aws-')) module = `aws-cdk-lib/${module.slice('@aws-cdk/'.length)}`;
  if (path[0] === 'default') path = path.slice(1);
  if (module === 'aws-cdk-lib' && path.length > 0 && CDK_NAMESPACE.test(path[0])) {
    module = `aws-cdk-lib/${path[0].replace(/_/g, '-')}`;
    path = path.slice(1);
  }
  // Already normal: the same ref (refs are never modified), not a copy per name resolution.
  return module === ref.module && path === ref.path ? ref : { module, path };
}

/** Whether a node of each kind opens a scope: a table built once from TypeScript's predicates. */
const SCOPE_KINDS: readonly boolean[] = kindTable(
  (n) =>
    ts.isSourceFile(n) ||
    ts.isBlock(n) ||
    ts.isModuleBlock(n) ||
    ts.isCaseBlock(n) ||
    ts.isFunctionLike(n) ||
    ts.isForStatement(n) ||
    ts.isForOfStatement(n) ||
    ts.isForInStatement(n) ||
    ts.isCatchClause(n) ||
    ts.isClassLike(n),
);

/** Wrappers that do not change a value: parentheses, `as`, `!`, `satisfies`, `<T>x`. */
const TRANSPARENT_KINDS: readonly boolean[] = kindTable(
  (n) => ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n),
);

/**
 * A predicate that looks only at `node.kind`, as a table indexed by kind. Hot paths (every
 * identifier lookup walks its ancestors through `isScope`) test `table[node.kind]` instead of
 * calling ten `ts.isX` functions (through `import * as ts from 'typescript'` that was a sixth of
 * the analysis time, see api.ts; one array read still beats ten calls).
 */
export function kindTable(predicate: (node: ts.Node) => boolean): boolean[] {
  const table: boolean[] = [];
  for (let kind = 0; kind < ts.SyntaxKind.Count; kind++) table.push(predicate({ kind } as ts.Node));
  return table;
}

export function isScope(node: ts.Node): boolean {
  return SCOPE_KINDS[node.kind] === true;
}

function stringArg(call: ts.CallExpression): string | undefined {
  const [arg] = call.arguments;
  return arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined;
}

/** `require('m')`, `require('m').A.B` → the module and the path read off it. */
export function requireTarget(expr: ts.Expression): SymbolRef | undefined {
  const path: string[] = [];
  let e = expr;
  while (ts.isPropertyAccessExpression(e)) {
    path.unshift(e.name.text);
    e = e.expression;
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require') {
    const module = stringArg(e);
    if (module !== undefined) return { module, path };
  }
  return undefined;
}

export class Bindings {
  private readonly scopes = new Map<ts.Node, Map<string, Declaration>>();

  constructor(private readonly sourceFile: ts.SourceFile) {}

  /** Names already resolved, per innermost scope: the answer is the same anywhere in that scope. */
  private readonly resolved = new Map<ts.Node, Map<string, Declaration | null>>();

  /** The declaration `name` refers to at `at`, searching enclosing scopes outward. */
  declarationOf(name: string, at: ts.Node): Declaration | undefined {
    let scope: ts.Node | undefined = at;
    while (scope && !isScope(scope)) scope = scope.parent;
    if (!scope) return undefined;
    // Remembered per scope: a stack's constructor names `s3.` and `cdk.` hundreds of times, and
    // each lookup used to climb every scope up to the file.
    let names = this.resolved.get(scope);
    if (!names) this.resolved.set(scope, (names = new Map()));
    let found = names.get(name);
    if (found === undefined) {
      found = null;
      for (let n: ts.Node | undefined = scope; n; n = n.parent) {
        if (!isScope(n)) continue;
        const d = this.declarationsIn(n).get(name);
        if (d) {
          found = d;
          break;
        }
      }
      names.set(name, found);
    }
    return found ?? undefined;
  }

  /** Declarations made directly in a scope (function parameters belong to the function). */
  declarationsIn(scope: ts.Node): Map<string, Declaration> {
    let map = this.scopes.get(scope);
    if (map) return map;
    map = new Map();
    this.scopes.set(scope, map);
    const m = map;
    if (ts.isFunctionLike(scope)) {
      for (const p of scope.parameters) this.addBindingName(p.name, (node) => ({ kind: 'parameter', node: ts.isBindingElement(node) ? node : p }), m);
      if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name) m.set(scope.name.text, { kind: 'other', node: scope });
      return m;
    }
    if (ts.isCatchClause(scope)) {
      if (scope.variableDeclaration) this.addBindingName(scope.variableDeclaration.name, (node) => ({ kind: 'other', node }), m);
      return m;
    }
    if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
      const init = scope.initializer;
      if (init && ts.isVariableDeclarationList(init)) this.addVariableList(init, m);
      return m;
    }
    const statements: readonly ts.Node[] = ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)
      ? scope.statements
      : ts.isCaseBlock(scope)
        ? scope.clauses.flatMap((c) => [...c.statements])
        : [];
    for (const st of statements) this.addStatement(st, m);
    return m;
  }

  private addStatement(st: ts.Node, m: Map<string, Declaration>): void {
    if (ts.isVariableStatement(st)) this.addVariableList(st.declarationList, m);
    else if (ts.isFunctionDeclaration(st) && st.name) m.set(st.name.text, { kind: 'function', node: st });
    else if (ts.isClassDeclaration(st) && st.name) m.set(st.name.text, { kind: 'class', node: st });
    else if ((ts.isEnumDeclaration(st) || ts.isModuleDeclaration(st)) && ts.isIdentifier(st.name)) m.set(st.name.text, { kind: 'other', node: st });
    else if (ts.isImportDeclaration(st)) this.addImport(st, m);
    else if (ts.isImportEqualsDeclaration(st)) {
      const ref = st.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        m.set(st.name.text, { kind: 'import', ref: { module: ref.expression.text, path: [] }, node: st });
      }
    }
  }

  private addImport(decl: ts.ImportDeclaration, m: Map<string, Declaration>): void {
    if (!ts.isStringLiteral(decl.moduleSpecifier) || !decl.importClause) return;
    const module = decl.moduleSpecifier.text;
    const clause = decl.importClause;
    if (clause.name) m.set(clause.name.text, { kind: 'import', ref: { module, path: ['default'] }, node: clause });
    const named = clause.namedBindings;
    if (!named) return;
    if (ts.isNamespaceImport(named)) m.set(named.name.text, { kind: 'import', ref: { module, path: [] }, node: named });
    else
      for (const spec of named.elements) {
        const imported = (spec.propertyName ?? spec.name).text;
        m.set(spec.name.text, { kind: 'import', ref: { module, path: [imported] }, node: spec });
      }
  }

  private addVariableList(list: ts.VariableDeclarationList, m: Map<string, Declaration>): void {
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      const required = d.initializer ? requireTarget(unwrap(d.initializer)) : undefined;
      if (ts.isIdentifier(d.name)) {
        m.set(d.name.text, required ? { kind: 'import', ref: required, node: d } : { kind: 'variable', node: d, isConst });
      } else if (required && ts.isObjectBindingPattern(d.name)) {
        // const { Bucket, aws_s3: s3 } = require('...')
        for (const el of d.name.elements) {
          if (!ts.isIdentifier(el.name) || el.dotDotDotToken) continue;
          const prop = el.propertyName && (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName)) ? el.propertyName.text : el.name.text;
          m.set(el.name.text, { kind: 'import', ref: { module: required.module, path: [...required.path, prop] }, node: el });
        }
      } else {
        this.addBindingName(d.name, (node) => ({ kind: 'binding', node: node as ts.BindingElement, isConst }), m);
      }
    }
  }

  private addBindingName(name: ts.BindingName, make: (node: ts.Node) => Declaration, m: Map<string, Declaration>): void {
    if (ts.isIdentifier(name)) {
      m.set(name.text, make(name.parent));
      return;
    }
    for (const el of name.elements) {
      if (ts.isOmittedExpression(el)) continue;
      if (ts.isIdentifier(el.name)) m.set(el.name.text, make(el));
      else this.addBindingName(el.name, make, m);
    }
  }

  get file(): ts.SourceFile {
    return this.sourceFile;
  }
}

/** The node carries the modifier (`export`, `default`, `async`...). */
export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/** Strips what does not change a value: parentheses, `as`, `!`, `satisfies`, `<T>x`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (TRANSPARENT_KINDS[e.kind] === true) e = (e as ts.ParenthesizedExpression).expression;
  return e;
}
