// The JSON front end: one jsonc-parser tree per file (offsets kept, comments and trailing
// commas tolerated), the policy documents found in it, and every string value.
import { getNodePath, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { FileNotice } from '../types';
import { findPolicyDocuments, type PolicyDocumentSite } from './recognize';

export interface JsonStringValue {
  value: string;
  /** The property key this string is the value of (or the array's key), when there is one. */
  key: string | undefined;
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
  const stack: { node: Node; key: string | undefined }[] = [{ node: root, key: undefined }];
  while (stack.length) {
    const { node, key } = stack.pop()!;
    switch (node.type) {
      case 'string':
        visit({ value: String(node.value), key, start: node.offset, end: node.offset + node.length });
        break;
      case 'object':
        for (const prop of node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (k && v) stack.push({ node: v, key: String(k.value) });
        }
        break;
      case 'array':
        for (const child of node.children ?? []) stack.push({ node: child, key });
        break;
      default:
        break;
    }
  }
}

export function jsonPath(node: Node): (string | number)[] {
  return getNodePath(node);
}
