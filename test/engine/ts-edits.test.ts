import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { applyEdits } from '../../server/src/engine/text';
import { appendObjectArgument, importRef, insertProperty, removeProperties, removeProperty } from '../../server/src/engine/typescript/edits';
import { TsFile, parseTypeScript } from '../../server/src/engine/typescript/file';

function file(code: string, name = 'stack.ts'): TsFile {
  return new TsFile(parseTypeScript(name, code));
}
function firstObject(f: TsFile): ts.ObjectLiteralExpression {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (!found && ts.isObjectLiteralExpression(n)) found = n;
    ts.forEachChild(n, visit);
  };
  visit(f.sourceFile);
  return found!;
}
function firstNew(f: TsFile): ts.NewExpression {
  let found: ts.NewExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (!found && ts.isNewExpression(n)) found = n;
    ts.forEachChild(n, visit);
  };
  visit(f.sourceFile);
  return found!;
}
function insert(code: string, prop: string): string {
  const f = file(code);
  return applyEdits(code, insertProperty(f, firstObject(f), prop)!);
}

describe('insertProperty', () => {
  it('fills an empty literal', () => assert.equal(insert('f({});', 'a: 1'), 'f({ a: 1 });'));
  it('extends a one-line literal', () => assert.equal(insert('f({ x: 1 });', 'a: 1'), 'f({ x: 1, a: 1 });'));
  it('keeps a one-line trailing comma', () => assert.equal(insert('f({ x: 1, });', 'a: 1'), 'f({ x: 1, a: 1, });'));
  it('adds a line at the same indent', () =>
    assert.equal(insert('f({\n    x: 1\n});', 'a: 1'), 'f({\n    x: 1,\n    a: 1\n});'));
  it('keeps the trailing-comma style of multi-line literals', () =>
    assert.equal(insert('f({\n  x: 1,\n});', 'a: 1'), 'f({\n  x: 1,\n  a: 1,\n});'));
  it('keeps a same-line comment with its property', () =>
    assert.equal(insert('f({\n  x: 1, // why\n});', 'a: 1'), 'f({\n  x: 1, // why\n  a: 1,\n});'));
  it('keeps a comment after a property without comma', () =>
    assert.equal(insert('f({\n  x: 1 // why\n});', 'a: 1'), 'f({\n  x: 1, // why\n  a: 1\n});'));
  it('uses tabs when the file does', () =>
    assert.equal(insert('f({\n\tx: 1\n});', 'a: 1'), 'f({\n\tx: 1,\n\ta: 1\n});'));
});

describe('appendObjectArgument', () => {
  it('adds props to a construct without them', () => {
    const code = "new Bucket(this, 'B');";
    const f = file(code);
    assert.equal(applyEdits(code, appendObjectArgument(f, firstNew(f), 'versioned: true')!), "new Bucket(this, 'B', { versioned: true });");
  });
});

describe('removeProperty', () => {
  const remove = (code: string, name: string): string => {
    const f = file(code);
    const lit = firstObject(f);
    const prop = lit.properties.find((p) => p.name?.getText(f.sourceFile) === name)!;
    return applyEdits(code, removeProperty(f, lit, prop)!);
  };
  it('removes a middle line', () => assert.equal(remove('f({\n  a: 1,\n  b: 2,\n  c: 3\n});', 'b'), 'f({\n  a: 1,\n  c: 3\n});'));
  it('removes the last line and the comma before it', () => assert.equal(remove('f({\n  a: 1,\n  b: 2\n});', 'b'), 'f({\n  a: 1\n});'));
  it('removes from one line', () => assert.equal(remove('f({ a: 1, b: 2 });', 'a'), 'f({ b: 2 });'));
  it('removes the last of one line', () => assert.equal(remove('f({ a: 1, b: 2 });', 'b'), 'f({ a: 1 });'));
  it('removes a multi-line property', () =>
    assert.equal(remove("f({\n  region: 'x',\n  credentials: {\n    a: 1,\n  },\n});", 'credentials'), "f({\n  region: 'x',\n});"));
});

