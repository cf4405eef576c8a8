// Edits that move code from a handler to module scope (cold start): where module code goes,
// taking a statement out of its block, and whether an expression can run at module scope at all.
import * as ts from './api';
import { detectEol, detectIndentUnit, indentAt } from '../text';
import type { TextEdit } from '../types';
import { usesSemicolons, stringLiteral } from './edits';
import type { TsFile } from './file';
import { isValueReference } from './flow';
import type { ScopeFacts } from './scopes';

export interface FileStyle {
  eol: string;
  indentUnit: string;
  semi: string;
  quote: (value: string) => string;
}

export function fileStyle(file: TsFile): FileStyle {
  return { eol: detectEol(file.text), indentUnit: detectIndentUnit(file.text), semi: usesSemicolons(file) ? ';' : '', quote: (v) => stringLiteral(file, v) };
}

/** The start of the line of `statement`, above the comments directly attached to it. */
export function lineStartBefore(file: TsFile, statement: ts.Node): number {
  const text = file.text;
  const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  let start = statement.getStart(file.sourceFile);
  // Attached means no blank line in between: a file header (Amplify's parameter list, a license) stays on top.
  for (let i = comments.length - 1; i >= 0 && !/\n[ \t]*\r?\n/.test(text.slice(comments[i].end, start)); i--) start = comments[i].pos;
  return text.lastIndexOf('\n', start - 1) + 1;
}

/** The offset just after the line that ends `node` (after its newline). */
export function lineEndAfter(file: TsFile, node: ts.Node): number {
  const text = file.text;
  const nl = text.indexOf('\n', node.getEnd());
  return nl < 0 ? text.length : nl + 1;
}

/** The node's text with the indentation of its first line taken off the lines that follow. */
export function dedentedText(file: TsFile, node: ts.Node): string {
  const start = node.getStart(file.sourceFile);
  const indent = indentAt(file.text, start);
  const text = file.text.slice(start, node.getEnd());
  if (!indent) return text;
  return text
    .split(/\r?\n/)
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join(detectEol(file.text));
}

/** Deletes a statement, with its whole line when nothing else is on it. */
export function removeStatement(file: TsFile, statement: ts.Statement): TextEdit {
  const text = file.text;
  const start = statement.getStart(file.sourceFile);
  const end = statement.getEnd();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const rest = text.slice(end).match(/^[ \t]*(\r?\n|$)/);
  if (text.slice(lineStart, start).trim() === '' && rest) return { start: lineStart, end: end + rest[0].length, newText: '' };
  return { start, end, newText: '' };
}

/**
 * Whether `node` can run at module scope unchanged: every name it uses is an import, a module-level
 * binding, a global or a declaration moved with it (`alsoMoved`), and it does not use `this`,
 * `arguments`, `await`, `yield` or `super`.
 */
export function canRunAtModuleScope(file: TsFile, scopes: ScopeFacts, node: ts.Node, alsoMoved?: ReadonlySet<ts.Node>): boolean {
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword || n.kind === ts.SyntaxKind.SuperKeyword || ts.isAwaitExpression(n) || ts.isYieldExpression(n)) {
      ok = false;
      return;
    }
    if (ts.isIdentifier(n)) {
      if (n.text === 'arguments') ok = false;
      else if (isValueReference(n)) {
        const decl = file.declarationOf(n);
        if (decl && !scopes.isModuleLevel(decl) && !isInside(decl.node, node) && !alsoMoved?.has(decl.node)) ok = false;
      }
      return;
    }
    if (ts.isTypeNode(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return ok;
}

function isInside(inner: ts.Node, outer: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** Whether `name` has no module-level binding yet (so a hoisted declaration of it cannot collide). */
export function isFreeModuleName(file: TsFile, name: string): boolean {
  return !file.bindings.declarationsIn(file.sourceFile).has(name);
}

/** Counts `const|let|var name` declarations in the text: a second one means a hoist would collide. */
export function declarationCount(file: TsFile, name: string): number {
  const re = new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\b`, 'g');
  return (file.text.match(re) ?? []).length;
}

/** A `throw` at cold start when the value is missing: the guide's check. */
export function missingCheck(style: FileStyle, variable: string, envName: string, indent: string): string {
  const { eol, indentUnit, semi } = style;
  return `${indent}if (!${variable}) {${eol}${indent}${indentUnit}throw new Error(${style.quote(`Missing required environment variable ${envName}`)})${semi}${eol}${indent}}`;
}
