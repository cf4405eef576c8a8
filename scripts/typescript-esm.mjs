// TypeScript ships as one CommonJS file (9 MB) whose export object names every part of the
// compiler, the language service and tsserver, so a bundler must keep all of it: 3.5 of the
// server's 4 MB, compiled at every first start. We only parse. This rewrites `typescript.js` as
// an ES module with the same code and exports, and marks as pure the top-level statements that
// only define things (namespace objects, namespace IIFEs, classes with their static fields), so
// that esbuild's tree-shaking drops what the bundle never reaches (the checker, emitter,
// transformers, language service and tsserver). The only statements removed are the language
// service's code-fix and refactor registrations: they fill tables that only its code-fix and
// refactor API reads, which we neither call nor bundle. Any other shape than expected throws,
// so a TypeScript upgrade fails the build instead of shipping something half-rewritten.
// `typescriptEsmPath()` writes the module once per TypeScript version and rewrite (cached under
// node_modules/.cache) and returns its path, for esbuild's `alias` option.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const OPEN = 'var ts = {}; ((module) => {\n';
const EXPORTS_HEAD = '__export(typescript_exports, {\n';
const EXPORTS_TAIL = '\n});\nmodule.exports = __toCommonJS(typescript_exports);\n';
const CLOSE = '\n0 && (module.exports = {';
/** Registrations into tables only the language service's code-fix and refactor API reads. */
const REGISTRATIONS = new Set(['registerCodeFix', 'registerRefactor']);

/** `typescript.js`'s source rewritten as an ES module; `counts` says how many statements of each kind changed. */
export function rewriteTypescript(source, ts) {
  const start = source.indexOf(OPEN);
  const exportsStart = source.indexOf(EXPORTS_HEAD);
  const exportsEnd = source.indexOf(EXPORTS_TAIL, exportsStart);
  const end = source.lastIndexOf(CLOSE);
  if (start < 0 || exportsStart < start || exportsEnd < 0 || end < exportsEnd) throw new Error('typescript-esm: typescript.js does not have the expected wrapper');

  const exported = [];
  for (const line of source.slice(exportsStart + EXPORTS_HEAD.length, exportsEnd).split('\n')) {
    const m = /^\s*(\w+): \(\) => (\w+),?$/.exec(line);
    if (!m) throw new Error(`typescript-esm: unexpected export line ${JSON.stringify(line)}`);
    exported.push(m[1] === m[2] ? m[1] : `${m[2]} as ${m[1]}`);
  }
  const { text: body, members } = directMembers(source.slice(start + OPEN.length, exportsStart) + source.slice(exportsEnd + EXPORTS_TAIL.length, end), ts);

  const sf = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const statements = sf.statements;
  const text = (node) => body.slice(node.getStart(sf), node.end);
  const soleVar = (s) => soleVarOf(ts, s);
  const call = (s) => callOf(ts, s);
  const assignsStaticOf = (s, name) =>
    s && ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(s.expression.left) && ts.isIdentifier(s.expression.left.expression) && s.expression.left.expression.text === name;

  const edits = [];
  const counts = { members, namespaces: 0, namespaceFunctions: 0, classes: 0, registrations: 0 };
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i];
    const d = soleVar(s);
    const name = d?.name.text;
    const next = call(statements[i + 1]);
    const ns = namespaceAt(ts, statements, i);
    if (ns) {
      edits.push([s.getStart(sf), statements[i + 1].end, `var ${ns.name} = /* @__PURE__ */ __exportTo({}, ${text(ns.members)});`]);
      counts.namespaces++;
      i++;
      continue;
    }
    // var N; ((N2) => { ... })(N || (N = {}));  (kept as is when its body names N itself)
    if (d && !d.initializer && next && ts.isParenthesizedExpression(next.expression) && ts.isArrowFunction(next.expression.expression) &&
        next.arguments.length === 1 && text(next.arguments[0]) === `${name} || (${name} = {})`) {
      const fn = next.expression.expression;
      const fnBody = text(fn.body);
      if (fn.parameters.length === 1 && ts.isBlock(fn.body) && !new RegExp(`\\b${name}\\b`).test(fnBody)) {
        const inner = fn.parameters[0].name.text;
        edits.push([s.getStart(sf), statements[i + 1].end, `var ${name} = /* @__PURE__ */ ((${inner}) => ${fnBody.slice(0, -1)}return ${inner};\n})({});`]);
        counts.namespaceFunctions++;
        i++;
        continue;
      }
    }
    // var C = class extends B { ... }; C.x = ...;  (esbuild keeps a class that extends or is assigned to)
    if (d?.initializer && ts.isClassExpression(d.initializer)) {
      let j = i + 1;
      while (assignsStaticOf(statements[j], name)) j++;
      if (j > i + 1 || d.initializer.heritageClauses) {
        const group = statements.slice(i, j).map(text).join('\n');
        edits.push([s.getStart(sf), statements[j - 1].end, `var ${name} = /* @__PURE__ */ (() => {\n${group}\nreturn ${name};\n})();`]);
        counts.classes++;
        i = j - 1;
        continue;
      }
    }
    const own = call(s);
    if (own && ts.isIdentifier(own.expression) && REGISTRATIONS.has(own.expression.text)) {
      edits.push([s.getStart(sf), s.end, '']);
      counts.registrations++;
    }
  }
  if (counts.members < 200 || counts.namespaces < 20 || counts.classes < 5 || counts.registrations < 50) {
    throw new Error(`typescript-esm: fewer statements rewritten than expected (${JSON.stringify(counts)}); has typescript.js changed shape?`);
  }

  const out = `var __exportTo = (target, all) => (__export(target, all), target);\n${applyEdits(body, edits)}`;
  return { code: `${out.replace('"use strict";\n', '')}\nexport { ${exported.join(', ')} };\n`, counts };
}

