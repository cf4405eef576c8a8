// IAM statements written in TypeScript, fed into the same model as JSON policies so each IAM rule
// is written once: `new iam.PolicyStatement({...})` (and its later `addActions()`... calls),
// `PolicyStatement.fromJson({...})`, policy-shaped object literals (`{ Version, Statement }`, as
// given to `PolicyDocument.fromJson`, L1 `CfnRole`/`CfnPolicy`/`CfnBucketPolicy` documents or SDK
// calls), a `Role`'s trust (`assumedBy` + `externalIds`) as a trust statement, and the lower-camel
// statements of Pulumi's `aws.iam.getPolicyDocument({ statements })` and CDK for Terraform's
// `new DataAwsIamPolicyDocument(scope, id, { statement })` (`effect`, `actions`, `principals: [{ type,
// identifiers }]`, `conditions` / `condition: [{ test, variable, values }]`), and a policy written
// as JSON text in a string (`policy: \`{ "Version": ..., "Statement": [...] }\``, as Pulumi's and
// Terraform's docs do), read by the JSON front end; and the raw statements of a Serverless Framework
// config written in TS/JS (`serverless.ts`, `serverless.js`, a per-function file): `iamRoleStatements: [...]`
// (provider level, and function level with the serverless-iam-roles-per-function plugin) and
// `iam: { role: { statements: [...] } }` (Serverless v3).
// Values that cannot be resolved in the file become unknown items, so rules stay silent on them.
import * as ts from './api';
import {
  kindOfStatements,
  type ConditionEntry,
  type PolicyCondition,
  type PolicyKind,
  type PolicyList,
  type PolicyPrincipal,
  type PolicyStatement,
  type PolicyValue,
  type PrincipalEntry,
  type PrincipalType,
  type StatementEditor,
} from '../policy/model';
import { parseTree, type ParseError } from 'jsonc-parser';
import { findPolicyDocuments } from '../json/recognize';
import { statementsOfSite } from '../json/statements';
import { detectEol, indentAt } from '../text';
import type { TextEdit } from '../types';
import { cdktfAwsName, pulumiIamName, unwrap, type SymbolRef } from './bindings';
import { holderOfExpression, holderOfValue, type Holder } from './cdk';
import { appendObjectArgument, insertProperty, stringLiteral } from './edits';
import { propertyName, UNKNOWN, type ObjectProps, type TsFile } from './file';

const IAM = 'aws-cdk-lib/aws-iam';
const EC2 = 'aws-cdk-lib/aws-ec2';
const MAX_PRINCIPAL_DEPTH = 8;

/** A list item and the node it is written as (edits need the node). */
interface Item extends PolicyValue {
  node: ts.Expression;
  /** The array literal holding the node, or undefined for a single value / call argument. */
  array?: ts.ArrayLiteralExpression;
}

interface ListBuild {
  items: Item[];
  incomplete: boolean;
  /** Strings holding a `${...}` placeholder are unknown (raw JSON-shaped statements). */
  placeholders?: boolean;
}

