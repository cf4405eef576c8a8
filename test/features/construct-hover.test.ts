// The construct checklist on the real engine: items backed by a rule take its verdict (its
// findings on this construct, platform defaults included); the rest are read off the props.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { constructHover } from '../../server/src/features/construct-hover';
import { snippetByPrefix, snippetCode } from '../../server/src/features/patterns';
import { allRules } from '../../server/src/rules/index';
import { analyzeText } from '../helpers/engine';

const IMPORTS = "import { Duration, RemovalPolicy } from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport * as lambda from 'aws-cdk-lib/aws-lambda';\nimport { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nimport * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\n";
const TS_RULES = new Set(allRules.filter((r) => r.meta.languages.includes('typescript')).map((r) => r.id));

/** The checklist lines (`✓ label`, `✗ label`, `? label`) of the hover at `needle`. */
function checklist(body: string, needle: string, activeRules: ReadonlySet<string> = TS_RULES): string[] | undefined {
  const text = IMPORTS + body;
  const { findings } = analyzeText('stack.ts', text);
  const hover = constructHover({ text, offset: text.indexOf(needle) + 1, path: 'stack.ts', findings, activeRules });
  return hover?.markdown
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).replace(/:\s`.*$/, ''));
}

describe('construct hover', () => {
  it('the secure bucket snippet ticks every item', () => {
    const lines = checklist(snippetCode(snippetByPrefix('aws-s3-bucket')!), 'new s3.Bucket')!;
    assert.equal(lines.length, 6);
    assert.ok(lines.every((l) => l.startsWith('✓')), lines.join('\n'));
  });

  it('a bucket with only versioning: TLS and the rest are ✗, retention is kept by default', () => {
    const lines = checklist("new s3.Bucket(this, 'Uploads', { versioned: true });", 'new s3.Bucket')!;
    assert.deepEqual(lines, [
      '✗ Public access blocked',
      '✗ Encryption set',
      '✗ TLS enforced',
      '✓ Versioned',
      '✓ Data kept when the stack is deleted',
      '✗ Lifecycle rules move old objects to cheaper storage',
    ]);
  });

  it('an explicit DESTROY is ✗ with the rule’s message', () => {
    const text = IMPORTS + "new s3.Bucket(this, 'Tmp', { removalPolicy: RemovalPolicy.DESTROY });";
    const hover = constructHover({ text, offset: text.indexOf('new s3.Bucket') + 5, path: 'stack.ts', findings: analyzeText('stack.ts', text).findings, activeRules: TS_RULES })!;
    const line = hover.markdown.split('\n').find((l) => l.includes('Data kept'))!;
    assert.match(line, /^- ✗ Data kept when the stack is deleted: .* — \S/);
  });

  it('props the file does not show are "?", never ✗', () => {
    const lines = checklist("new s3.Bucket(this, 'X', props);", 'new s3.Bucket')!;
    assert.ok(lines.every((l) => l.startsWith('?')), lines.join('\n'));
  });

  it('a NodejsFunction without settings, and the function snippet', () => {
    const bare = checklist("new NodejsFunction(this, 'Api', { entry: 'src/api.ts' });", 'new NodejsFunction')!;
    assert.deepEqual(bare.filter((l) => l.startsWith('✗')), [
      '✗ Timeout set explicitly',
      '✗ Memory set explicitly',
      '✗ Concurrency reserved',
      '✗ Failed invocations captured',
      '✗ ARM64 for price/performance',
    ]);
    const snippet = checklist(snippetCode(snippetByPrefix('aws-lambda-function')!), 'new lambda.Function')!;
    assert.ok(snippet.every((l) => l.startsWith('✓')), snippet.join('\n'));
  });

  it('a deprecated runtime is ✗', () => {
    const lines = checklist("new lambda.Function(this, 'H', { runtime: lambda.Runtime.NODEJS_16_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist') });", 'new lambda.Function')!;
    assert.equal(lines[0], '✗ Supported runtime');
  });

  it('tables: the snippet ticks every item; a partition key alone is not a composite key', () => {
    const snippet = checklist(snippetCode(snippetByPrefix('aws-dynamodb-table')!), 'new dynamodb.Table')!;
    assert.ok(snippet.every((l) => l.startsWith('✓')), snippet.join('\n'));
    const lines = checklist("new dynamodb.TableV2(this, 'T', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING } });", 'new dynamodb.TableV2')!;
    assert.equal(lines[0], '✗ Composite key (partition and sort key)');
  });

  it('queues: the retention period', () => {
    assert.deepEqual(checklist("new sqs.Queue(this, 'DLQ', { retentionPeriod: Duration.days(14) });", 'new sqs.Queue'), ['✓ Retention period set (a dead-letter queue keeps failures 14 days; the default is 4)']);
    assert.deepEqual(checklist("new sqs.Queue(this, 'Q');", 'new sqs.Queue'), ['✗ Retention period set (a dead-letter queue keeps failures 14 days; the default is 4)']);
  });

  it('a rule that is off: its item is read off the props', () => {
    const without = new Set([...TS_RULES].filter((r) => r !== 's3-bucket-destroy-on-delete'));
    const lines = checklist("new s3.Bucket(this, 'Uploads', { versioned: true });", 'new s3.Bucket', without)!;
    assert.equal(lines[4], '✗ Data kept when the stack is deleted');
  });

  it('recognizes the construct in every import form the CDK layer knows', () => {
    for (const text of [
      "import * as cdk from 'aws-cdk-lib';\nnew cdk.aws_s3.Bucket(this, 'B', { versioned: true });",
      "import { Bucket as B } from '@aws-cdk/aws-s3';\nnew B(this, 'B', { versioned: true });",
      "const { aws_s3: s3 } = require('aws-cdk-lib');\nnew s3.Bucket(this, 'B', { versioned: true });",
    ]) {
      const hover = constructHover({ text, offset: text.indexOf('new ') + 1, path: 'stack.ts', findings: analyzeText('stack.ts', text).findings, activeRules: TS_RULES });
      assert.ok(hover?.markdown.includes('- ✓ Versioned'), text);
    }
  });

  it('nothing for other classes, other modules, or the props themselves', () => {
    assert.equal(checklist('new Map();', 'new Map'), undefined);
    const text = "import { Bucket } from './my-bucket';\nnew Bucket(this, 'B', {});";
    assert.equal(constructHover({ text, offset: text.indexOf('new Bucket') + 1, path: 'stack.ts', findings: [], activeRules: TS_RULES }), undefined);
    assert.equal(checklist("new s3.Bucket(this, 'Uploads', { versioned: true });", 'versioned'), undefined);
  });
});
