import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { TsFile, parseTypeScript } from '../../server/src/engine/typescript/file';

function news(code: string, filename = 'stack.ts'): { f: TsFile; list: ts.NewExpression[] } {
  const f = new TsFile(parseTypeScript(filename, code));
  const list: ts.NewExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isNewExpression(n)) list.push(n);
    ts.forEachChild(n, visit);
  };
  visit(f.sourceFile);
  return { f, list };
}
const target = (code: string, filename?: string) => {
  const { f, list } = news(code, filename);
  return list.map((n) => {
    const r = f.symbolOf(n.expression);
    return r ? `${r.module}#${r.path.join('.')}` : undefined;
  });
};

describe('symbolOf: every import form', () => {
  const S3 = 'aws-cdk-lib/aws-s3#Bucket';
  it('namespace import', () => assert.deepEqual(target("import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'B');"), [S3]));
  it('named import', () => assert.deepEqual(target("import { Bucket } from 'aws-cdk-lib/aws-s3';\nnew Bucket(this, 'B');"), [S3]));
  it('aliased named import', () => assert.deepEqual(target("import { Bucket as B } from 'aws-cdk-lib/aws-s3';\nnew B(this, 'B');"), [S3]));
  it('aws_s3 as s3', () => assert.deepEqual(target("import { aws_s3 as s3 } from 'aws-cdk-lib';\nnew s3.Bucket(this, 'B');"), [S3]));
  it('cdk.aws_s3.Bucket', () => assert.deepEqual(target("import * as cdk from 'aws-cdk-lib';\nnew cdk.aws_s3.Bucket(this, 'B');"), [S3]));
  it('require namespace', () => assert.deepEqual(target("const s3 = require('aws-cdk-lib/aws-s3');\nnew s3.Bucket(this, 'B');", 'stack.js'), [S3]));
  it('require destructuring', () => assert.deepEqual(target("const { Bucket } = require('aws-cdk-lib/aws-s3');\nnew Bucket(this, 'B');", 'stack.js'), [S3]));
  it('require of aws-cdk-lib with aws_s3', () => assert.deepEqual(target("const { aws_s3: s3 } = require('aws-cdk-lib');\nnew s3.Bucket(this, 'B');", 'stack.js'), [S3]));
  it('import equals require', () => assert.deepEqual(target("import s3 = require('aws-cdk-lib/aws-s3');\nnew s3.Bucket(this, 'B');"), [S3]));
  it('aws-cdk-lib namespaces that do not start with aws_ (custom_resources, pipelines)', () =>
    assert.deepEqual(
      target("import { custom_resources as cr, pipelines } from 'aws-cdk-lib';\nnew cr.Provider(this, 'P', {});\nnew pipelines.CodePipeline(this, 'C', {});"),
      ['aws-cdk-lib/custom-resources#Provider', 'aws-cdk-lib/pipelines#CodePipeline'],
    ));
  it('an aws-cdk-lib export that is not a namespace stays as it is', () =>
    assert.deepEqual(target("import * as cdk from 'aws-cdk-lib';\nnew cdk.CustomResource(this, 'R', {});"), ['aws-cdk-lib#CustomResource']));
  it('CDK v1 module', () => assert.deepEqual(target("import * as s3 from '@aws-cdk/aws-s3';\nnew s3.Bucket(this, 'B');"), [S3]));
  it('default import of aws-sdk', () => assert.deepEqual(target("import AWS from 'aws-sdk';\nnew AWS.SQS();"), ['aws-sdk#SQS']));
  it('a local class of the same name is not the import', () =>
    assert.deepEqual(target("import { Bucket } from 'aws-cdk-lib/aws-s3';\nfunction f() { class Bucket {}; new Bucket(); }"), [undefined]));
  it('a parameter shadows the import', () =>
    assert.deepEqual(target("import * as s3 from 'aws-cdk-lib/aws-s3';\nfunction f(s3: any) { new s3.Bucket(); }"), [undefined]));
  it('other modules keep their identity', () =>
    assert.deepEqual(target("import { Table } from 'aws-cdk-lib/aws-glue';\nnew Table(this, 'T', {});"), ['aws-cdk-lib/aws-glue#Table']));
});

