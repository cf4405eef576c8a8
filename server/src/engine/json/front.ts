// The JSON front end: one jsonc-parser tree per file (offsets kept, comments and trailing
// commas tolerated), the policy documents found in it, and every string value.
import { getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { FileNotice } from '../types';
import { findPolicyDocuments, type PolicyDocumentSite } from './recognize';

export interface JsonStringValue {
  value: string;
  /** The property key this string is the value of (or the array's key), when there is one. */
  key: string | undefined;
  /** Offset of the object or array that directly holds the string: strings with the same container are siblings. */
  container: number | undefined;
  /** Range of the string token, quotes included. */
  start: number;
  end: number;
  /** The string's node in the tree: `jsonPath(node)` is its path, walked up in O(depth) (`getLocation` rescans the text). */
  node: Node;
}

export interface JsonFile {
  text: string;
  root: Node | undefined;
  policies: PolicyDocumentSite[];
}

/** jsonc-parser recurses once per level; no policy or template nests anywhere near this deep. */
export const MAX_JSON_DEPTH = 500;

/** Offset where nesting first exceeds `limit`, or -1. A plain scan: strings and comments skipped, no recursion. */
export function nestingBeyond(text: string, limit: number): number {
  // Nesting cannot pass `limit` with no more openers than that in the whole text: counted with
  // indexOf (fast), this spares almost every file the character-by-character scan.
  let openers = 0;
  for (let i = text.indexOf('{'); i >= 0 && openers <= limit; i = text.indexOf('{', i + 1)) openers++;
  for (let i = text.indexOf('['); i >= 0 && openers <= limit; i = text.indexOf('[', i + 1)) openers++;
  if (openers <= limit) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return -1;
}

export function parseJsonFile(text: string): { file: JsonFile; notices: FileNotice[] } {
  // An empty file is one being written, not a broken one: nothing to say.
  if (text.trim() === '' || text === '\uFEFF') return { file: { text, root: undefined, policies: [] }, notices: [] };
  const tooDeep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (tooDeep >= 0) {
    const notice: FileNotice = {
      severity: 'information',
      message: `AWS Patterns skipped this file: its JSON nests more than ${MAX_JSON_DEPTH} levels deep.`,
      start: tooDeep,
      end: tooDeep + 1,
    };
    return { file: { text, root: undefined, policies: [] }, notices: [notice] };
  }
  const errors: ParseError[] = [];
  // A byte-order mark (Windows editors write one) is read as a space, so offsets stay those of the text.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  const notices: FileNotice[] = [];
  if (errors.length) {
    const first = errors[0];
    notices.push({
      severity: 'information',
      message: `AWS Patterns could not parse this JSON (${printParseErrorCode(first.error)}${errors.length > 1 ? ` and ${errors.length - 1} more` : ''}); findings cover only what could be read.`,
      start: first.offset,
      end: first.offset + Math.max(1, first.length),
    });
  }
  const policies = root && root.type === 'object' ? findPolicyDocuments(root) : [];
  return { file: { text, root, policies }, notices };
}

/** Calls `visit` for every string value in the tree (keys excluded). */
export function forEachJsonString(root: Node | undefined, visit: (v: JsonStringValue) => void): void {
  if (!root) return;
  // Iterative, in document order: deeply nested files must not overflow the call stack. Three
  // parallel stacks and index reads (no entry object per node, no destructuring through an
  // iterator per property): this sees every value of every JSON file.
  const nodes: Node[] = [root];
  const keys: (string | undefined)[] = [undefined];
  const containers: (number | undefined)[] = [undefined];
  while (nodes.length) {
    const node = nodes.pop()!;
    const key = keys.pop();
    const container = containers.pop();
    switch (node.type) {
      case 'string':
        visit({ value: String(node.value), key, container, start: node.offset, end: node.offset + node.length, node });
        break;
      case 'object': {
        const props = node.children ?? [];
        for (let i = props.length - 1; i >= 0; i--) {
          const pair = props[i].children;
          const k = pair?.[0];
          const v = pair?.[1];
          if (k && v) {
            nodes.push(v);
            keys.push(String(k.value));
            containers.push(node.offset);
          }
        }
        break;
      }
      case 'array': {
        const items = node.children ?? [];
        for (let i = items.length - 1; i >= 0; i--) {
          nodes.push(items[i]);
          keys.push(key);
          containers.push(node.offset);
        }
        break;
      }
      default:
        break;
    }
  }
}

export function jsonPath(node: Node): (string | number)[] {
  return getNodePath(node);
}
