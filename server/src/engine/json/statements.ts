// Builds the normalized statement model from a JSON policy document. Values that are not plain
// strings (CloudFormation intrinsics such as Fn::Sub, wrong types such as `"Action": 42`) become
// unknown items, so the rules stay silent about them.
import type { Node } from 'jsonc-parser';
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
import { detectEol, detectIndentUnit, indentAt, onDifferentLines } from '../text';
import type { TextEdit } from '../types';
import { keyIs, property, type PolicyDocumentSite } from './recognize';

/** `endpointFile`: the file's path names it a VPC endpoint policy (`isEndpointPolicyPath`), for documents outside a template. */
export function statementsOfSite(site: PolicyDocumentSite, text: string, endpointFile = false): PolicyStatement[] {
  const statementNode = property(site.node, 'Statement');
  if (!statementNode) return [];
  const candidates = statementNode.type === 'array' ? (statementNode.children ?? []) : [statementNode];
  const statements = candidates.flatMap((c) => statementObjects(c, 0)).map((obj) => buildStatement(obj, site.kind, text));
  const endpoint = site.resource ? site.resource.type === 'AWS::EC2::VPCEndpoint' : endpointFile;
  if (endpoint) for (const st of statements) st.vpcEndpoint = true;
  // A statement inside `Fn::If` may not be deployed: it cannot take back what another grants.
  const plain = candidates.every((c) => c.type === 'object' && !property(c, 'Fn::If'));
  if (plain && statements.length > 1) for (const st of statements) st.siblings = statements;
  return statements;
}

/**
 * The statement objects a node stands for. CloudFormation templates often write a statement
 * conditionally, `{"Fn::If": ["Cond", {statement}, {"Ref": "AWS::NoValue"}]}`: either branch may
 * be deployed, so both are analyzed (an intrinsic in a branch stays unknown).
 */
function statementObjects(node: Node, depth: number): Node[] {
  if (node.type !== 'object' || depth > 4) return [];
  const fnIf = node.children?.length === 1 ? property(node, 'Fn::If') : undefined;
  if (!fnIf) return [node];
  if (fnIf.type !== 'array') return [];
  return (fnIf.children ?? []).slice(1).flatMap((branch) => (isNoValue(branch) ? [] : statementObjects(branch, depth + 1)));
}

function isNoValue(node: Node): boolean {
  const ref = property(node, 'Ref');
  return ref?.type === 'string' && ref.value === 'AWS::NoValue';
}

function buildStatement(obj: Node, siteKind: PolicyKind | 'auto', text: string): PolicyStatement {
  const effectNode = property(obj, 'Effect');
  const effectValue = effectNode?.type === 'string' ? String(effectNode.value) : undefined;
  const actions = readList(obj, 'Action');
  const principal = readPrincipal(obj, 'Principal');
  const notPrincipal = readPrincipal(obj, 'NotPrincipal');
  const sid = property(obj, 'Sid');
  const kind =
    siteKind === 'auto'
      ? kindOfStatements(!!(principal || notPrincipal), (actions?.items ?? []).map((i) => i.value))
      : siteKind;
  return {
    kind,
    origin: 'json',
    effect: effectValue === 'Allow' || effectValue === 'Deny' ? effectValue : undefined,
    sid: sid?.type === 'string' ? String(sid.value) : undefined,
    actions,
    notActions: readList(obj, 'NotAction'),
    resources: readList(obj, 'Resource'),
    notResources: readList(obj, 'NotResource'),
    principal,
    notPrincipal,
    condition: readCondition(obj),
    start: obj.offset,
    end: obj.offset + obj.length,
    editor: jsonEditor(obj, text),
  };
}

function keyNodeOf(obj: Node, name: string): Node | undefined {
  return obj.children?.find((p) => p.children?.[0] !== undefined && keyIs(p.children[0], name))?.children?.[0];
}

function stringItem(node: Node): PolicyValue {
  return { value: node.type === 'string' ? String(node.value) : undefined, start: node.offset, end: node.offset + node.length };
}

