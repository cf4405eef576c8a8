// The TypeScript fix toolkit: text edits that respect the file's own style (indentation, quotes,
// semicolons, trailing commas). Each helper returns undefined when it is unsure (a comment or a
// construct it does not understand in the way), and the rule then offers no fix.
import * as ts from './api';
import { detectEol, detectIndentUnit, indentAt, onDifferentLines } from '../text';
import type { TextEdit } from '../types';
import { normalizeRef, requireTarget, unwrap } from './bindings';
import type { TsFile } from './file';

export function replaceNode(file: TsFile, node: ts.Node, newText: string): TextEdit {
  return { start: node.getStart(file.sourceFile), end: node.getEnd(), newText };
}

/** Position after `pos` skipping spaces/tabs only (not newlines). */
function skipInlineSpace(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return pos;
}

/** True when the literal writes a comma after its last property. */
function hasTrailingComma(lit: ts.ObjectLiteralExpression): boolean {
  return lit.properties.hasTrailingComma;
}

/**
 * Inserts `propText` (e.g. `enforceSSL: true`) as the last property of an object literal, in the
 * literal's own layout: `{}` → `{ p }`, one line → `, p`, one per line → a new line at the same indent.
 */
export function insertProperty(file: TsFile, lit: ts.ObjectLiteralExpression, propText: string): TextEdit[] | undefined {
  const sf = file.sourceFile;
  const text = sf.text;
  const props = lit.properties;
  const open = lit.getStart(sf);
  const close = lit.getEnd() - 1;
  if (text[close] !== '}') return undefined;
  if (props.length === 0) {
    const inner = text.slice(open + 1, close);
    if (/\/[/*]/.test(inner)) return undefined; // a comment inside an empty literal: leave it to the user
    if (!/[\r\n]/.test(inner)) return [{ start: open, end: close + 1, newText: `{ ${propText} }` }];
    const indent = indentAt(text, close);
    return [{ start: open + 1, end: close, newText: `${detectEol(text)}${indent}${detectIndentUnit(text)}${propText}${detectEol(text)}${indent}` }];
  }
  const last = props[props.length - 1];
  const multiline = onDifferentLines(text, props[0].getStart(sf), open) || onDifferentLines(text, last.getEnd(), close);
  const trailing = hasTrailingComma(lit);
  let after = last.getEnd();
  if (trailing) {
    const comma = text.indexOf(',', after);
    if (comma < 0 || comma >= close) return undefined;
    after = comma + 1;
  }
  if (!multiline) {
    // `{ a: 1 }` → `{ a: 1, p }` ; `{ a: 1, }` → `{ a: 1, p, }`
    return trailing
      ? [{ start: after, end: after, newText: ` ${propText},` }]
      : [{ start: after, end: after, newText: `, ${propText}` }];
  }
  const eol = detectEol(text);
  const indent = indentAt(text, last.getStart(sf));
  // Keep a same-line comment (`timeout: x, // why`) with the property it explains.
  let insertAt = skipInlineSpace(text, after);
  if (text.startsWith('//', insertAt)) {
    while (insertAt < text.length && text[insertAt] !== '\n' && text[insertAt] !== '\r') insertAt++;
  } else if (text.startsWith('/*', insertAt)) {
    const endComment = text.indexOf('*/', insertAt);
    if (endComment < 0 || onDifferentLines(text, endComment, after)) return undefined;
    insertAt = endComment + 2;
  } else {
    insertAt = after;
  }
  const edits: TextEdit[] = [];
  if (!trailing) edits.push({ start: last.getEnd(), end: last.getEnd(), newText: ',' });
  edits.push({ start: insertAt, end: insertAt, newText: `${eol}${indent}${propText}${trailing ? ',' : ''}` });
  return edits;
}

/** `new Bucket(this, 'B')` → `new Bucket(this, 'B', { p })`: for constructs written without props. */
export function appendObjectArgument(file: TsFile, call: ts.NewExpression | ts.CallExpression, propText: string): TextEdit[] | undefined {
  const args = call.arguments;
  if (!args) return undefined;
  const text = file.text;
  if (args.length === 0) {
    const closeParen = call.getEnd() - 1;
    if (text[closeParen] !== ')') return undefined;
    return [{ start: closeParen, end: closeParen, newText: `{ ${propText} }` }];
  }
  const last = args[args.length - 1];
  return [{ start: last.getEnd(), end: last.getEnd(), newText: `, { ${propText} }` }];
}

/** Removes one property of an object literal with its separator, and its line when it stood alone. */
export function removeProperty(file: TsFile, lit: ts.ObjectLiteralExpression, prop: ts.ObjectLiteralElementLike): TextEdit[] | undefined {
  const sf = file.sourceFile;
  const text = sf.text;
  const index = lit.properties.indexOf(prop);
  if (index < 0) return undefined;
  const empty = lit.properties.length === 1 ? emptyObject(file, lit) : undefined;
  if (empty) return empty;
  const start = prop.getStart(sf);
  let end = prop.getEnd();
  const next = lit.properties[index + 1];
  // Swallow the comma that follows the property (or, for the last one, the comma that precedes it).
  const afterComma = text.slice(end).match(/^\s*,/);
  if (afterComma) end += afterComma[0].length;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const aloneOnLine = text.slice(lineStart, start).trim() === '' && (next ? onDifferentLines(text, next.getStart(sf), end) : true);
  if (aloneOnLine && /^[ \t]*(\r?\n)/.test(text.slice(end))) {
    const nl = text.slice(end).match(/^[ \t]*(\r?\n)/)![0].length;
    if (!next && !afterComma && index > 0) {
      // Last property without a trailing comma: drop the previous property's comma instead.
      const prev = lit.properties[index - 1];
      const between = text.slice(prev.getEnd(), lineStart);
      const comma = between.indexOf(',');
      if (comma < 0 || /\/[/*]/.test(between)) return undefined;
      return [
        { start: prev.getEnd() + comma, end: prev.getEnd() + comma + 1, newText: '' },
        { start: lineStart, end: end + nl, newText: '' },
      ];
    }
    return [{ start: lineStart, end: end + nl, newText: '' }];
  }
  if (!next && !afterComma && index > 0) {
    const prev = lit.properties[index - 1];
    return [{ start: prev.getEnd(), end, newText: '' }];
  }
  const trailingSpace = text.slice(end).match(/^[ \t]*/)![0].length;
  return [{ start, end: end + trailingSpace, newText: '' }];
}

export interface ImportRef {
  /** How to write the symbol at the use site: `Duration`, `cdk.Duration`, `s3.BlockPublicAccess`. */
  text: string;
  /** Edits that make it available (empty when the file already imports it). */
  edits: TextEdit[];
}

/**
 * A way to reference `module`'s export `name` from this file, reusing the file's own imports
 * (a named import, a namespace import, `aws_s3 as s3`, `cdk.aws_s3`) or adding one named import in
 * the file's style. Undefined when a local name would clash.
 */
export function importRef(file: TsFile, module: string, name: string): ImportRef | undefined {
  const sf = file.sourceFile;
  const fileScope = file.bindings.declarationsIn(sf);
  const target = normalizeRef({ module, path: [name] });
  // 1. Already bound: a named import, or a namespace whose member is the symbol (the module's own
  // namespace first, then `import * as cdk from 'aws-cdk-lib'` reaching it as `cdk.aws_s3`).
  let viaRoot: ImportRef | undefined;
  // Keys, not entries: no [key, value] pair allocated per declaration (fixes ask this per finding).
  for (const local of fileScope.keys()) {
    const decl = fileScope.get(local)!;
    if (decl.kind !== 'import') continue;
    const ref = normalizeRef(decl.ref);
    if (ref.module === target.module && ref.path.length === 1 && ref.path[0] === name) return { text: local, edits: [] };
    if (ref.module === target.module && ref.path.length === 0) return { text: `${local}.${name}`, edits: [] };
    if (!viaRoot && decl.ref.module === 'aws-cdk-lib' && decl.ref.path.length === 0 && target.module.startsWith('aws-cdk-lib/')) {
      viaRoot = { text: `${local}.${target.module.slice('aws-cdk-lib/'.length).replace(/-/g, '_')}.${name}`, edits: [] };
    }
  }
  if (viaRoot) return viaRoot;
  if (fileScope.has(name)) return undefined;
  // 2. Add it to an existing named import of the same module.
  const imports = sf.statements.filter(ts.isImportDeclaration);
  for (const imp of imports) {
    const bindings = imp.importClause?.namedBindings;
    if (!ts.isStringLiteral(imp.moduleSpecifier) || imp.moduleSpecifier.text !== module || imp.importClause?.isTypeOnly) continue;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0) {
      const last = bindings.elements[bindings.elements.length - 1];
      return { text: name, edits: [{ start: last.getEnd(), end: last.getEnd(), newText: `, ${name}` }] };
    }
  }
  // 2b. CommonJS: add it to a top-level `const { A, B } = require('module')` of the same module.
  if (imports.length === 0) {
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isObjectBindingPattern(d.name) || !d.initializer) continue;
        const req = requireTarget(unwrap(d.initializer));
        const last = d.name.elements[d.name.elements.length - 1];
        if (!req || req.module !== module || req.path.length > 0 || !last || last.dotDotDotToken) continue;
        return { text: name, edits: [{ start: last.getEnd(), end: last.getEnd(), newText: `, ${name}` }] };
      }
    }
  }
  // 3. A new import after the last one, in the file's style (ESM or CommonJS).
  const quote = quoteStyle(file);
  const semi = usesSemicolons(file) ? ';' : '';
  const eol = detectEol(sf.text);
  const requires = leadingRequires(sf);
  const useRequire = imports.length === 0 && (requires.length > 0 || /\.c?js$/i.test(sf.fileName));
  const line = useRequire
    ? `const { ${name} } = require(${quote}${module}${quote})${semi}`
    : `import { ${name} } from ${quote}${module}${quote}${semi}`;
  const anchor = useRequire ? requires[requires.length - 1] : imports[imports.length - 1];
  if (anchor) return { text: name, edits: [{ start: anchor.getEnd(), end: anchor.getEnd(), newText: `${eol}${line}` }] };
  return { text: name, edits: [{ start: headerEnd(sf), end: headerEnd(sf), newText: `${line}${eol}` }] };
}

/** `const x = require('m')` statements before the first other code (fixes add requires after them). */
function leadingRequires(sf: ts.SourceFile): ts.VariableStatement[] {
  const out: ts.VariableStatement[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) continue;
    if (!ts.isVariableStatement(st) || !st.declarationList.declarations.some((d) => d.initializer && requireTarget(unwrap(d.initializer)))) break;
    out.push(st);
  }
  return out;
}