export function extractTsPolicyStatements(file: TsFile): PolicyStatement[] {
  const text = file.text;
  // Cheap gate: files that mention neither the IAM module nor a policy document have none.
  // Serverless v3's `iam: { role: { statements } }` names neither: its keys are the gate.
  const serverlessRole = /\bstatements['"]?\s*:/.test(text) && /\brole['"]?\s*:/.test(text);
  if (!serverlessRole && !/aws-iam|aws_iam|Statement|getPolicyDocument|DataAwsIamPolicyDocument/.test(text)) return [];
  const ctx = new Extractor(file, /getPolicyDocument|DataAwsIamPolicyDocument/.test(text), text.includes('"Statement"'), serverlessRole || text.includes('iamRoleStatements'));
  ctx.collect();
  return ctx.build();
}

class Extractor {
  private readonly newStatements: ts.NewExpression[] = [];
  private readonly fromJson: ts.CallExpression[] = [];
  private readonly roles: ts.NewExpression[] = [];
  private readonly documents: ts.ObjectLiteralExpression[] = [];
  /** Calls on a statement held in a variable: `stmt.addActions('s3:GetObject')`. */
  private readonly mutations = new Map<Holder, ts.CallExpression[]>();
  /** Statements given to `addToResourcePolicy` (resource) or a role's `assumeRolePolicy` (trust). */
  private readonly contextKind = new Map<Holder, PolicyKind>();
  /** Where VPC endpoints are kept, and `addToPolicy` calls as [receiver, statement]: resolved in `build`. */
  private readonly endpoints = new Set<Holder>();
  private readonly addedToPolicy: [Holder, Holder][] = [];
  /** Statements given to a VPC endpoint's `addToPolicy`. */
  private readonly endpointStatements = new Set<Holder>();
  /** Raw JSON statements of a core `CustomResourceProvider` (`policyStatements: [{ Effect, Action, Resource }]`). */
  private readonly providerStatements: ts.ObjectLiteralExpression[] = [];
  /** Pulumi `getPolicyDocument` / CDKTF `DataAwsIamPolicyDocument` arguments, with their statement list key. */
  private readonly camelDocuments: { args: ts.Expression; list: 'statements' | 'statement' }[] = [];

  /** Serverless Framework statement lists: the values of `iamRoleStatements` and `iam.role.statements`. */
  private readonly serverlessLists: ts.Expression[] = [];

  /** String literals holding a JSON policy document. */
  private readonly jsonLiterals: (ts.StringLiteral | ts.NoSubstitutionTemplateLiteral)[] = [];

  /**
   * `camel`: the file names Pulumi's or CDKTF's policy-document helper; `jsonText`: it has a quoted
   * `"Statement"` key; `serverless`: it has an `iamRoleStatements` key or `statements` and `role` keys.
   * Those forms are only looked for in such files.
   */
  constructor(
    private readonly file: TsFile,
    private readonly camel = false,
    private readonly jsonText = false,
    private readonly serverless = false,
  ) {}

  private is(ref: SymbolRef | undefined, ...path: string[]): boolean {
    return !!ref && ref.module === IAM && ref.path.length === path.length && ref.path.every((p, i) => p === path[i]);
  }

  collect(): void {
    const file = this.file;
    // The nodes in source order, recorded at parse time: no walk of our own. An index loop: no
    // iterator result per node when this runs unoptimized.
    const nodes = file.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (ts.isNewExpression(node)) {
        const ref = file.symbolOf(node.expression);
        if (this.is(ref, 'PolicyStatement')) this.newStatements.push(node);
        else if (this.is(ref, 'Role') || this.is(ref, 'LazyRole')) this.roles.push(node);
        else if (ref?.module === EC2 && (ref.path[0] === 'GatewayVpcEndpoint' || ref.path[0] === 'InterfaceVpcEndpoint')) this.endpoints.add(holderOfValue(file, node));
        else if (this.camel && node.arguments?.[2] && isCdktfPolicyDocument(ref)) this.camelDocuments.push({ args: node.arguments[2], list: 'statement' });
      } else if (ts.isCallExpression(node)) {
        this.collectCall(node);
      } else if (ts.isObjectLiteralExpression(node)) {
        if (isPolicyDocumentLiteral(node)) {
          if (!isAssertionExpectation(node)) this.documents.push(node);
        } else if (this.isProviderStatement(node)) this.providerStatements.push(node);
      } else if (this.serverless && ts.isPropertyAssignment(node)) {
        if (isServerlessStatementList(node) && !isAssertionExpectation(node)) this.serverlessLists.push(node.initializer);
      } else if (this.jsonText && (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) && isJsonPolicyText(node, file.sourceFile) && !isAssertionExpectation(node)) {
        this.jsonLiterals.push(node);
      }
    }
  }

  private collectCall(call: ts.CallExpression): void {
    const file = this.file;
    const callee = unwrap(call.expression);
    const ref = file.symbolOf(callee);
    if (this.is(ref, 'PolicyStatement', 'fromJson')) {
      this.fromJson.push(call);
      return;
    }
    if (this.camel && call.arguments[0] && isPulumiPolicyDocument(ref)) {
      this.camelDocuments.push({ args: call.arguments[0], list: 'statements' });
      return;
    }
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    if (method === 'addToResourcePolicy' && call.arguments[0]) this.setContext(call.arguments[0], 'resource');
    if (method === 'addGatewayEndpoint' || method === 'addInterfaceEndpoint') this.endpoints.add(holderOfValue(file, call));
    if (method === 'addToPolicy' && call.arguments[0]) {
      // `vpc.addGatewayEndpoint(...).addToPolicy(...)`, or an endpoint kept in a variable or field.
      const receiver = unwrap(callee.expression);
      const endpoint = ts.isCallExpression(receiver) ? receiver : holderOfExpression(file, receiver);
      const statement = holderOfExpression(file, call.arguments[0]);
      if (endpoint && statement) this.addedToPolicy.push([endpoint, statement]);
    }
    if (method === 'addStatements' && /assumeRolePolicy\??$/.test(unwrap(callee.expression).getText(file.sourceFile).replace(/!$/, ''))) {
      for (const a of call.arguments) this.setContext(a, 'trust');
    }
    if (STATEMENT_MUTATORS.has(method)) {
      const holder = holderOfExpression(file, callee.expression);
      if (!holder) return;
      let list = this.mutations.get(holder);
      if (!list) this.mutations.set(holder, (list = []));
      list.push(call);
    }
  }

  private setContext(arg: ts.Expression, kind: PolicyKind): void {
    const holder = holderOfExpression(this.file, arg);
    if (holder) this.contextKind.set(holder, kind);
  }

  /**
   * `CustomResourceProvider.getOrCreate(Provider)(this, id, { policyStatements: [{ Effect, Action, Resource }] })`
   * (or `new CustomResourceProvider(...)`): the statements of the provider's role, as raw JSON. Only
   * literals written in the array are read (a few parent checks per object literal).
   */
  private isProviderStatement(obj: ts.ObjectLiteralExpression): boolean {
    const list = obj.parent;
    const prop = list?.parent;
    if (!list || !ts.isArrayLiteralExpression(list) || !prop || !ts.isPropertyAssignment(prop) || propertyName(prop.name) !== 'policyStatements') return false;
    if (!propOf(obj, 'Effect') && !propOf(obj, 'Action')) return false;
    const call = prop.parent?.parent;
    if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(prop.parent as ts.Expression)) return false;
    const ref = this.file.symbolOf(call.expression);
    return !!ref && ref.module === 'aws-cdk-lib' && ref.path[0] === 'CustomResourceProvider';
  }

  /** `new ec2.CfnVPCEndpoint(this, id, { policyDocument: {...} })`. */
  private isCfnVpcEndpointDocument(doc: ts.ObjectLiteralExpression): boolean {
    const prop = doc.parent;
    if (!prop || !ts.isPropertyAssignment(prop) || propertyName(prop.name)?.toLowerCase() !== 'policydocument') return false;
    const created = prop.parent?.parent;
    if (!created || !ts.isNewExpression(created)) return false;
    const ref = this.file.symbolOf(created.expression);
    return !!ref && ref.module === EC2 && ref.path[0] === 'CfnVPCEndpoint';
  }

  build(): PolicyStatement[] {
    for (const [endpoint, statement] of this.addedToPolicy) if (this.endpoints.has(endpoint)) this.endpointStatements.add(statement);
    const out: PolicyStatement[] = [];
    // `new PolicyStatement`s written side by side in one array literal are one document's statements.
    const lists = new Map<ts.Node, PolicyStatement[]>();
    for (const n of this.newStatements) {
      const s = this.fromPolicyStatement(n);
      if (!s) continue;
      out.push(s);
      if (ts.isArrayLiteralExpression(n.parent)) {
        const list = lists.get(n.parent);
        if (list) list.push(s);
        else lists.set(n.parent, [s]);
      }
    }
    for (const list of lists.values()) if (list.length > 1) for (const s of list) s.siblings = list;
    for (const call of this.fromJson) {
      const obj = call.arguments[0] && this.file.resolveExpression(call.arguments[0]);
      if (obj && ts.isObjectLiteralExpression(obj)) out.push(this.fromJsonShaped(obj, 'auto'));
    }
    for (const doc of this.documents) {
      const kind = documentKind(doc);
      const statements = propOf(doc, 'Statement');
      const value = statements && this.file.resolveExpression(statements);
      const objects = !value ? [] : ts.isArrayLiteralExpression(value) ? value.elements : [value];
      const endpoint = this.isCfnVpcEndpointDocument(doc);
      const list: PolicyStatement[] = [];
      for (const el of objects) {
        const obj = this.file.resolveExpression(el);
        if (!obj || !ts.isObjectLiteralExpression(obj)) continue;
        const statement = this.fromJsonShaped(obj, kind);
        if (endpoint) statement.vpcEndpoint = true;
        out.push(statement);
        list.push(statement);
      }
      if (list.length > 1) for (const s of list) s.siblings = list;
    }
    for (const obj of this.providerStatements) out.push(this.fromJsonShaped(obj, 'identity'));
    // The function's execution role: identity statements. One list may be shared (a const given to
    // several functions, or spread into several lists): each statement is read once.
    const seen = new Set<ts.ObjectLiteralExpression>();
    for (const list of this.serverlessLists) {
      for (const obj of this.serverlessStatements(list, 0)) {
        if (seen.has(obj)) continue;
        seen.add(obj);
        out.push(this.fromJsonShaped(obj, 'identity'));
      }
    }
    for (const literal of this.jsonLiterals) out.push(...this.fromJsonText(literal));
    for (const doc of this.camelDocuments) {
      const props = this.file.objectProps(doc.args);
      const list = props?.get(doc.list);
      const value = list && list !== 'unknown' && list.value ? this.file.resolveExpression(list.value) : undefined;
      if (!value || !ts.isArrayLiteralExpression(value)) continue;
      for (const el of value.elements) {
        const obj = this.file.resolveExpression(el);
        if (obj && ts.isObjectLiteralExpression(obj)) out.push(this.fromCamel(obj, doc.list === 'statements' ? 'conditions' : 'condition'));
      }
    }
    for (const role of this.roles) {
      const s = this.fromRole(role);
      if (s) out.push(s);
    }
    return out;
  }

  // ── new iam.PolicyStatement({...}) ──────────────────────────────────────────────────────────

  private fromPolicyStatement(node: ts.NewExpression): PolicyStatement | undefined {
    const file = this.file;
    const sf = file.sourceFile;
    const arg = node.arguments?.[0];
    const props = arg ? file.objectProps(arg) : undefined;
    if (arg && !props) return undefined; // props we cannot see: nothing to say
    const holder = holderOfValue(file, node);
    const calls = holder !== undefined ? (this.mutations.get(holder) ?? []) : [];

    const effectProp = props?.get('effect');
    let effect: PolicyStatement['effect'];
    if (effectProp === undefined) effect = 'Allow'; // CDK's default
    else if (effectProp !== 'unknown') {
      const v = file.evaluate(effectProp.value);
      if (v.kind === 'symbol' && this.is(v.ref, 'Effect', 'ALLOW')) effect = 'Allow';
      else if (v.kind === 'symbol' && this.is(v.ref, 'Effect', 'DENY')) effect = 'Deny';
    }

    const list = (propName: string, method: string, all?: string): PolicyList | undefined => {
      const p = props?.get(propName);
      const parts: { build: ListBuild; start: number; end: number; keyStart: number; keyEnd: number; isArray: boolean }[] = [];
      if (p === 'unknown') return { items: [], incomplete: true, isArray: true, start: node.getStart(sf), end: node.getEnd(), keyStart: node.getStart(sf), keyEnd: node.getEnd() };
      if (p && p.value) {
        const nameNode = (p.node as ts.PropertyAssignment).name ?? p.node;
        parts.push({ build: this.tsList(p.value), start: p.value.getStart(sf), end: p.value.getEnd(), keyStart: nameNode.getStart(sf), keyEnd: nameNode.getEnd(), isArray: true });
      }
      for (const call of calls) {
        const name = (call.expression as ts.PropertyAccessExpression).name;
        if (name.text === method) {
          const build: ListBuild = { items: [], incomplete: false };
          for (const a of call.arguments) this.addListElement(a, undefined, build, 0);
          const first = call.arguments[0] ?? call;
          parts.push({ build, start: first.getStart(sf), end: (call.arguments[call.arguments.length - 1] ?? call).getEnd(), keyStart: name.getStart(sf), keyEnd: name.getEnd(), isArray: true });
        } else if (all && name.text === all) {
          // addAllResources() grants "*": an item with the call's range, not editable.
          parts.push({ build: { items: [{ value: '*', start: call.getStart(sf), end: call.getEnd(), node: call }], incomplete: false }, start: call.getStart(sf), end: call.getEnd(), keyStart: name.getStart(sf), keyEnd: name.getEnd(), isArray: true });
        }
      }
      if (parts.length === 0) return undefined;
      const items = parts.flatMap((x) => x.build.items);
      return { items, incomplete: parts.some((x) => x.build.incomplete), isArray: true, start: parts[0].start, end: parts[0].end, keyStart: parts[0].keyStart, keyEnd: parts[0].keyEnd };
    };

    const actions = list('actions', 'addActions');
    const principal = this.statementPrincipals(props, calls, 'principals', false);
    const notPrincipal = this.statementPrincipals(props, [], 'notPrincipals', true);
    const condition = this.statementConditions(props, calls, principal?.conditions ?? []);
    const sidProp = props?.get('sid');
    const sid = sidProp && sidProp !== 'unknown' ? file.evaluate(sidProp.value) : undefined;
    const context = holder ? this.contextKind.get(holder) : undefined;
    const kind: PolicyKind = context ?? kindOfStatements(!!(principal || notPrincipal), (actions?.items ?? []).map((i) => i.value));
    const statement: PolicyStatement = {
      kind,
      origin: 'typescript',
      effect,
      sid: sid?.kind === 'string' ? sid.value : undefined,
      actions,
      notActions: list('notActions', 'addNotActions'),
      resources: list('resources', 'addResources', 'addAllResources'),
      notResources: list('notResources', 'addNotResources'),
      principal: principal?.principal,
      notPrincipal: notPrincipal?.principal,
      condition,
      start: node.getStart(sf),
      end: node.getEnd(),
      editor: this.editor({ kind: 'statement', node, props }),
    };
    if (holder !== undefined && this.endpointStatements.has(holder)) statement.vpcEndpoint = true;
    return statement;
  }

  private statementPrincipals(props: ObjectProps | undefined, calls: ts.CallExpression[], propName: string, not: boolean): { principal: PolicyPrincipal; conditions: ConditionEntry[] } | undefined {
    const sf = this.file.sourceFile;
    const p = props?.get(propName);
    const acc: PrincipalAcc = { entries: [], conditions: [], incomplete: false, actions: [] };
    let range: { start: number; end: number; keyStart: number; keyEnd: number } | undefined;
    if (p === 'unknown') {
      acc.incomplete = true;
      range = { start: props!.literal.getStart(sf), end: props!.literal.getEnd(), keyStart: props!.literal.getStart(sf), keyEnd: props!.literal.getStart(sf) };
    } else if (p?.value) {
      const nameNode = (p.node as ts.PropertyAssignment).name ?? p.node;
      range = { start: p.value.getStart(sf), end: p.value.getEnd(), keyStart: nameNode.getStart(sf), keyEnd: nameNode.getEnd() };
      const arr = this.file.resolveExpression(p.value);
      if (arr && ts.isArrayLiteralExpression(arr)) for (const el of arr.elements) this.principal(el, acc, 0);
      else acc.incomplete = true;
    }
    if (!not) {
      for (const call of calls) {
        const name = (call.expression as ts.PropertyAccessExpression).name;
        const entry = principalFromMethod(this.file, call, acc);
        if (!entry) continue;
        range ??= { start: call.getStart(sf), end: call.getEnd(), keyStart: name.getStart(sf), keyEnd: name.getEnd() };
      }
    }
    if (!range) return undefined;
    return { principal: { entries: acc.entries, incomplete: acc.incomplete, ...range }, conditions: acc.conditions };
  }

  private statementConditions(props: ObjectProps | undefined, calls: ts.CallExpression[], fromPrincipals: ConditionEntry[]): PolicyCondition | undefined {
    const file = this.file;
    const sf = file.sourceFile;
    const p = props?.get('conditions');
    let cond: PolicyCondition | undefined;
    if (p === 'unknown') cond = { entries: [], incomplete: true, start: props!.literal.getStart(sf), end: props!.literal.getEnd() };
    else if (p?.value) cond = this.conditionObject(p.value);
    for (const call of calls) {
      const name = (call.expression as ts.PropertyAccessExpression).name.text;
      if (name === 'addCondition') {
        const [opArg, keyArg, valueArg] = call.arguments;
        const op = file.evaluate(opArg);
        const key = file.evaluate(keyArg);
        cond ??= { entries: [], incomplete: false, start: call.getStart(sf), end: call.getEnd() };
        if (op.kind !== 'string' || key.kind !== 'string') cond.incomplete = true;
        else cond.entries.push({ operator: op.value, key: key.value, values: this.conditionValues(valueArg) });
      } else if (name === 'addConditions') {
        const more = call.arguments[0] ? this.conditionObject(call.arguments[0]) : undefined;
        cond ??= { entries: [], incomplete: false, start: call.getStart(sf), end: call.getEnd() };
        if (!more) cond.incomplete = true;
        else {
          cond.entries.push(...more.entries);
          cond.incomplete ||= more.incomplete;
        }
      }
    }
    if (fromPrincipals.length) {
      cond ??= { entries: [], incomplete: false, start: 0, end: 0 };
      cond.entries.push(...fromPrincipals);
    }
    return cond;
  }

  /** `{ StringEquals: { 'sts:ExternalId': 'x' } }` → entries; anything unresolvable marks it incomplete. */
  private conditionObject(expr: ts.Expression): PolicyCondition {
    const file = this.file;
    const sf = file.sourceFile;
    const obj = file.objectProps(expr);
    const cond: PolicyCondition = { entries: [], incomplete: !obj, start: expr.getStart(sf), end: expr.getEnd() };
    if (!obj) return cond;
    if (obj.get('\u0000') === 'unknown') cond.incomplete = true; // asking for a name no one writes: 'unknown' iff a spread is unresolved
    for (const [op, info] of obj.props) {
      const inner = info.value && file.objectProps(info.value);
      if (!inner) {
        cond.incomplete = true;
        continue;
      }
      if (inner.get('\u0000') === 'unknown') cond.incomplete = true;
      for (const [key, v] of inner.props) cond.entries.push({ operator: op, key, values: this.conditionValues(v.value) });
    }
    return cond;
  }

  private conditionValues(expr: ts.Expression | undefined): (string | undefined)[] {
    const file = this.file;
    const v = file.evaluate(expr);
    const one = (x: typeof v): string | undefined => (x.kind === 'string' || x.kind === 'number' || x.kind === 'boolean' ? String(x.value) : undefined);
    if (v.kind === 'array') return v.node.elements.map((e) => one(file.evaluate(e)));
    return [one(v)];
  }

  /** A TS list value: an array literal (through consts and spreads of const arrays) or a single value. */
  private tsList(expr: ts.Expression, placeholders = false): ListBuild {
    const build: ListBuild = { items: [], incomplete: false, placeholders };
    const resolved = this.file.resolveExpression(expr);
    if (resolved && ts.isArrayLiteralExpression(resolved)) for (const el of resolved.elements) this.addListElement(el, resolved, build, 0);
    else this.addListElement(expr, undefined, build, 0);
    return build;
  }

  private addListElement(el: ts.Expression, array: ts.ArrayLiteralExpression | undefined, build: ListBuild, depth: number): void {
    const sf = this.file.sourceFile;
    if (ts.isSpreadElement(el)) {
      const inner = depth < 8 ? this.file.resolveExpression(el.expression) : undefined;
      if (inner && ts.isArrayLiteralExpression(inner)) for (const x of inner.elements) this.addListElement(x, inner, build, depth + 1);
      else build.incomplete = true;
      return;
    }
    const v = this.file.evaluate(el);
    // In a raw JSON statement a `${...}` is a placeholder some tool fills in later (a Serverless
    // variable `${self:custom.tableArn}`, `${ssm:...}`, `${aws:region}`, an IAM policy variable):
    // a specific value we cannot see, never a wildcard or an action name.
    const value = v.kind === 'string' && !(build.placeholders && v.value.includes('${')) ? v.value : undefined;
    if (value === undefined) build.incomplete = true;
    build.items.push({ value, start: el.getStart(sf), end: el.getEnd(), node: el, array });
  }

  // ── Principals ──────────────────────────────────────────────────────────────────────────────

  private principal(expr: ts.Expression, acc: PrincipalAcc, depth: number): void {
    const file = this.file;
    const sf = file.sourceFile;
    if (depth > MAX_PRINCIPAL_DEPTH) {
      acc.incomplete = true;
      return;
    }
    const e = unwrap(expr);
    const range = { start: e.getStart(sf), end: e.getEnd() };
    // `.withConditions({...})`, `.withSessionTags()` wrap another principal.
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && !file.symbolOf(e.expression)) {
      const m = e.expression.name.text;
      if (m === 'withConditions' || m === 'withSessionTags') {
        this.principal(e.expression.expression, acc, depth + 1);
        if (m === 'withConditions') {
          const c = e.arguments[0] ? this.conditionObject(e.arguments[0]) : undefined;
          if (c) acc.conditions.push(...c.entries);
          if (!c || c.incomplete) acc.incomplete = true;
        }
        return;
      }
    }
    const v = file.evaluate(e);
    if (v.kind !== 'new' || v.ref.module !== IAM || v.ref.path.length !== 1) {
      if (v.kind === 'unknown' && ts.isIdentifier(e)) {
        const target = file.resolveExpression(e);
        if (target && target !== e) return this.principal(target, acc, depth + 1);
      }
      acc.incomplete = true;
      return;
    }
    const str = (i: number): string | undefined => {
      const x = file.evaluate(v.args[i]);
      return x.kind === 'string' ? x.value : undefined;
    };
    const add = (type: PrincipalType, value: string | undefined): void => {
      acc.entries.push({ type, value, ...range });
      if (value === undefined) acc.incomplete = true;
    };
    const conditionsArg = (i: number): void => {
      if (!v.args[i]) return;
      const c = this.conditionObject(v.args[i]);
      acc.conditions.push(...c.entries);
      if (c.incomplete) acc.incomplete = true;
    };
    switch (v.ref.path[0]) {
      case 'AnyPrincipal':
      case 'Anyone': // the deprecated alias of AnyPrincipal, still common in real stacks
        return add('AWS', '*');
      case 'StarPrincipal':
        return add('*', '*');
      case 'ArnPrincipal':
        return add('AWS', str(0));
      case 'AccountPrincipal': {
        const account = str(0);
        return add('AWS', account === undefined ? undefined : /^\d{12}$/.test(account) ? `arn:aws:iam::${account}:root` : account);
      }
      case 'AccountRootPrincipal':
        return add('AWS', undefined); // the stack's own account: a token
      case 'ServicePrincipal':
        return add('Service', str(0));
      case 'CanonicalUserPrincipal':
        return add('CanonicalUser', str(0));
      case 'OrganizationPrincipal': {
        add('AWS', '*');
        acc.conditions.push({ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: [str(0)] });
        return;
      }
      case 'FederatedPrincipal': {
        add('Federated', str(0));
        conditionsArg(1);
        const action = v.args[2] ? str(2) : 'sts:AssumeRole';
        acc.actions.push(action);
        return;
      }
      case 'WebIdentityPrincipal':
        add('Federated', str(0));
        conditionsArg(1);
        acc.actions.push('sts:AssumeRoleWithWebIdentity');
        return;
      case 'OpenIdConnectPrincipal':
        add('Federated', undefined);
        conditionsArg(1);
        acc.actions.push('sts:AssumeRoleWithWebIdentity');
        return;
      case 'SamlPrincipal':
      case 'SamlConsolePrincipal':
        add('Federated', undefined);
        conditionsArg(1);
        acc.actions.push('sts:AssumeRoleWithSAML');
        return;
      case 'CompositePrincipal':
        for (const a of v.args) this.principal(a, acc, depth + 1);
        return;
      case 'SessionTagsPrincipal':
        if (v.args[0]) this.principal(v.args[0], acc, depth + 1);
        return;
      case 'PrincipalWithConditions':
        if (v.args[0]) this.principal(v.args[0], acc, depth + 1);
        conditionsArg(1);
        return;
      default:
        acc.incomplete = true;
    }
  }

  // ── new iam.Role({ assumedBy, externalIds }) ────────────────────────────────────────────────

  private fromRole(node: ts.NewExpression): PolicyStatement | undefined {
    const file = this.file;
    const sf = file.sourceFile;
    const arg = node.arguments?.[2];
    const props = arg && file.objectProps(arg);
    const assumed = props?.get('assumedBy');
    if (!props || !assumed || assumed === 'unknown' || !assumed.value) return undefined;
    const acc: PrincipalAcc = { entries: [], conditions: [], incomplete: false, actions: [] };
    this.principal(assumed.value, acc, 0);
    const key = (assumed.node as ts.PropertyAssignment).name ?? assumed.node;
    const valueRange = { start: assumed.value.getStart(sf), end: assumed.value.getEnd() };
    const keyRange = { keyStart: key.getStart(sf), keyEnd: key.getEnd() };
    const actionValues = acc.actions.length ? [...new Set(acc.actions)] : ['sts:AssumeRole'];
    const actions: PolicyList = {
      items: actionValues.map((a) => ({ value: a, ...valueRange })),
      incomplete: actionValues.some((a) => a === undefined),
      isArray: false,
      ...valueRange,
      ...keyRange,
    };
    const conditions: ConditionEntry[] = [...acc.conditions];
    let condIncomplete = false;
    let condRange = valueRange;
    for (const name of ['externalIds', 'externalId']) {
      const p = props.get(name);
      if (p === undefined) continue;
      if (p === 'unknown' || !p.value) {
        condIncomplete = true;
        continue;
      }
      condRange = { start: p.node.getStart(sf), end: p.node.getEnd() };
      const values = this.conditionValues(p.value);
      if (values.length) conditions.push({ operator: 'StringEquals', key: 'sts:ExternalId', values });
    }
    if (props.get('externalIds') === 'unknown') condIncomplete = true;
    return {
      kind: 'trust',
      origin: 'typescript',
      effect: 'Allow',
      actions,
      principal: { entries: acc.entries, incomplete: acc.incomplete, ...valueRange, ...keyRange },
      condition: conditions.length || condIncomplete ? { entries: conditions, incomplete: condIncomplete, ...condRange } : undefined,
      start: assumed.node.getStart(sf),
      end: assumed.node.getEnd(),
      editor: this.editor({ kind: 'role', node, props }),
    };
  }

  // ── Serverless Framework statement lists ────────────────────────────────────────────────────

  /**
   * The statement literals of a list: written in it, held in a `const`, or spread from a `const`
   * array. Only statement-shaped objects (`Effect`, `Action` or `NotAction` keys, exactly so spelled)
   * count; anything the file does not hold (an import, a parameter, a YAML load) is left out.
   */
  private serverlessStatements(expr: ts.Expression, depth: number): ts.ObjectLiteralExpression[] {
    const list = depth < 8 ? this.file.resolveExpression(expr) : undefined;
    if (!list || !ts.isArrayLiteralExpression(list)) return [];
    const out: ts.ObjectLiteralExpression[] = [];
    for (const el of list.elements) {
      if (ts.isSpreadElement(el)) {
        out.push(...this.serverlessStatements(el.expression, depth + 1));
        continue;
      }
      const obj = this.file.resolveExpression(el);
      if (obj && ts.isObjectLiteralExpression(obj) && (propNode(obj, 'Effect', true) || propNode(obj, 'Action', true) || propNode(obj, 'NotAction', true))) out.push(obj);
    }
    return out;
  }

  // ── JSON-shaped literals ────────────────────────────────────────────────────────────────────

  private fromJsonShaped(obj: ts.ObjectLiteralExpression, kind: PolicyKind | 'auto'): PolicyStatement {
    const file = this.file;
    const sf = file.sourceFile;
    const effectV = file.evaluate(propOf(obj, 'Effect'));
    const list = (name: string): PolicyList | undefined => {
      const p = propNode(obj, name);
      if (!p) return undefined;
      const value = p.initializer;
      const build = this.tsList(value, true);
      const resolved = file.resolveExpression(value);
      return { items: build.items, incomplete: build.incomplete, isArray: !!resolved && ts.isArrayLiteralExpression(resolved), start: value.getStart(sf), end: value.getEnd(), keyStart: p.name.getStart(sf), keyEnd: p.name.getEnd() };
    };
    const actions = list('Action');
    const principal = this.jsonPrincipal(obj, 'Principal');
    const notPrincipal = this.jsonPrincipal(obj, 'NotPrincipal');
    const condNode = propOf(obj, 'Condition');
    const sid = file.evaluate(propOf(obj, 'Sid'));
    return {
      kind: kind === 'auto' ? kindOfStatements(!!(principal || notPrincipal), (actions?.items ?? []).map((i) => i.value)) : kind,
      origin: 'typescript',
      effect: effectV.kind === 'string' && (effectV.value === 'Allow' || effectV.value === 'Deny') ? effectV.value : undefined,
      sid: sid.kind === 'string' ? sid.value : undefined,
      actions,
      notActions: list('NotAction'),
      resources: list('Resource'),
      notResources: list('NotResource'),
      principal,
      notPrincipal,
      condition: condNode ? this.conditionObject(condNode) : undefined,
      start: obj.getStart(sf),
      end: obj.getEnd(),
      editor: this.editor({ kind: 'json', node: obj }),
    };
  }

  private jsonPrincipal(obj: ts.ObjectLiteralExpression, name: string): PolicyPrincipal | undefined {
    const file = this.file;
    const sf = file.sourceFile;
    const p = propNode(obj, name);
    if (!p) return undefined;
    const base = { start: p.initializer.getStart(sf), end: p.initializer.getEnd(), keyStart: p.name.getStart(sf), keyEnd: p.name.getEnd() };
    const entries: PrincipalEntry[] = [];
    let incomplete = false;
    const v = file.evaluate(p.initializer);
    if (v.kind === 'string') {
      entries.push({ type: v.value === '*' ? '*' : 'AWS', value: v.value, start: base.start, end: base.end });
    } else if (v.kind === 'object') {
      const props = file.objectProps(v.node);
      if (!props || props.get('\u0000') === 'unknown') incomplete = true;
      for (const [k, info] of props?.props ?? []) {
        const type = (['AWS', 'Service', 'Federated', 'CanonicalUser'] as const).find((t) => t.toLowerCase() === k.toLowerCase());
        if (!type || !info.value) {
          incomplete = true;
          continue;
        }
        const build = this.tsList(info.value, true);
        if (build.incomplete) incomplete = true;
        for (const i of build.items) entries.push({ type, value: i.value, start: i.start, end: i.end });
      }
    } else incomplete = true;
    return { ...base, entries, incomplete };
  }

  // ── JSON text in a string ───────────────────────────────────────────────────────────────────

  /**
   * `\`{ "Version": "2012-10-17", "Statement": [...] }\``: the JSON front end reads the literal's text,
   * placed at its own offsets in the file (the literal holds no escape, so its text is what is written).
   * Fixes are kept only when they write nothing a string of this kind would have to escape.
   */
  private fromJsonText(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): PolicyStatement[] {
    const start = literal.getStart(this.file.sourceFile) + 1;
    const padded = ' '.repeat(start) + literal.text;
    const errors: ParseError[] = [];
    const root = parseTree(padded, errors, { allowTrailingComma: true });
    if (!root || errors.length) return [];
    const quote = this.file.text[start - 1];
    const safe = (edits: TextEdit[] | undefined) => (edits?.every((e) => !e.newText.includes('\\') && !e.newText.includes(quote) && !e.newText.includes('${') && (quote === '`' || !/[\r\n]/.test(e.newText))) ? edits : undefined);
    return findPolicyDocuments(root).flatMap((site) => statementsOfSite(site, padded)).map((s) => ({
      ...s,
      origin: 'typescript',
      editor: {
        replaceItem: (list, item, values) => safe(s.editor.replaceItem(list, item, values)),
        addCondition: (operator, key, value) => safe(s.editor.addCondition(operator, key, value)),
        removeItem: s.editor.removeItem && ((list, item) => safe(s.editor.removeItem!(list, item))),
      },
    }));
  }

  // ── Pulumi / CDKTF lower-camel statements ───────────────────────────────────────────────────

  /**
   * `{ sid, effect, actions, notActions, resources, notResources, principals, notPrincipals, conditions }`
   * as Pulumi's `getPolicyDocument` and CDKTF's `DataAwsIamPolicyDocument` take them (Terraform's
   * `aws_iam_policy_document`): `effect` defaults to Allow, principals are `[{ type, identifiers }]`,
   * conditions `[{ test, variable, values }]` (`condition` in CDKTF). Anything else makes the part unknown.
   */
  private fromCamel(obj: ts.ObjectLiteralExpression, condKey: 'conditions' | 'condition'): PolicyStatement {
    const file = this.file;
    const sf = file.sourceFile;
    const props = file.objectProps(obj);
    const get = (name: string) => (props ? props.get(name) : 'unknown');
    const keyRange = (p: { node: ts.Node }) => {
      const name = (p.node as ts.PropertyAssignment).name ?? p.node;
      return { keyStart: name.getStart(sf), keyEnd: name.getEnd() };
    };
    const whole = { start: obj.getStart(sf), end: obj.getEnd(), keyStart: obj.getStart(sf), keyEnd: obj.getStart(sf) };
    const list = (name: string): PolicyList | undefined => {
      const p = get(name);
      if (p === undefined) return undefined;
      if (p === 'unknown' || !p.value) return { items: [], incomplete: true, isArray: true, ...whole };
      const build = this.tsList(p.value);
      return { items: build.items, incomplete: build.incomplete, isArray: true, start: p.value.getStart(sf), end: p.value.getEnd(), ...keyRange(p) };
    };
    const principals = (name: string): PolicyPrincipal | undefined => {
      const p = get(name);
      if (p === undefined) return undefined;
      if (p === 'unknown' || !p.value) return { entries: [], incomplete: true, ...whole };
      const principal: PolicyPrincipal = { entries: [], incomplete: false, start: p.value.getStart(sf), end: p.value.getEnd(), ...keyRange(p) };
      const arr = file.resolveExpression(p.value);
      if (!arr || !ts.isArrayLiteralExpression(arr)) principal.incomplete = true;
      for (const el of arr && ts.isArrayLiteralExpression(arr) ? arr.elements : []) {
        const block = file.objectProps(el);
        const typeProp = block?.get('type');
        const type = typeProp && typeProp !== 'unknown' ? file.evaluate(typeProp.value) : undefined;
        const ids = block?.get('identifiers');
        const kind = type?.kind === 'string' ? (['*', 'AWS', 'Service', 'Federated', 'CanonicalUser'] as const).find((t) => t === type.value) : undefined;
        if (!kind || !ids || ids === 'unknown' || !ids.value) {
          principal.incomplete = true;
          continue;
        }
        const build = this.tsList(ids.value);
        if (build.incomplete) principal.incomplete = true;
        for (const i of build.items) principal.entries.push({ type: kind, value: i.value, start: i.start, end: i.end });
      }
      return principal;
    };
    const effectProp = get('effect');
    const effectV = effectProp === undefined ? undefined : effectProp === 'unknown' ? UNKNOWN : file.evaluate(effectProp.value);
    const effect: PolicyStatement['effect'] = !effectV ? 'Allow' : effectV.kind === 'string' && (effectV.value === 'Allow' || effectV.value === 'Deny') ? effectV.value : undefined;
    const actions = list('actions');
    const principal = principals('principals');
    const notPrincipal = principals('notPrincipals');
    const condProp = get(condKey);
    let condition: PolicyCondition | undefined;
    if (condProp === 'unknown' || (condProp && !condProp.value)) condition = { entries: [], incomplete: true, start: whole.start, end: whole.end };
    else if (condProp?.value) {
      condition = { entries: [], incomplete: false, start: condProp.value.getStart(sf), end: condProp.value.getEnd() };
      const arr = file.resolveExpression(condProp.value);
      if (!arr || !ts.isArrayLiteralExpression(arr)) condition.incomplete = true;
      for (const el of arr && ts.isArrayLiteralExpression(arr) ? arr.elements : []) {
        const block = file.objectProps(el);
        const test = block?.get('test');
        const variable = block?.get('variable');
        const t = test && test !== 'unknown' ? file.evaluate(test.value) : undefined;
        const v = variable && variable !== 'unknown' ? file.evaluate(variable.value) : undefined;
        const values = block?.get('values');
        if (t?.kind !== 'string' || v?.kind !== 'string' || !values || values === 'unknown') {
          condition.incomplete = true;
          continue;
        }
        condition.entries.push({ operator: t.value, key: v.value, values: this.conditionValues(values.value) });
      }
    }
    const sidProp = get('sid');
    const sid = sidProp && sidProp !== 'unknown' ? file.evaluate(sidProp.value) : undefined;
    return {
      kind: kindOfStatements(!!(principal || notPrincipal), (actions?.items ?? []).map((i) => i.value)),
      origin: 'typescript',
      effect,
      sid: sid?.kind === 'string' ? sid.value : undefined,
      actions,
      notActions: list('notActions'),
      resources: list('resources'),
      notResources: list('notResources'),
      principal,
      notPrincipal,
      condition,
      start: obj.getStart(sf),
      end: obj.getEnd(),
      editor: this.editor({ kind: 'camel', node: obj, condKey }),
    };
  }

  // ── Editing ─────────────────────────────────────────────────────────────────────────────────

  private editor(
    site:
      | { kind: 'statement'; node: ts.NewExpression; props: ObjectProps | undefined }
      | { kind: 'role'; node: ts.NewExpression; props: ObjectProps }
      | { kind: 'json'; node: ts.ObjectLiteralExpression }
      | { kind: 'camel'; node: ts.ObjectLiteralExpression; condKey: 'conditions' | 'condition' },
  ): StatementEditor {
    const file = this.file;
    const sf = file.sourceFile;
    return {
      replaceItem: (list, item, values) => {
        const node = (item as Item).node;
        if (values.length === 0 || !node || !ts.isStringLiteralLike(unwrap(node)) || site.kind === 'role') return undefined;
        const quoted = values.map((v) => stringLiteral(file, v));
        const array = (item as Item).array;
        const start = node.getStart(sf);
        if (array || site.kind === 'statement') {
          // Keep the array form: the one item becomes several, laid out like the array.
          const multiline = !!array && /[\r\n]/.test(file.text.slice(array.getStart(sf), array.getEnd()));
          const sep = multiline ? `,${detectEol(file.text)}${indentAt(file.text, start)}` : ', ';
          return [{ start, end: node.getEnd(), newText: quoted.join(sep) }];
        }
        if (quoted.length === 1 || list.isArray) return [{ start, end: node.getEnd(), newText: quoted.join(', ') }];
        return [{ start, end: node.getEnd(), newText: `[${quoted.join(', ')}]` }];
      },
      addCondition: (operator, key, value) => {
        if (site.kind === 'role') return this.addExternalId(site.node, site.props, operator, key, value);
        if (site.kind === 'camel') return this.addCamelCondition(site.node, site.condKey, operator, key, value);
        const condKey = site.kind === 'json' ? 'Condition' : 'conditions';
        const literal = site.kind === 'json' ? site.node : site.props?.literal;
        // JSON pasted into TypeScript keeps its quoted keys and double quotes: write what it writes.
        const quotedKey = literal?.properties.map((p) => p.name).find((n): n is ts.StringLiteral => !!n && ts.isStringLiteral(n));
        const q = quotedKey ? (quotedKey.getText(sf).startsWith('"') ? JSON.stringify : (x: string) => stringLiteral(file, x)) : (x: string) => stringLiteral(file, x);
        const k = (name: string) => (quotedKey || !/^[A-Za-z_$][\w$]*$/.test(name) ? q(name) : name);
        const entry = `${k(key)}: ${q(value)}`;
        if (!literal) {
          return site.kind === 'statement' ? appendObjectArgument(file, site.node, `conditions: { ${operator}: { ${entry} } }`) : undefined;
        }
        if (site.kind === 'statement' && site.props && !site.props.inline && site.props.literal !== literal) return undefined;
        const cond = propNode(literal, condKey);
        if (!cond) return insertProperty(file, literal, `${k(condKey)}: { ${k(operator)}: { ${entry} } }`);
        const condObj = unwrap(cond.initializer);
        if (!ts.isObjectLiteralExpression(condObj)) return undefined;
        const op = propNode(condObj, operator, true);
        if (!op) return insertProperty(file, condObj, `${k(operator)}: { ${entry} }`);
        const opObj = unwrap(op.initializer);
        return ts.isObjectLiteralExpression(opObj) ? insertProperty(file, opObj, entry) : undefined;
      },
    };
  }

  /** Pulumi / CDKTF: a `{ test, variable, values }` block added to the statement's condition list. */
  private addCamelCondition(obj: ts.ObjectLiteralExpression, condKey: string, operator: string, key: string, value: string): TextEdit[] | undefined {
    const file = this.file;
    const q = (x: string) => stringLiteral(file, x);
    const block = `{ test: ${q(operator)}, variable: ${q(key)}, values: [${q(value)}] }`;
    const existing = propNode(obj, condKey, true);
    if (!existing) {
      if (obj.properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return undefined; // a spread may hold it
      return insertProperty(file, obj, `${condKey}: [${block}]`);
    }
    const arr = unwrap(existing.initializer);
    if (!ts.isArrayLiteralExpression(arr)) return undefined;
    if (arr.elements.length === 0) return [{ start: arr.getStart(file.sourceFile), end: arr.getEnd(), newText: `[${block}]` }];
    const last = arr.elements[arr.elements.length - 1];
    return [{ start: last.getEnd(), end: last.getEnd(), newText: `, ${block}` }];
  }

  /** A Role's trust condition is written as `externalIds: ['…']` on the Role itself. */
  private addExternalId(_role: ts.NewExpression, props: ObjectProps, operator: string, key: string, value: string): TextEdit[] | undefined {
    if (operator !== 'StringEquals' || key.toLowerCase() !== 'sts:externalid') return undefined;
    const file = this.file;
    const existing = props.get('externalIds');
    if (existing === 'unknown') return undefined;
    if (existing?.value) {
      const arr = unwrap(existing.value);
      if (!ts.isArrayLiteralExpression(arr)) return undefined;
      if (arr.elements.length === 0) return [{ start: arr.getStart(file.sourceFile), end: arr.getEnd(), newText: `[${stringLiteral(file, value)}]` }];
      const last = arr.elements[arr.elements.length - 1];
      return [{ start: last.getEnd(), end: last.getEnd(), newText: `, ${stringLiteral(file, value)}` }];
    }
    return insertProperty(file, props.literal, `externalIds: [${stringLiteral(file, value)}]`);
  }
}