describe('importRef', () => {
  const ref = (code: string, module: string, name: string, filename = 'stack.ts') => {
    const f = file(code, filename);
    const r = importRef(f, module, name)!;
    return { text: r.text, out: applyEdits(code, r.edits) };
  };
  it('reuses a named import', () => assert.deepEqual(ref("import { Duration } from 'aws-cdk-lib';\n", 'aws-cdk-lib', 'Duration').text, 'Duration'));
  it('reuses a namespace import', () => assert.equal(ref("import * as cdk from 'aws-cdk-lib';\n", 'aws-cdk-lib', 'Duration').text, 'cdk.Duration'));
  it('reaches a submodule through the root namespace', () =>
    assert.equal(ref("import * as cdk from 'aws-cdk-lib';\n", 'aws-cdk-lib/aws-s3', 'BlockPublicAccess').text, 'cdk.aws_s3.BlockPublicAccess'));
  it('reuses `aws_s3 as s3`', () =>
    assert.equal(ref("import { aws_s3 as s3 } from 'aws-cdk-lib';\n", 'aws-cdk-lib/aws-s3', 'BlockPublicAccess').text, 's3.BlockPublicAccess'));
  it('extends a named import of the module', () =>
    assert.equal(ref("import { Stack } from 'aws-cdk-lib';\n", 'aws-cdk-lib', 'Duration').out, "import { Stack, Duration } from 'aws-cdk-lib';\n"));
  it('adds an import in the file style', () =>
    assert.equal(ref('import { Construct } from "constructs"\nconst x = 1\n', 'aws-cdk-lib', 'Duration').out, 'import { Construct } from "constructs"\nimport { Duration } from "aws-cdk-lib"\nconst x = 1\n'));
  it('adds a require in CommonJS files', () =>
    assert.equal(ref("const s3 = require('x');\nfoo();\n", '@aws-sdk/lib-storage', 'Upload', 'h.js').out, "const s3 = require('x');\nconst { Upload } = require('@aws-sdk/lib-storage');\nfoo();\n"));
  it('extends a destructured require of the module (CommonJS CDK apps)', () => {
    assert.equal(
      ref("const { Stack } = require('aws-cdk-lib');\nconst { Table } = require('aws-cdk-lib/aws-dynamodb');\n", 'aws-cdk-lib/aws-dynamodb', 'BillingMode', 'lib/a.js').out,
      "const { Stack } = require('aws-cdk-lib');\nconst { Table, BillingMode } = require('aws-cdk-lib/aws-dynamodb');\n",
    );
    assert.equal(
      ref('const {\n  Stack,\n  Duration,\n} = require("aws-cdk-lib");\nfoo();\n', 'aws-cdk-lib', 'RemovalPolicy', 'lib/b.js').out,
      'const {\n  Stack,\n  Duration, RemovalPolicy,\n} = require("aws-cdk-lib");\nfoo();\n',
    );
  });
  it('adds a new require beside a rest pattern, a member require or another module', () => {
    assert.equal(
      ref("const { Stack, ...rest } = require('aws-cdk-lib');\n", 'aws-cdk-lib', 'Duration', 'lib/c.js').out,
      "const { Stack, ...rest } = require('aws-cdk-lib');\nconst { Duration } = require('aws-cdk-lib');\n",
    );
    assert.equal(
      ref("const { Stack } = require('aws-cdk-lib/core');\n", 'aws-cdk-lib', 'Duration', 'lib/d.js').out,
      "const { Stack } = require('aws-cdk-lib/core');\nconst { Duration } = require('aws-cdk-lib');\n",
    );
  });
  it('declines when a local name clashes', () => assert.equal(importRef(file('const Duration = 1;\n'), 'aws-cdk-lib', 'Duration'), undefined));
});

describe('removeProperties', () => {
  const remove = (code: string, names: string[]): string | undefined => {
    const f = file(code);
    const lit = firstObject(f);
    const props = lit.properties.filter((p) => names.includes(p.name?.getText(f.sourceFile) ?? ''));
    const edits = removeProperties(f, lit, props);
    return edits && applyEdits(code, edits);
  };
  it('removes a trailing run on one line', () => assert.equal(remove('f({ a: 1, r: 5, w: 5 });', ['r', 'w']), 'f({ a: 1 });'));
  it('removes a leading run on one line', () => assert.equal(remove('f({ r: 5, w: 5, a: 1 });', ['r', 'w']), 'f({ a: 1 });'));
  it('removes two separate props', () => assert.equal(remove('f({ r: 5, a: 1, w: 5, b: 2 });', ['r', 'w']), 'f({ a: 1, b: 2 });'));
  it('removes a trailing run of lines with a trailing comma', () => assert.equal(remove('f({\n  a: 1,\n  r: 5,\n  w: 5,\n});', ['r', 'w']), 'f({\n  a: 1,\n});'));
  it('removes a middle run of lines', () => assert.equal(remove('f({\n  r: 5,\n  w: 5,\n  a: 1\n});', ['r', 'w']), 'f({\n  a: 1\n});'));
  it('declines when a comment would go', () => assert.equal(remove('f({ a: 1, r: 5 /* why */, w: 5 });', ['r', 'w']), undefined));
});
