// Rules return their visitor as one object literal, never an object given handlers after it is
// made: V8 kept such handlers, and through their closures each file's tree and facts, alive through
// young collections until they were promoted (server/src/engine/rule.ts, Visitor;
// docs/benchmark.md, 39.). A source check, as the cost shows only in a profile.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';

const root = join(__dirname, '..', '..');
const HOOKS = new Set(['fileEnd', 'policyStatement', 'jsonString']);
const KINDS = new Set(Object.keys(ts.SyntaxKind).filter((k) => Number.isNaN(Number(k))));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** `x.fileEnd = ...`, `x.CallExpression = ...`, `visitor[kind] = ...`: a handler added to an existing object. */
function handlerStores(path: string): string[] {
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = node.left;
      const named = ts.isPropertyAccessExpression(left) && (HOOKS.has(left.name.text) || KINDS.has(left.name.text));
      const keyed = ts.isElementAccessExpression(left) && ts.isIdentifier(left.expression) && /visitor/i.test(left.expression.text);
      if (named || keyed) out.push(`${relative(root, path)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${left.getText(sf)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('rule visitors', () => {
  it('are built as one object literal, with no handler added afterwards', () => {
    const files = [...sources(join(root, 'server/src/rules')), ...sources(join(root, 'server/src/engine'))];
    assert.ok(files.length > 60, `${files.length} files`);
    assert.deepEqual(files.flatMap(handlerStores), []);
  });

  it('the check finds the shapes it forbids', () => {
    const dir = join(root, 'test/fixtures/visitor-shape');
    assert.deepEqual(
      handlerStores(join(dir, 'added-handlers.ts')).map((s) => s.replace(/^.*:(\d+) /, '$1 ')),
      ['4 visitor.fileEnd', '5 visitor.CallExpression', '6 visitor[kind]'],
    );
  });
});