/** After a shebang, leading comments and directive prologue ('use strict'), where a first import goes. */
function headerEnd(sf: ts.SourceFile): number {
  const first = sf.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)) {
    const nl = sf.text.indexOf('\n', first.getEnd());
    return nl < 0 ? sf.text.length : nl + 1;
  }
  return first ? first.getStart(sf) : sf.text.length;
}

/** The quote the file writes its strings with, read once per analysis: fixes ask for every string they write. */
export function quoteStyle(file: TsFile): "'" | '"' {
  const memo = file.memo<TsFile, "'" | '"'>(quoteStyle);
  let q = memo.get(file);
  if (q === undefined) memo.set(file, (q = readQuoteStyle(file)));
  return q;
}

function readQuoteStyle(file: TsFile): "'" | '"' {
  const sf = file.sourceFile;
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s)) return s.moduleSpecifier.getText(sf).startsWith('"') ? '"' : "'";
  }
  let single = 0;
  let double = 0;
  const scan = (n: ts.Node): void => {
    if (single + double > 50) return;
    if (ts.isStringLiteral(n)) n.getText(sf).startsWith('"') ? double++ : single++;
    ts.forEachChild(n, scan);
  };
  scan(sf);
  return double > single ? '"' : "'";
}

export function usesSemicolons(file: TsFile): boolean {
  const sf = file.sourceFile;
  let withSemi = 0;
  let without = 0;
  for (const s of sf.statements.slice(0, 30)) {
    // A statement's end is its last token: `;` when written (no need to copy its text).
    if (ts.isImportDeclaration(s) || ts.isVariableStatement(s) || ts.isExpressionStatement(s)) sf.text[s.getEnd() - 1] === ';' ? withSemi++ : without++;
  }
  return withSemi >= without;
}