interface PrincipalAcc {
  entries: PrincipalEntry[];
  conditions: ConditionEntry[];
  incomplete: boolean;
  /** Trust actions implied by federated principals. */
  actions: (string | undefined)[];
}

const STATEMENT_MUTATORS = new Set([
  'addActions',
  'addNotActions',
  'addResources',
  'addNotResources',
  'addAllResources',
  'addCondition',
  'addConditions',
  'addPrincipals',
  'addAnyPrincipal',
  'addArnPrincipal',
  'addAwsAccountPrincipal',
  'addServicePrincipal',
  'addAccountRootPrincipal',
  'addCanonicalUserPrincipal',
  'addFederatedPrincipal',
]);

/** `stmt.addAnyPrincipal()` and friends: adds entries; true when the call was a principal call. */
function principalFromMethod(file: TsFile, call: ts.CallExpression, acc: PrincipalAcc): boolean {
  const sf = file.sourceFile;
  const name = (call.expression as ts.PropertyAccessExpression).name.text;
  const range = { start: call.getStart(sf), end: call.getEnd() };
  const str = (i: number): string | undefined => {
    const v = file.evaluate(call.arguments[i]);
    return v.kind === 'string' ? v.value : undefined;
  };
  const add = (type: PrincipalType, value: string | undefined): true => {
    acc.entries.push({ type, value, ...range });
    if (value === undefined) acc.incomplete = true;
    return true;
  };
  switch (name) {
    case 'addAnyPrincipal':
      return add('AWS', '*');
    case 'addArnPrincipal':
      return add('AWS', str(0));
    case 'addAwsAccountPrincipal': {
      const a = str(0);
      return add('AWS', a && /^\d{12}$/.test(a) ? `arn:aws:iam::${a}:root` : a);
    }
    case 'addAccountRootPrincipal':
      return add('AWS', undefined);
    case 'addServicePrincipal':
      return add('Service', str(0));
    case 'addCanonicalUserPrincipal':
      return add('CanonicalUser', str(0));
    case 'addFederatedPrincipal':
      return add('Federated', str(0));
    case 'addPrincipals':
      // Principal objects given to addPrincipals are not resolved here: mark unknown.
      acc.incomplete = true;
      return true;
    default:
      return false;
  }
}

