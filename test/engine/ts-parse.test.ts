// The TypeScript front end's own parent linking (a performance change: it replaced TypeScript's
// `setParentNodes` pass) and the walk's order, checked against TypeScript itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { analyze } from '../../server/src/engine/analyze';
import { defineRule } from '../../server/src/engine/rule';
import { isScope, kindTable, unwrap } from '../../server/src/engine/typescript/bindings';
import { TsFile, linkParents, parseTypeScript, parseTypeScriptNodes } from '../../server/src/engine/typescript/file';
import { iam } from '../helpers/engine';

const SAMPLE = `import * as s3 from 'aws-cdk-lib/aws-s3';
import { Duration } from 'aws-cdk-lib';

/**
 * A documented class.
 * @param scope the {@link Construct} scope
 */
export class Stack {
  /** The bucket. */
  readonly bucket = new s3.Bucket(this, 'B', { versioned: true, ...DEFAULTS });
  constructor(private readonly id: string, ...rest: unknown[]) {
    for (const [k, v] of Object.entries({ a: 1 })) console.log(k, v ?? rest[0]);
    const f = async <T,>(x: T): Promise<T> => (await Promise.resolve(x)) as T;
    label: while (true) { if (f) break label; }
  }
}
const DEFAULTS = { enforceSSL: true, timeout: Duration.seconds(30) } satisfies Record<string, unknown>;
export default function handler(event: { Records: string[] }) {
  return event.Records.map((r) => \`\${r}!\`).filter(Boolean);
}
`;

/** Pre-order by plain recursion over `forEachChild`: the order the old walk produced. */
function recursiveOrder(root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(root);
  return out;
}

/** Every node including JSDoc subtrees, paired with TypeScript's own parent for it. */
function allNodesWithParents(root: ts.Node): [ts.Node, ts.Node | undefined][] {
  const out: [ts.Node, ts.Node | undefined][] = [];
  const visit = (n: ts.Node): void => {
    out.push([n, n.parent]);
    ts.forEachChild(n, visit);
    for (const doc of (n as { jsDoc?: ts.Node[] }).jsDoc ?? []) visit(doc);
  };
  visit(root);
  return out;
}