describe('objectProps and evaluate', () => {
  const code = `
import { Duration } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
const base = { versioned: true, timeout: Duration.seconds(30) };
const props = { ...base, encryption: s3.BucketEncryption.S3_MANAGED, size: 10 * 1024, name: \`b-\${'x'}\` };
const partial = { ...unknownThing, enforceSSL: true };
new s3.Bucket(this, 'A', props);
new s3.Bucket(this, 'B', partial);
`;
  const { f, list } = news(code);
  const a = f.objectProps(list[0].arguments![2])!;
  const b = f.objectProps(list[1].arguments![2])!;
  it('reads props through a const and a spread', () => {
    assert.equal(f.evaluate((a.get('versioned') as any).value).kind, 'boolean');
    assert.deepEqual(f.evaluate((a.get('size') as any).value), { kind: 'number', value: 10240 });
    assert.deepEqual(f.evaluate((a.get('name') as any).value), { kind: 'string', value: 'b-x' });
    const enc = f.evaluate((a.get('encryption') as any).value);
    assert.equal(enc.kind === 'symbol' && enc.ref.path.join('.'), 'BucketEncryption.S3_MANAGED');
    const t = f.evaluate((a.get('timeout') as any).value);
    assert.equal(t.kind === 'call' && `${t.ref.module}#${t.ref.path.join('.')}`, 'aws-cdk-lib#Duration.seconds');
    assert.equal(a.get('removalPolicy'), undefined);
    assert.equal(a.inline, false);
  });
  it('an unresolvable spread makes absent props unknown', () => {
    assert.equal(b.get('versioned'), 'unknown');
    assert.notEqual(b.get('enforceSSL'), 'unknown');
  });

  // A props constant completed by assignments after its literal (round 6: a stack function that
  // sets `args.encryption` per branch and then builds the bucket from `args`).
  describe('properties written through the constant after its literal', () => {
    const written = news(`
import * as s3 from 'aws-cdk-lib/aws-s3';
const args: any = { versioned: true, lifecycleRules: [] };
if (useKms) args.encryption = s3.BucketEncryption.KMS;
args['enforceSSL'] ??= true;
args.cdk.nested = 1;
delete args.lifecycleRules;
new s3.Bucket(this, 'A', args);
const alias = args;
new s3.Bucket(this, 'B', alias);
const merged: any = { versioned: true };
Object.assign(merged, extra);
new s3.Bucket(this, 'C', merged);
const keyed: any = { versioned: true };
keyed[name] = 1;
new s3.Bucket(this, 'D', keyed);
const untouched = { versioned: true };
function other() { const untouched: any = {}; untouched.encryption = 1; }
if (untouched.versioned === true) console.log(untouched.versioned);
new s3.Bucket(this, 'E', untouched);
new s3.Bucket(this, 'F', { ...args });
`);
    const [a, b, c, d, e, spread] = written.list.map((n) => written.f.objectProps(n.arguments![2])!);
    it('a written name is unknown, an unwritten one keeps what the literal says', () => {
      assert.equal(a.get('encryption'), 'unknown');
      assert.equal(a.get('enforceSSL'), 'unknown');
      assert.equal(a.get('cdk'), 'unknown');
      assert.equal(a.get('lifecycleRules'), 'unknown');
      assert.notEqual(a.get('versioned'), 'unknown');
      assert.equal(a.get('removalPolicy'), undefined);
    });
    it('through an alias of the constant', () => assert.equal(b.get('encryption'), 'unknown'));
    it('Object.assign or a computed key: every name is unknown', () => {
      assert.equal(c.get('encryption'), 'unknown');
      assert.equal(c.get('versioned'), 'unknown');
      assert.equal(d.get('removalPolicy'), 'unknown');
    });
    it('reads and a shadowing local of the same name write nothing', () => {
      assert.equal(e.get('encryption'), undefined);
      assert.notEqual(e.get('versioned'), 'unknown');
    });
    it('a spread of the written constant carries the unknowns', () => assert.equal(spread.get('encryption'), 'unknown'));
  });
});

describe('objectPropsBranches', () => {
  const { f, list } = news(`
import * as s3 from 'aws-cdk-lib/aws-s3';
declare const prod: boolean, big: boolean, shared: any;
const kept = { versioned: true };
new s3.Bucket(this, 'A', { enforceSSL: true });
new s3.Bucket(this, 'B', prod ? kept : { versioned: false });
new s3.Bucket(this, 'C', (prod ? (big ? { a: 1 } : { b: 2 }) : kept) as s3.BucketProps);
new s3.Bucket(this, 'D', prod ? shared : {});
`);
  const [a, b, c, d] = list.map((n) => f.objectPropsBranches(n.arguments![2]));
  it('a plain object is one branch', () => assert.equal(a?.length, 1));
  it('a conditional gives each branch, through consts', () => {
    assert.equal(b?.length, 2);
    assert.notEqual(b![0].get('versioned'), undefined);
    assert.equal(b![1].get('enforceSSL'), undefined);
  });
  it('nested conditionals in parentheses and a cast', () => assert.deepEqual(c?.map((p) => [...p.props.keys()].join()), ['a', 'b', 'versioned']));
  it('a branch that is not an object literal: undefined', () => assert.equal(d, undefined));
});

describe('objectProps: defaults an unresolved spread may replace', () => {
  const { f, list } = news(`
import * as s3 from 'aws-cdk-lib/aws-s3';
declare const props: any, more: any;
const base = { versioned: true, enforceSSL: false };
const later = { enforceSSL: true };
new s3.Bucket(this, 'A', { versioned: false, ...props });
new s3.Bucket(this, 'B', { ...props, versioned: false });
new s3.Bucket(this, 'C', { ...base, ...props, ...later });
const written: any = { versioned: true };
written.versioned = false;
new s3.Bucket(this, 'D', { ...written, ...more });
new s3.Bucket(this, 'E', { versioned: true });
`);
  const [a, b, c, d, e] = list.map((n) => f.objectProps(n.arguments![2])!);
  it('a property before the spread is a default', () => {
    assert.equal(a.get('versioned'), 'unknown');
    assert.equal(a.overridable('versioned')?.name, 'versioned');
  });
  it('a property after the spread is no default: it is certain', () => assert.equal(b.overridable('versioned'), undefined));
  it('a default from a spread constant; one a later resolved spread replaces is none', () => {
    assert.equal(c.overridable('versioned')?.literal.getText().includes('enforceSSL: false'), true);
    assert.equal(c.overridable('enforceSSL'), undefined);
  });
  it('a name written through its constant is no default', () => assert.equal(d.overridable('versioned'), undefined));
  it('nothing is a default without an unresolved spread', () => assert.equal(e.overridable('versioned'), undefined));
});
