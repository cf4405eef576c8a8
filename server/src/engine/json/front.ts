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
}

export interface JsonFile {
  text: string;
  root: Node | undefined;
  policies: PolicyDocumentSite[];
}

export function parseJsonFile(text: string): { file: JsonFile; notices: FileNotice[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
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
  // Iterative, in document order: deeply nested files must not overflow the call stack.
  const stack: { node: Node; key: string | undefined; container: number | undefined }[] = [{ node: root, key: undefined, container: undefined }];
  while (stack.length) {
    const { node, key, container } = stack.pop()!;
    switch (node.type) {
      case 'string':
        visit({ value: String(node.value), key, container, start: node.offset, end: node.offset + node.length });
        break;
      case 'object': {
        const props = node.children ?? [];
        for (let i = props.length - 1; i >= 0; i--) {
          const [k, v] = props[i].children ?? [];
          if (k && v) stack.push({ node: v, key: String(k.value), container: node.offset });
        }
        break;
      }
      case 'array': {
        const items = node.children ?? [];
        for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], key, container: node.offset });
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