/** A string literal in the file's quote style. */
export function stringLiteral(file: TsFile, value: string): string {
  const q = quoteStyle(file);
  // Most values (action names, ARNs) need no escape: no regular expression built for them.
  if (!value.includes('\\') && !value.includes(q)) return q + value + q;
  return q + value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

/**
 * Every property removed: `{}`, not the spaces and line breaks that held them. Undefined when a
 * comment sits inside (the callers then remove the properties alone and keep it).
 */
function emptyObject(file: TsFile, lit: ts.ObjectLiteralExpression): TextEdit[] | undefined {
  const open = lit.getStart(file.sourceFile) + 1;
  const close = lit.getEnd() - 1;
  if (/\/[/*]/.test(file.sourceFile.text.slice(open, close))) return undefined;
  return [{ start: open, end: close, newText: '' }];
}

/**
 * Removes several properties of one literal at once (edits that would otherwise overlap): each run
 * of neighbouring removed properties goes with the separator to the next kept property, or, at the
 * end, with the separator from the previous kept one. Undefined when a comment would be lost.
 */
export function removeProperties(file: TsFile, lit: ts.ObjectLiteralExpression, remove: readonly ts.ObjectLiteralElementLike[]): TextEdit[] | undefined {
  if (remove.length === 0) return [];
  if (remove.length === 1) return removeProperty(file, lit, remove[0]);
  const sf = file.sourceFile;
  const text = sf.text;
  const props = lit.properties;
  const gone = new Set(remove);
  if (remove.some((p) => !props.includes(p as ts.ObjectLiteralElementLike))) return undefined;
  const empty = gone.size === props.length ? emptyObject(file, lit) : undefined;
  if (empty) return empty;
  const edits: TextEdit[] = [];
  for (let i = 0; i < props.length; i++) {
    if (!gone.has(props[i])) continue;
    let j = i;
    while (j + 1 < props.length && gone.has(props[j + 1])) j++;
    const next = props[j + 1];
    const prev = props[i - 1];
    let start: number;
    let end: number;
    if (next) {
      start = props[i].getStart(sf);
      end = next.getStart(sf);
    } else if (prev) {
      start = prev.getEnd();
      end = props[j].getEnd();
    } else {
      start = props[i].getStart(sf);
      end = props[j].getEnd();
      const comma = text.slice(end).match(/^\s*,/);
      if (comma) end += comma[0].length;
    }
    if (/\/[/*]/.test(text.slice(start, end))) return undefined;
    edits.push({ start, end, newText: '' });
    i = j;
  }
  return edits;
}