describe('parseTypeScript', () => {
  for (const [name, path, code] of [
    ['TypeScript with JSDoc, generics, spreads, labels', 'stack.ts', SAMPLE],
    ['JavaScript (CommonJS)', 'handler.cjs', "const AWS = require('aws-sdk');\n/** @type {import('x').Y} */\nexports.handler = async (event) => ({ ok: !!event });\n"],
    ['TSX', 'view.tsx', 'export const V = () => <div className="a">{[1, 2].map((n) => <span key={n}>{n}</span>)}</div>;\n'],
    ['broken code', 'broken.ts', 'const x = new s3.Bucket(this, {\nfunction (\n'],
  ] as const) {
    it(`links the same parents as TypeScript's setParentNodes: ${name}`, () => {
      const ours = parseTypeScript(path, code);
      const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : path.endsWith('.cjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
      // The same JSDoc mode: JSDoc is parsed in JavaScript only (where it carries types).
      const theirs = ts.createSourceFile(path, code, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, true, kind);
      const a = allNodesWithParents(ours);
      const b = allNodesWithParents(theirs);
      assert.equal(a.length, b.length);
      for (let i = 0; i < a.length; i++) {
        const [node, parent] = a[i];
        const [node2, parent2] = b[i];
        assert.equal(node.kind, node2.kind);
        assert.equal(node.pos, node2.pos);
        if (i === 0) assert.equal(parent, undefined);
        else {
          assert.ok(parent, `node ${ts.SyntaxKind[node.kind]} at ${node.pos} has no parent`);
          assert.equal(parent.kind, parent2!.kind);
          assert.equal(parent.pos, parent2!.pos);
          assert.equal(parent.end, parent2!.end);
        }
      }
      assert.equal(a.some(([n]) => ts.isJSDoc(n)), path.endsWith('.cjs'));
      assert.equal(b.some(([n]) => ts.isJSDoc(n)), path.endsWith('.cjs'));
    });

    it(`records the nodes in source pre-order: ${name}`, () => {
      const { sourceFile, nodes } = parseTypeScriptNodes(path, code);
      assert.deepEqual(nodes, recursiveOrder(sourceFile));
      assert.deepEqual(new TsFile(sourceFile).nodes, nodes);
    });
  }

  it('keeps JSDoc types in JavaScript, where they are the only types', () => {
    const sf = parseTypeScript('handler.js', "/** @param {import('aws-lambda').SQSEvent} event */\nexports.handler = async function (event) {};\n");
    const fn = recursiveOrder(sf).find(ts.isFunctionExpression)!;
    const type = ts.getJSDocType(fn.parameters[0]);
    assert.ok(type && ts.isImportTypeNode(type));
  });

  it('skips JSDoc in TypeScript, which has real annotations', () => {
    const sf = parseTypeScript('stack.ts', '/** @deprecated */\nexport const x = 1;\n');
    assert.equal((sf.statements[0] as { jsDoc?: unknown[] }).jsDoc, undefined);
  });

  it('links deeply nested code (as deep as the parser itself accepts)', () => {
    const depth = 500;
    const code = `const x = ${'['.repeat(depth)}1${']'.repeat(depth)};\n`;
    const sf = parseTypeScript('deep.ts', code);
    const nodes = recursiveOrder(sf);
    assert.ok(nodes.length > depth);
    const deepest = nodes.find((n) => n.kind === ts.SyntaxKind.NumericLiteral)!;
    let levels = 0;
    for (let n: ts.Node | undefined = deepest; n; n = n.parent) levels++;
    assert.ok(levels > depth);
  });

  it('falls back to an explicit stack when a tree is deeper than the call stack', () => {
    // The parser cannot produce such a tree (it recurses deeper than we do); a factory can.
    let expr: ts.Expression = ts.factory.createIdentifier('x');
    for (let i = 0; i < 200_000; i++) expr = ts.factory.createParenthesizedExpression(expr);
    const statement = ts.factory.createExpressionStatement(expr);
    const sf = ts.factory.updateSourceFile(ts.createSourceFile('deep.ts', '', ts.ScriptTarget.Latest), [statement]);
    const nodes = linkParents(sf);
    // The file, the statement, the parentheses, the identifier and the end-of-file token.
    assert.equal(nodes.length, 200_000 + 4);
    const id = nodes[nodes.length - 2];
    assert.equal(id.kind, ts.SyntaxKind.Identifier);
    let levels = 0;
    for (let n: ts.Node | undefined = id; n; n = n.parent) levels++;
    assert.equal(levels, 200_000 + 3);
  });

  it('returns the same list whatever size it was allocated at (too small, exact, too large)', () => {
    const sf = ts.createSourceFile('sized.ts', SAMPLE, ts.ScriptTarget.Latest, false);
    const expected = recursiveOrder(sf);
    for (const hint of [0, 2, 7, expected.length, expected.length * 3]) {
      const nodes = linkParents(sf, false, hint);
      assert.equal(nodes.length, expected.length, `hint ${hint}`);
      assert.ok(nodes.every((n, i) => n === expected[i]), `hint ${hint}`);
      // No hole left at the end by a hint above the count: `in` is false for a hole.
      assert.ok(nodes.every((_, i) => i in nodes), `hint ${hint}`);
    }
  });

  it('links a tree parsed without parents', () => {
    const sf = ts.createSourceFile('other.ts', SAMPLE, ts.ScriptTarget.Latest, false);
    assert.ok(recursiveOrder(sf).slice(1).some((n) => !n.parent));
    linkParents(sf);
    assert.ok(recursiveOrder(sf).slice(1).every((n) => n.parent));
  });
});

describe('the walk', () => {
  it('dispatches in source order, with every parent linked before the first handler runs', () => {
    const seen: string[] = [];
    let lastParentSet: boolean | undefined;
    const probe = defineRule({
      id: 'test-walk-probe',
      meta: {
        title: 'probe',
        description: 'probe',
        rationale: 'probe',
        severity: 'information',
        service: 'general',
        guide: 'none',
        fix: 'none',
        languages: ['typescript'],
        messages: { m: 'm' },
        examples: { invalid: [], valid: [] },
      },
      create: (ctx) => ({
        Identifier: (node) => {
          seen.push((node as ts.Identifier).text);
          // On the first identifier, the last node of the file must already know its parent.
          if (lastParentSet === undefined) {
            const all = recursiveOrder(ctx.ts!.sourceFile);
            lastParentSet = all[all.length - 1].parent !== undefined;
          }
        },
      }),
    });
    const result = analyze({ path: 'order.ts', text: 'const alpha = beta(gamma, { delta: epsilon });\nfunction zeta() { return eta; }\n' }, { iam, rules: [probe] });
    assert.deepEqual(result.internalErrors, []);
    assert.deepEqual(seen, ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta']);
    assert.equal(lastParentSet, true);
  });

  it('turns off only the rule whose handler throws, and keeps the others running', () => {
    const meta = {
      title: 't',
      description: 't',
      rationale: 't',
      severity: 'warning' as const,
      service: 'general' as const,
      guide: 'none',
      fix: 'none' as const,
      languages: ['typescript' as const],
      messages: { m: 'found {{name}}' },
      examples: { invalid: [], valid: [] },
    };
    let thrownCalls = 0;
    const broken = defineRule({
      id: 'test-broken',
      meta,
      create: () => ({
        Identifier: () => {
          thrownCalls++;
          throw new Error('boom');
        },
      }),
    });
    const working = defineRule({
      id: 'test-working',
      meta,
      create: (ctx) => ({
        Identifier: (node) => ctx.report({ messageId: 'm', data: { name: (node as ts.Identifier).text }, start: node.getStart(), end: node.end }),
      }),
    });
    const result = analyze({ path: 'x.ts', text: 'a(b, c);\n' }, { iam, rules: [broken, working] });
    assert.equal(thrownCalls, 1);
    assert.deepEqual(
      result.internalErrors.map((e) => [e.ruleId, e.message, e.line]),
      [['test-broken', 'boom', 1]],
    );
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['found a', 'found b', 'found c'],
    );
    // The walk's handler table is shared between files: nothing of this run may reach the next one.
    const next = analyze({ path: 'y.ts', text: 'd;\n' }, { iam, rules: [working] });
    assert.equal(thrownCalls, 1);
    assert.deepEqual(
      next.findings.map((f) => f.message),
      ['found d'],
    );
  });
});

describe('kind tables', () => {
  it('isScope agrees with TypeScript\'s predicates for every kind', () => {
    for (let kind = 0; kind < ts.SyntaxKind.Count; kind++) {
      const n = { kind } as ts.Node;
      const expected =
        ts.isSourceFile(n) || ts.isBlock(n) || ts.isModuleBlock(n) || ts.isCaseBlock(n) || ts.isFunctionLike(n) || ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n) || ts.isCatchClause(n) || ts.isClassLike(n);
      assert.equal(isScope(n), expected, ts.SyntaxKind[kind]);
    }
    assert.ok(isScope({ kind: ts.SyntaxKind.ArrowFunction } as ts.Node));
    assert.ok(!isScope({ kind: ts.SyntaxKind.ObjectLiteralExpression } as ts.Node));
  });

  it('kindTable covers every kind, and only kinds', () => {
    const table = kindTable((n) => n.kind === ts.SyntaxKind.Identifier);
    assert.equal(table.length, ts.SyntaxKind.Count);
    assert.deepEqual(
      table.flatMap((v, k) => (v ? [k] : [])),
      [ts.SyntaxKind.Identifier],
    );
  });

  it('unwrap strips parentheses, as, !, satisfies and <T> casts, and nothing else', () => {
    const sf = parseTypeScript('u.ts', 'const a = ((<T>(b! as C) satisfies D));\nconst e = f.g;\n');
    const [first, second] = sf.statements.map((s) => (s as ts.VariableStatement).declarationList.declarations[0].initializer!);
    const inner = unwrap(first);
    assert.ok(ts.isIdentifier(inner) && inner.text === 'b');
    assert.equal(unwrap(second), second);
  });
});