function propNode(obj: ts.ObjectLiteralExpression, name: string, exact = false): ts.PropertyAssignment | undefined {
  const lower = name.toLowerCase();
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const n = propertyName(p.name);
    if (n !== undefined && (exact ? n === name : n.toLowerCase() === lower)) return p;
  }
  return undefined;
}

function propOf(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  return propNode(obj, name)?.initializer;
}

/**
 * `iamRoleStatements: [...]` (a Serverless provider or function definition, the key is the
 * framework's own), or `statements: [...]` under `iam: { role: { ... } }` (Serverless v3): the
 * nesting, not the common word `statements`, is what marks it.
 */
function isServerlessStatementList(prop: ts.PropertyAssignment): boolean {
  const name = propertyName(prop.name);
  if (name === 'iamRoleStatements') return true;
  if (name !== 'statements') return false;
  const role = prop.parent.parent;
  if (!role || !ts.isPropertyAssignment(role) || propertyName(role.name) !== 'role') return false;
  const iam = role.parent.parent;
  return !!iam && ts.isPropertyAssignment(iam) && propertyName(iam.name) === 'iam';
}

/** `{ Version, Statement: [...] }`, or `{ Statement: [{ Effect, ... }] }`: a policy document literal. */
function isPolicyDocumentLiteral(obj: ts.ObjectLiteralExpression): boolean {
  const statement = propOf(obj, 'Statement');
  if (!statement) return false;
  const s = unwrap(statement);
  if (!ts.isArrayLiteralExpression(s) && !ts.isObjectLiteralExpression(s) && !ts.isIdentifier(s)) return false;
  if (propOf(obj, 'Version')) return true;
  const first = ts.isArrayLiteralExpression(s) ? s.elements[0] : s;
  return !!first && ts.isObjectLiteralExpression(first) && !!propOf(first, 'Effect');
}