function readList(obj: Node, name: string): PolicyList | undefined {
  const value = property(obj, name);
  const key = keyNodeOf(obj, name);
  if (!value || !key) return undefined;
  // One loop and one object literal: managed policies hold lists of thousands of actions.
  const isArray = value.type === 'array';
  const nodes = isArray ? (value.children ?? []) : [value];
  const items: PolicyValue[] = [];
  let incomplete = false;
  for (const node of nodes) {
    const item = stringItem(node);
    if (item.value === undefined) incomplete = true;
    items.push(item);
  }
  return { start: value.offset, end: value.offset + value.length, keyStart: key.offset, keyEnd: key.offset + key.length, items, isArray, incomplete };
}

function readPrincipal(obj: Node, name: string): PolicyPrincipal | undefined {
  const value = property(obj, name);
  const key = keyNodeOf(obj, name);
  if (!value || !key) return undefined;
  const base = { start: value.offset, end: value.offset + value.length, keyStart: key.offset, keyEnd: key.offset + key.length };
  const entries: PrincipalEntry[] = [];
  let incomplete = false;
  if (value.type === 'string') {
    const item = stringItem(value);
    // A bare string principal is only legal as "*"; anything else is kept as an AWS principal.
    entries.push({ ...item, type: item.value === '*' ? '*' : 'AWS' });
  } else if (value.type === 'object') {
    for (const prop of value.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v) continue;
      const type = principalType(String(k.value));
      if (!type) {
        incomplete = true;
        continue;
      }
      const nodes = v.type === 'array' ? (v.children ?? []) : [v];
      for (const n of nodes) {
        const item = stringItem(n);
        if (item.value === undefined) incomplete = true;
        entries.push({ ...item, type });
      }
    }
  } else {
    incomplete = true;
  }
  return { ...base, entries, incomplete };
}

function principalType(key: string): PrincipalType | undefined {
  const types: PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
  return types.find((t) => t.toLowerCase() === key.toLowerCase());
}

function readCondition(obj: Node): PolicyCondition | undefined {
  const value = property(obj, 'Condition');
  if (!value) return undefined;
  const entries: ConditionEntry[] = [];
  let incomplete = value.type !== 'object';
  for (const opProp of value.type === 'object' ? (value.children ?? []) : []) {
    const [opKey, opValue] = opProp.children ?? [];
    if (!opKey || !opValue) continue;
    if (opValue.type !== 'object') {
      incomplete = true;
      continue;
    }
    for (const keyProp of opValue.children ?? []) {
      const [k, v] = keyProp.children ?? [];
      if (!k || !v) continue;
      const nodes = v.type === 'array' ? (v.children ?? []) : [v];
      entries.push({
        operator: String(opKey.value),
        key: String(k.value),
        values: nodes.map((n) => (n.type === 'string' || n.type === 'number' || n.type === 'boolean' ? String(n.value) : undefined)),
      });
    }
  }
  return { entries, incomplete, start: value.offset, end: value.offset + value.length };
}

/**
 * Values as JSON strings, remembered per array: a rule that hands the same array again (a service
 * wildcard's hundreds of actions, in every statement that names it) gets them quoted once.
 */
const quotedValues = new WeakMap<readonly string[], string[]>();
function quote(values: readonly string[]): string[] {
  let quoted = quotedValues.get(values);
  if (!quoted) quotedValues.set(values, (quoted = values.map((v) => JSON.stringify(v))));
  return quoted;
}

/** The quoted values joined by `sep`, remembered per array for the last separator it was joined with. */
const joinedValues = new WeakMap<readonly string[], { sep: string; text: string }>();
function joined(values: readonly string[], sep: string): string {
  let last = joinedValues.get(values);
  if (last?.sep !== sep) joinedValues.set(values, (last = { sep, text: quote(values).join(sep) }));
  return last.text;
}

