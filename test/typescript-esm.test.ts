// The TypeScript the bundles ship (scripts/typescript-esm.mjs): TypeScript's own code rewritten as
// an ES module so the bundler leaves out what the engine never reaches. It must parse exactly as
// the package does, fresh and incrementally, and give nodes the language service's methods.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSync } from 'esbuild';
import * as typescript from 'typescript';
import { bundleOptions } from '../scripts/esbuild-options.mjs';
import { rewriteTypescript } from '../scripts/typescript-esm.mjs';

const root = join(__dirname, '..');
type Api = Pick<typeof typescript, 'createSourceFile' | 'updateSourceFile' | 'forEachChild' | 'ScriptTarget' | 'ScriptKind' | 'JSDocParsingMode'>;
const ENTRY = "export { createSourceFile, updateSourceFile, forEachChild, ScriptTarget, ScriptKind, JSDocParsingMode } from 'typescript';";

/** The production build's options, with TypeScript rewritten (as shipped) or as the package has it. */
function bundle(outfile: string, rewritten: boolean): void {
  const options = bundleOptions({ production: true });
  buildSync({ ...options, alias: rewritten ? options.alias : {}, stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' }, logLevel: 'error', outfile });
}

function sources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|mjs|cjs|jsx)$/.test(name)) out.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const dir of ['server/src', 'client/src', 'shared', 'scripts', 'test', 'examples']) walk(join(root, dir));
  // A large declaration file, and JavaScript with JSDoc types.
  out.push({ path: 'lib.es5.d.ts', text: readFileSync(join(root, 'node_modules/typescript/lib/lib.es5.d.ts'), 'utf8') });
  return out;
}

function kindOf(api: Api, path: string): typescript.ScriptKind {
  if (/\.tsx$/.test(path)) return api.ScriptKind.TSX;
  if (/\.jsx$/.test(path)) return api.ScriptKind.JSX;
  return /\.(js|mjs|cjs)$/.test(path) ? api.ScriptKind.JS : api.ScriptKind.TS;
}

function parse(api: Api, path: string, text: string): typescript.SourceFile {
  return api.createSourceFile(path, text, { languageVersion: api.ScriptTarget.Latest, jsDocParsingMode: api.JSDocParsingMode.ParseForTypeInfo }, true, kindOf(api, path));
}

/** Every node (JSDoc included) as kind, span and flags, and the parse errors. */
function shape(api: Api, sf: typescript.SourceFile): string {
  const out: string[] = [];
  const visit = (node: typescript.Node, depth: number): void => {
    out.push(`${depth} ${node.kind} ${node.pos}-${node.end} ${node.flags}`);
    for (const doc of (node as { jsDoc?: typescript.Node[] }).jsDoc ?? []) visit(doc, depth + 1);
    api.forEachChild(node, (child) => visit(child, depth + 1));
  };
  visit(sf, 0);
  const errors = (sf as unknown as { parseDiagnostics: typescript.Diagnostic[] }).parseDiagnostics;
  for (const d of errors) out.push(`error ${d.start} ${d.length} ${d.code} ${String(d.messageText)}`);
  return out.join('\n');
}

describe('TypeScript as the bundles ship it (scripts/typescript-esm.mjs)', () => {
  let dir: string;
  let shipped: Api;
  const size = { rewritten: 0, package: 0 };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aws-patterns-ts-esm-'));
    bundle(join(dir, 'rewritten.js'), true);
    bundle(join(dir, 'package.js'), false);
    size.rewritten = statSync(join(dir, 'rewritten.js')).size;
    size.package = statSync(join(dir, 'package.js')).size;
    shipped = require(join(dir, 'rewritten.js')) as Api;
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves out the parts of TypeScript a parser never reaches', () => {
    console.log(`# parser bundle: ${(size.rewritten / 1e6).toFixed(2)} MB, against ${(size.package / 1e6).toFixed(2)} MB from the package as is`);
    assert.ok(size.rewritten < size.package * 0.4, `${size.rewritten} of ${size.package} bytes`);
  });

  it("parses this repository's TypeScript and JavaScript to the same trees and errors as the package", () => {
    const files = sources();
    assert.ok(files.length > 250, `${files.length} files`);
    for (const f of files) assert.equal(shape(shipped, parse(shipped, f.path, f.text)), shape(typescript, parse(typescript, f.path, f.text)), f.path);
  });

  it('parses broken code to the same trees and errors', () => {
    const broken = ['const x = {', 'new s3.Bucket(this, "b", { versioned: true', 'export async function h(e) { return `${', '/** @type {import("x"). */ let y;', 'class { }}}} )'];
    for (const text of broken) {
      for (const path of ['broken.ts', 'broken.js']) assert.equal(shape(shipped, parse(shipped, path, text)), shape(typescript, parse(typescript, path, text)), text);
    }
  });

  it('reparses incrementally to the same trees as the package, edit after edit', () => {
    let text = readFileSync(join(root, 'server/src/engine/typescript/file.ts'), 'utf8');
    let ours = parse(shipped, 'file.ts', text);
    let theirs = parse(typescript, 'file.ts', text);
    let seed = 20261129;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['a', ' ', '{', '}', '"', '/**', '*/', '\n', 'new s3.Bucket(this, "B", {});\n', '`${x}`'];
    for (let i = 0; i < 60; i++) {
      const start = random(text.length);
      const length = random(3) === 0 ? random(40) : 0;
      const insert = pieces[random(pieces.length)];
      const next = text.slice(0, start) + insert + text.slice(start + length);
      const change = { span: { start, length }, newLength: insert.length };
      ours = shipped.updateSourceFile(ours, next, change);
      theirs = typescript.updateSourceFile(theirs, next, change);
      text = next;
      assert.equal(shape(shipped, ours), shape(typescript, theirs), `edit ${i}`);
    }
  });

  it("gives nodes the language service's methods, as the package does", () => {
    const text = 'import * as s3 from "aws-cdk-lib/aws-s3";\n/** A bucket. */\nnew s3.Bucket(this, "B", { versioned: true });\n';
    const ours = parse(shipped, 'a.ts', text);
    const theirs = parse(typescript, 'a.ts', text);
    const describeNode = (sf: typescript.SourceFile): string[] =>
      sf.statements.map((s) => `${s.getStart(sf)} ${s.getText(sf)} ${s.getChildren(sf).length} ${s.getSourceFile() === sf}`);
    assert.deepEqual(describeNode(ours), describeNode(theirs));
  });

  it('refuses a typescript.js of another shape rather than ship half a rewrite', () => {
    assert.throws(() => rewriteTypescript('var x = 1;', typescript), /expected wrapper/);
    const source = readFileSync(require.resolve('typescript'), 'utf8');
    // The registrations gone: the rewrite no longer finds what it expects to find.
    assert.throws(() => rewriteTypescript(source.replace(/^registerCodeFix\(/gm, 'void (').replace(/^registerRefactor\(/gm, 'void ('), typescript), /fewer statements rewritten/);
  });
});