// Calls whose arguments describe what a test expects: CDK's `Template` assertions and `Match`
// helpers, the CDK v1 `@aws-cdk/assert` matchers, Jest/Vitest/Chai/node:assert comparisons.
const ASSERTION_CALLS = new Set([
  'hasResourceProperties', 'hasResource', 'templateMatches', 'allResourcesProperties', 'allResources', 'findResources',
  'objectLike', 'objectEquals', 'arrayWith', 'exact', 'serializedJson',
  'haveResource', 'haveResourceLike', 'toHaveResource', 'toHaveResourceLike', 'toMatchTemplate', 'countResourcesLike',
  'toEqual', 'toStrictEqual', 'toMatchObject', 'toContainEqual', 'toMatchInlineSnapshot',
  'deepEqual', 'deepStrictEqual', 'eql', 'equal',
]);

/**
 * A policy literal given to a test assertion is the policy a test expects to find in a synthesized
 * template (`template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: {...} })`): it
 * grants nothing, so the IAM rules must not read it as a grant.
 */
function isAssertionExpectation(node: ts.Node): boolean {
  for (let n = node.parent; n && !ts.isSourceFile(n) && !ts.isBlock(n) && !ts.isFunctionLike(n); n = n.parent) {
    if (!ts.isCallExpression(n)) continue;
    const callee = unwrap(n.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name && ASSERTION_CALLS.has(name)) return true;
  }
  return false;
}