function jsonEditor(obj: Node, text: string): StatementEditor {
  const spansLines = (node: Node) => onDifferentLines(text, node.offset, node.offset + node.length);
  return {
    replaceItem(list, item, values) {
      if (values.length === 0) return undefined;
      // The file's style only where the text needs it (text.ts detects it once per file text):
      // detecting the indentation scans the whole file, and most replacements use neither.
      if (list.isArray) {
        const multiline = onDifferentLines(text, list.start, list.end);
        const sep = multiline ? `,${detectEol(text)}${indentAt(text, item.start)}` : ', ';
        return [{ start: item.start, end: item.end, newText: joined(values, sep) }];
      }
      const quoted = quote(values);
      if (quoted.length === 1) return [{ start: item.start, end: item.end, newText: quoted[0] }];
      if (!spansLines(obj)) return [{ start: item.start, end: item.end, newText: `[${quoted.join(', ')}]` }];
      const unit = detectIndentUnit(text);
      const eol = detectEol(text);
      const indent = indentAt(text, list.keyStart);
      const inner = indent + unit;
      return [{ start: item.start, end: item.end, newText: `[${eol}${inner}${quoted.join(`,${eol}${inner}`)}${eol}${indent}]` }];
    },
    removeItem(list, item) {
      if (!list.isArray) return undefined;
      const index = list.items.indexOf(item);
      if (index < 0 || list.items.length < 2) return undefined;
      // Cut up to the next item (or from the previous one) so the file's own layout is kept.
      const next = list.items[index + 1];
      const prev = list.items[index - 1];
      return next ? [{ start: item.start, end: next.start, newText: '' }] : [{ start: prev.end, end: item.end, newText: '' }];
    },
    addCondition(operator, key, value) {
      // Both detected once per file text (text.ts remembers them).
      const unit = detectIndentUnit(text);
      const eol = detectEol(text);
      const condition = property(obj, 'Condition');
      if (condition && condition.type !== 'object') return undefined;
      const opNode = property(condition, operator);
      if (opNode && opNode.type !== 'object') return undefined;
      // The innermost object that exists gets one new property; nothing else in the file moves.
      const [target, name, newValue]: [Node, string, JsonValue] = opNode
        ? [opNode, key, value]
        : condition
          ? [condition, operator, { [key]: value }]
          : [obj, 'Condition', { [operator]: { [key]: value } }];
      const edit = insertProperty(text, target, name, newValue, unit, eol, spansLines(target));
      return edit ? [edit] : undefined;
    },
  };
}

type JsonValue = string | { [key: string]: JsonValue };

function render(value: JsonValue, indent: string, unit: string, eol: string, multiline: boolean, compact = false): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const entries = Object.entries(value);
  if (compact) return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${render(v, indent, unit, eol, false, true)}`).join(',')}}`;
  if (!multiline) return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${render(v, indent, unit, eol, false)}`).join(', ')} }`;
  const inner = indent + unit;
  return `{${eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, inner, unit, eol, true)}`).join(`,${eol}`)}${eol}${indent}}`;
}

/** Sticky: matches right at `lastIndex`, without slicing the rest of the file. */
const TRAILING_COMMA = /[ \t]*,/y;

/** Adds `"name": value` as the last property of an object, in the object's own layout (one line or one property per line). */
function insertProperty(text: string, target: Node, name: string, value: JsonValue, unit: string, eol: string, multiline: boolean): TextEdit | undefined {
  const props = target.children ?? [];
  const last = props[props.length - 1];
  if (!last) {
    const indent = indentAt(text, target.offset);
    const body = multiline
      ? `{${eol}${indent}${unit}${JSON.stringify(name)}: ${render(value, indent + unit, unit, eol, true)}${eol}${indent}}`
      : `{ ${JSON.stringify(name)}: ${render(value, '', unit, eol, false)} }`;
    return { start: target.offset, end: target.offset + target.length, newText: body };
  }
  let at = last.offset + last.length;
  // A trailing comma (JSONC) already separates: insert after it.
  TRAILING_COMMA.lastIndex = at;
  const rest = TRAILING_COMMA.exec(text);
  const comma = rest ? '' : ',';
  if (rest) at += rest[0].length;
  // Minified JSON (`{"a":1,"b":2}`, common in generated templates) stays minified.
  const [k, v] = last.children ?? [];
  if (!multiline && k && v && text.slice(k.offset + k.length, v.offset) === ':') {
    return { start: at, end: at, newText: `${comma}${JSON.stringify(name)}:${render(value, '', unit, eol, false, true)}` };
  }
  if (!multiline) return { start: at, end: at, newText: `${comma} ${JSON.stringify(name)}: ${render(value, '', unit, eol, false)}` };
  const indent = indentAt(text, last.offset);
  return { start: at, end: at, newText: `${comma}${eol}${indent}${JSON.stringify(name)}: ${render(value, indent, unit, eol, true)}` };
}
