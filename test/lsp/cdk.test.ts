// A CDK stack through the bundled server over stdio: its diagnostics arrive, a quick fix is
// offered for a construct's props, and applying it (with the import it needs) removes the finding.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { parseProblems } from '../helpers/engine';
import { TestClient } from './client';

const STACK = `import { Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export class AppStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new s3.Bucket(this, 'Uploads', {
      versioned: true,
    });
    new lambda.Function(this, 'Worker', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('dist'),
    });
  }
}
`;
const uri = 'file:///work/project/lib/app-stack.ts';

function apply(text: string, action: CodeAction): string {
  const change = action.edit?.documentChanges?.[0];
  assert.ok(change && 'edits' in change, `versioned edit expected in ${action.title}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 0, text), change.edits as TextEdit[]);
}

describe('language server on a CDK stack (stdio)', () => {
  let client: TestClient;
  let diagnostics: Diagnostic[];

  before(async () => {
    client = await TestClient.start();
    await client.open(uri, 'typescript', STACK);
    diagnostics = (await client.waitForDiagnostics(uri, { version: 1 })).diagnostics;
  });
  after(async () => {
    await client.stop();
  });

  it('publishes the construct findings on the constructs', () => {
    const codes = new Set(diagnostics.map((d) => d.code));
    for (const id of ['s3-bucket-enforce-ssl', 'lambda-explicit-timeout', 'lambda-explicit-memory']) assert.ok(codes.has(id), `${id} in ${[...codes].join(', ')}`);
    const ssl = diagnostics.find((d) => d.code === 's3-bucket-enforce-ssl')!;
    assert.equal(ssl.range.start.line, 8, 'on the new s3.Bucket line');
  });

  it('applies the timeout quick fix: Duration is imported once and the finding is gone', async () => {
    const timeout = diagnostics.find((d) => d.code === 'lambda-explicit-timeout')!;
    const actions = (await client.codeActions(uri, timeout.range, [timeout], ['quickfix'])) as CodeAction[];
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'lambda-explicit-timeout');
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const fixed = apply(STACK, fix);
    assert.deepEqual(parseProblems('app-stack.ts', fixed), [], 'the fixed stack parses');
    assert.match(fixed, /timeout: Duration\.seconds\(30\)/);
    assert.equal(fixed.match(/\bDuration\b(?=[,\s}])/g)?.length, 1, 'Duration imported exactly once');
    assert.match(fixed, /import \{ Stack, StackProps, Duration \} from 'aws-cdk-lib';/);
    const version = await client.change(uri, fixed);
    const after = (await client.waitForDiagnostics(uri, { version })).diagnostics;
    assert.deepEqual(after.filter((d) => d.code === 'lambda-explicit-timeout'), []);
    assert.ok(after.some((d) => d.code === 's3-bucket-enforce-ssl'), 'other findings stay');
  });
});