/** A document under `assumeRolePolicyDocument` (L1 CfnRole, CloudFormation-in-TS) is a trust policy. */
function documentKind(doc: ts.ObjectLiteralExpression): PolicyKind | 'auto' {
  let n: ts.Node = doc;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  const parent = n.parent;
  if (parent && ts.isPropertyAssignment(parent)) {
    const name = propertyName(parent.name);
    if (name && name.toLowerCase() === 'assumerolepolicydocument') return 'trust';
  }
  return 'auto';
}

/** Pulumi's `aws.iam.getPolicyDocument(...)` / `getPolicyDocumentOutput(...)`, however imported. */
function isPulumiPolicyDocument(ref: SymbolRef | undefined): boolean {
  const name = pulumiIamName(ref);
  return name === 'getPolicyDocument' || name === 'getPolicyDocumentOutput';
}

/** CDKTF's `DataAwsIamPolicyDocument` from `@cdktf/provider-aws` (its `lib/...` entry, or a namespace of the package). */
function isCdktfPolicyDocument(ref: SymbolRef | undefined): boolean {
  return cdktfAwsName(ref) === 'DataAwsIamPolicyDocument';
}

/** A string literal whose text is a JSON policy document, written without escapes. */
function isJsonPolicyText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, sf: ts.SourceFile): boolean {
  const text = node.text;
  if (!text.includes('"Statement"') || !/^\s*\{/.test(text)) return false;
  const raw = node.getText(sf).slice(1, -1);
  return raw === text;
}
