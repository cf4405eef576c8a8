// Builds the normalized statement model from a JSON policy document. Values that are not plain
// strings (CloudFormation intrinsics such as Fn::Sub, wrong types such as `"Action": 42`) become
// unknown items, so the rules stay silent about them.
import { getNodePath, modify, type Node } from 'jsonc-parser';
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
import { detectEol, detectIndentUnit, indentAt } from '../text';
import type { TextEdit } from '../types';
import { property, type PolicyDocumentSite } from './recognize';

export function statementsOfSite(site: PolicyDocumentSite, text: string): PolicyStatement[] {
  const statementNode = property(site.node, 'Statement');
  if (!statementNode) return [];
  const objects = statementNode.type === 'array' ? (statementNode.children ?? []).filter((c) => c.type === 'object') : statementNode.type === 'object' ? [statementNode] : [];
  return objects.map((obj) => buildStatement(obj, site.kind, text));
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
  const lower = name.toLowerCase();
  return obj.children?.find((p) => String(p.children?.[0]?.value).toLowerCase() === lower)?.children?.[0];
}

function stringItem(node: Node): PolicyValue {
  return { value: node.type === 'string' ? String(node.value) : undefined, start: node.offset, end: node.offset + node.length };
}

function readList(obj: Node, name: string): PolicyList | undefined {
  const value = property(obj, name);
  const key = keyNodeOf(obj, name);
  if (!value || !key) return undefined;
  const base = { start: value.offset, end: value.offset + value.length, keyStart: key.offset, keyEnd: key.offset + key.length };
  if (value.type === 'array') {
    const items = (value.children ?? []).map(stringItem);
    return { ...base, items, isArray: true, incomplete: items.some((i) => i.value === undefined) };
  }
  const item = stringItem(value);
  return { ...base, items: [item], isArray: false, incomplete: item.value === undefined };
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

function jsonEditor(obj: Node, text: string): StatementEditor {
  const unit = detectIndentUnit(text);
  const eol = detectEol(text);
  const formattingOptions = { insertSpaces: unit !== '\t', tabSize: unit === '\t' ? 4 : unit.length, eol };
  return {
    replaceItem(list, item, values) {
      if (values.length === 0) return undefined;
      const quoted = values.map((v) => JSON.stringify(v));
      if (list.isArray) {
        const multiline = /[\r\n]/.test(text.slice(list.start, list.end));
        const sep = multiline ? `,${eol}${indentAt(text, item.start)}` : ', ';
        return [{ start: item.start, end: item.end, newText: quoted.join(sep) }];
      }
      if (quoted.length === 1) return [{ start: item.start, end: item.end, newText: quoted[0] }];
      const indent = indentAt(text, list.keyStart);
      const inner = indent + unit;
      return [{ start: item.start, end: item.end, newText: `[${eol}${inner}${quoted.join(`,${eol}${inner}`)}${eol}${indent}]` }];
    },
    addCondition(operator, key, value) {
      const condition = property(obj, 'Condition');
      if (condition && condition.type !== 'object') return undefined;
      const opNode = property(condition, operator);
      if (opNode && opNode.type !== 'object') return undefined;
      const base = getNodePath(obj);
      const [path, newValue] = opNode
        ? [[...base, keyNameOf(obj, 'Condition'), keyNameOf(condition!, operator), key], value]
        : condition
          ? [[...base, keyNameOf(obj, 'Condition'), operator], { [key]: value }]
          : [[...base, 'Condition'], { [operator]: { [key]: value } }];
      const edits = modify(text, path, newValue, { formattingOptions });
      return edits.map((e): TextEdit => ({ start: e.offset, end: e.offset + e.length, newText: e.content }));
    },
  };
}

/** The key as the file spells it (our lookups are case-insensitive; edits must hit the same key). */
function keyNameOf(obj: Node, name: string): string {
  return String(keyNodeOf(obj, name)?.value ?? name);
}