/**
 * Each read of a namespace object's member (`ts_JsDoc_exports.getDocCommentTemplateAtPosition`,
 * `ts_refactor_exports.extractSymbol.getRefactorEditsToExtractSymbol`) replaced by the binding the
 * member's getter returns, as bundling TypeScript's own ES modules would have done. A read through
 * the object keeps all of it, and with it everything each member reaches; a direct reference keeps
 * only that member. Namespace members are plain functions and values that never use `this`.
 */
function directMembers(body, ts) {
  const sf = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const namespaces = new Map();
  const statements = sf.statements;
  for (let i = 0; i < statements.length; i++) {
    const ns = namespaceAt(ts, statements, i);
    if (!ns) continue;
    const map = new Map();
    for (const p of ns.members.properties) {
      if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || !ts.isArrowFunction(p.initializer) || !ts.isIdentifier(p.initializer.body)) {
        throw new Error(`typescript-esm: unexpected member of ${ns.name}`);
      }
      map.set(p.name.text, p.initializer.body.text);
    }
    namespaces.set(ns.name, map);
  }
  // The binding an expression names, when it is a namespace or a chain of members from one.
  const resolve = (node) => {
    if (ts.isIdentifier(node)) return namespaces.has(node.text) ? node.text : undefined;
    if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.name)) return undefined;
    const ns = resolve(node.expression);
    return ns && namespaces.has(ns) ? namespaces.get(ns).get(node.name.text) : undefined;
  };
  const edits = [];
  const visit = (node, parent) => {
    if (ts.isPropertyAccessExpression(node)) {
      const local = resolve(node);
      const written = parent && ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
      if (local && !written) {
        edits.push([node.getStart(sf), node.end, local]);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  visit(sf, undefined);
  return { text: applyEdits(body, edits), members: edits.length };
}

/** `var ns = {}; __export(ns, { a: () => a, ... });` starting at `statements[i]`: its name and member list. */
function namespaceAt(ts, statements, i) {
  const d = soleVarOf(ts, statements[i]);
  const c = callOf(ts, statements[i + 1]);
  if (!d?.initializer || !ts.isObjectLiteralExpression(d.initializer) || d.initializer.properties.length !== 0) return undefined;
  if (!c || !ts.isIdentifier(c.expression) || c.expression.text !== '__export') return undefined;
  const [target, members] = c.arguments;
  return target && ts.isIdentifier(target) && target.text === d.name.text && members && ts.isObjectLiteralExpression(members) ? { name: d.name.text, members } : undefined;
}

/** The declaration of `var x = ...;` alone in its statement. */
function soleVarOf(ts, s) {
  if (!s || !ts.isVariableStatement(s) || s.declarationList.declarations.length !== 1) return undefined;
  const d = s.declarationList.declarations[0];
  return ts.isIdentifier(d.name) ? d : undefined;
}

/** The call of an expression statement `f(...);`. */
function callOf(ts, s) {
  return s && ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) ? s.expression : undefined;
}

/** `text` with each `[from, to, replacement]` applied (in order, not overlapping). */
function applyEdits(text, edits) {
  let out = '';
  let pos = 0;
  for (const [from, to, replacement] of edits) {
    out += text.slice(pos, from) + replacement;
    pos = to;
  }
  return out + text.slice(pos);
}

/** The rewritten module's path, written on first use for this TypeScript and this rewrite. */
export function typescriptEsmPath() {
  const tsFile = require.resolve('typescript');
  const source = readFileSync(tsFile, 'utf8');
  const key = createHash('sha256').update(source).update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);
  const dir = join(root, 'node_modules', '.cache', 'aws-patterns');
  const out = join(dir, `typescript-${key}.mjs`);
  if (!existsSync(out)) {
    const { code } = rewriteTypescript(source, require('typescript'));
    mkdirSync(dir, { recursive: true });
    // Written under a temporary name first: two builds at once never read half a file.
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, out);
    // Rewrites of an earlier TypeScript or an earlier version of this script are never read again.
    for (const f of readdirSync(dir)) if (/^typescript-\w+\.mjs$/.test(f) && join(dir, f) !== out) rmSync(join(dir, f), { force: true });
  }
  return out;
}
