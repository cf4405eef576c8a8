// Where IAM action names are written: the string under the cursor when it sits in an action
// position of a JSON policy (`Action`/`NotAction` of a `Statement`) or of TypeScript (an
// `actions`/`notActions` array, an `Action`/`NotAction` value, `addActions(...)`, the actions of
// a CDK `grant(grantee, ...actions)`). Tolerant of
// the half-typed text that completion sees (unterminated strings, unclosed brackets).
import { findNodeAtOffset, getNodePath, parseTree } from 'jsonc-parser';
import * as ts from '../engine/typescript/api';
import type { FileKind } from '../engine/types';
import { parseTypeScript } from '../engine/typescript/file';

export interface ActionSite {
  /** The string's content as written (no quotes). */
  value: string;
  /** Offsets of the content, inside the quotes. */
  start: number;
  end: number;
}

const JSON_ACTION_KEYS = new Set(['action', 'notaction']);
const TS_ACTION_PROPERTIES = new Set(['actions', 'notActions', 'Action', 'NotAction']);
/** Methods whose arguments are actions, from this argument on. */
const TS_ACTION_METHODS: Record<string, number> = { addActions: 0, addNotActions: 0, grant: 1 };

/** `sourceFile`: the text already parsed (a caller that needs the tree too parses once). */
export function actionSiteAt(text: string, offset: number, kind: FileKind, path = kind === 'json' ? 'policy.json' : 'file.ts', sourceFile?: ts.SourceFile): ActionSite | undefined {
  return kind === 'json' ? jsonActionSite(text, offset) : tsActionSite(text, offset, sourceFile ?? parseTypeScript(path, text));
}

function jsonActionSite(text: string, offset: number): ActionSite | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return undefined;
  const node = findNodeAtOffset(root, offset, true);
  if (!node || node.type !== 'string') return undefined;
  // The value of a property, not its key.
  if (node.parent?.type === 'property' && node.parent.children?.[0] === node) return undefined;
  const path = getNodePath(node);
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (!key || !JSON_ACTION_KEYS.has(key.toLowerCase())) return undefined;
  // Action lists only count inside a policy's statements (a CloudFormation template nests them deeper).
  if (!path.some((p) => typeof p === 'string' && p.toLowerCase() === 'statement')) return undefined;
  const start = node.offset + 1;
  const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  const end = node.offset + node.length - (closed ? 1 : 0);
  if (offset < start || offset > end) return undefined;
  return { value: text.slice(start, end), start, end };
}

function tsActionSite(text: string, offset: number, sf: ts.SourceFile): ActionSite | undefined {
  const literal = stringLiteralAt(sf, offset);
  if (!literal || !isActionPosition(literal)) return undefined;
  const start = literal.getStart(sf) + 1;
  const raw = text.slice(start - 1, literal.end);
  const closed = raw.length >= 2 && raw[raw.length - 1] === raw[0];
  const end = literal.end - (closed ? 1 : 0);
  if (offset < start || offset > end) return undefined;
  return { value: text.slice(start, end), start, end };
}

function stringLiteralAt(sf: ts.SourceFile, offset: number): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  let node: ts.Node = sf;
  for (;;) {
    const child: ts.Node | undefined = node.forEachChild((c) => (c.getStart(sf) <= offset && offset <= c.end ? c : undefined));
    if (!child) break;
    node = child;
  }
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node : undefined;
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : undefined;
}

function isActionPosition(literal: ts.Node): boolean {
  let node = literal;
  let parent = node.parent;
  if (ts.isArrayLiteralExpression(parent)) {
    node = parent;
    parent = node.parent;
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    const name = propertyNameText(parent.name);
    return name !== undefined && TS_ACTION_PROPERTIES.has(name);
  }
  if (ts.isCallExpression(parent) && node === literal) {
    const callee = parent.expression;
    const from = ts.isPropertyAccessExpression(callee) ? TS_ACTION_METHODS[callee.name.text] : undefined;
    return from !== undefined && parent.arguments.indexOf(literal as ts.Expression) >= from;
  }
  return false;
}
