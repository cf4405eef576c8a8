// The server's warm-up of the keystroke path, on the real analyzer and engine: it runs only when
// the editor is quiet, counts real analyses, leaves the document's kept tree in a state the next
// keystroke reparses correctly, and stops for a closed document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, STALE, type DocumentReport } from '../../server/src/lsp/analyzer';
import { JitWarmup, warmupText } from '../../server/src/lsp/warmup';
import { Workspace } from '../../server/src/lsp/workspace';
import { analyzeText, iam } from '../helpers/engine';

const STACK = [
  "import * as cdk from 'aws-cdk-lib';",
  "import * as s3 from 'aws-cdk-lib/aws-s3';",
  "import * as lambda from 'aws-cdk-lib/aws-lambda';",
  '',
  'export class MediaStack extends cdk.Stack {',
  '  constructor(scope: cdk.App, id: string) {',
  '    super(scope, id);',
  "    new s3.Bucket(this, 'Uploads');",
  "    new lambda.Function(this, 'Resize', {",
  '      runtime: lambda.Runtime.NODEJS_16_X,',
  "      handler: 'index.handler',",
  "      code: lambda.Code.fromAsset('dist/resize'),",
  '    });',
  '  }',
  '}',
  '',
].join('\n');

const URI = 'file:///w/lib/media-stack.ts';

function setup(options: ConstructorParameters<typeof JitWarmup>[0]) {
  const warmed: number[] = [];
  const warmup = new JitWarmup({ ...options, onWarm: (rounds) => warmed.push(rounds) });
  const analyzer = new Analyzer(() => iam, new Workspace({}), { error: (m) => assert.fail(m), info: () => {} }, undefined, warmup);
  return { warmup, analyzer, warmed };
}

async function report(analyzer: Analyzer, doc: TextDocument): Promise<DocumentReport> {
  const r = await analyzer.report(doc);
  assert.notEqual(r, STALE);
  return r as DocumentReport;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(test: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !test(); waited += 5) {
    if (waited > 10_000) assert.fail(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const shape = (findings: readonly { ruleId: string; start: number; end: number; message: string }[]) => findings.map((f) => `${f.ruleId} ${f.start}-${f.end} ${f.message}`);

describe('warm-up of the keystroke path', () => {
  it('re-runs the analysis after a quiet spell, then the next keystroke is analyzed as a fresh parse would be', async () => {
    const { warmup, analyzer, warmed } = setup({ analyses: 6, idleMs: 10 });
    const doc = TextDocument.create(URI, 'typescript', 1, STACK);
    const first = await report(analyzer, doc);
    assert.ok(first.result.findings.some((f) => f.ruleId === 'lambda-deprecated-runtime'));
    await until(() => warmup.done, 'the warm-up');
    assert.deepEqual(warmed, [5], 'the open counted once; five warm-up runs made six');
    assert.equal(warmup.runs, 6);

    // The warm-up left the kept tree at some text of its own: the keystroke must still be right.
    TextDocument.update(doc, [{ range: { start: { line: 9, character: 37 }, end: { line: 9, character: 39 } }, text: '22' }], 2);
    assert.match(doc.getText(), /NODEJS_22_X/);
    const after = await report(analyzer, doc);
    assert.deepEqual(shape(after.result.findings), shape(analyzeText('lib/media-stack.ts', doc.getText()).findings));
    assert.ok(!after.result.findings.some((f) => f.ruleId === 'lambda-deprecated-runtime'));
    assert.equal(warmup.runs, 6, 'done: real analyses are no longer counted');
  });

  it('gives way while the user types, and counts the keystrokes towards the warm-up', async () => {
    const { warmup, analyzer, warmed } = setup({ analyses: 8, idleMs: 40 });
    const doc = TextDocument.create(URI, 'typescript', 1, STACK);
    await report(analyzer, doc);
    for (let v = 2; v <= 4; v++) {
      TextDocument.update(doc, [{ range: { start: { line: 10, character: 16 }, end: { line: 10, character: 16 } }, text: 'x' }], v);
      await report(analyzer, doc);
      await sleep(5);
    }
    assert.equal(warmup.runs, 4, 'no warm-up run between keystrokes');
    await until(() => warmup.done, 'the warm-up');
    assert.deepEqual(warmed, [4]);
  });

  it('needs no warm-up once the keystrokes themselves ran enough analyses', async () => {
    const { warmup, analyzer, warmed } = setup({ analyses: 3, idleMs: 10 });
    const doc = TextDocument.create(URI, 'typescript', 1, STACK);
    await report(analyzer, doc);
    for (let v = 2; v <= 3; v++) {
      TextDocument.update(doc, [{ range: { start: { line: 10, character: 16 }, end: { line: 10, character: 16 } }, text: 'x' }], v);
      await report(analyzer, doc);
    }
    assert.ok(warmup.done);
    await sleep(40);
    assert.deepEqual(warmed, []);
  });

  it('stops for a document closed before the editor went quiet, and ignores JSON documents', async () => {
    const { warmup, analyzer, warmed } = setup({ analyses: 5, idleMs: 20 });
    const doc = TextDocument.create(URI, 'typescript', 1, STACK);
    await report(analyzer, doc);
    analyzer.forget(URI);
    await report(analyzer, TextDocument.create('file:///w/p.json', 'json', 1, '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'));
    await sleep(80);
    assert.equal(warmup.runs, 1);
    assert.deepEqual(warmed, []);
  });

  it('alternates between a space at the end of the middle line and the document’s own text', () => {
    assert.equal(warmupText('a\nb\nc\nd\n', 0), 'a\nb\nc \nd\n');
    assert.equal(warmupText('one\r\ntwo\r\nthree\r\n', 0), 'one\r\ntwo \r\nthree\r\n');
    assert.equal(warmupText('no newline', 0), 'no newline ');
    assert.equal(warmupText('a\nb\n', 1), 'a\nb\n');
  });
});
