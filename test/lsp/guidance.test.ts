// Hover and completion over stdio against the bundled server: an IAM action, a wildcard and a
// CDK construct; action-name completion in a JSON policy and in a TypeScript PolicyStatement.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, type CompletionItem, type CompletionList, type MarkupContent, type Position } from 'vscode-languageserver-protocol';
import { IAM_COMPLETION_TRIGGERS } from '../../server/src/features/completion';
import { serviceReferenceUrl } from '../../server/src/features/hover';
import { iam } from '../helpers/engine';
import { TestClient } from './client';

const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:GetObject", "s3:*"],\n      "Resource": "arn:aws:s3:::my-bucket/*"\n    }\n  ]\n}\n';
const STACK = [
  "import * as cdk from 'aws-cdk-lib';",
  "import * as iam from 'aws-cdk-lib/aws-iam';",
  "import * as s3 from 'aws-cdk-lib/aws-s3';",
  '',
  'export class Storage extends cdk.Stack {',
  '  constructor(scope: cdk.App, id: string) {',
  '    super(scope, id);',
  "    const bucket = new s3.Bucket(this, 'Uploads', { versioned: true });",
  "    new iam.PolicyStatement({ actions: ['sqs:Send'], resources: [bucket.bucketArn] });",
  '  }',
  '}',
  '',
].join('\n');

function position(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} not in text`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
}

function markdownOf(contents: unknown): string {
  const m = contents as MarkupContent;
  assert.equal(m.kind, 'markdown');
  return m.value;
}

describe('language server: hover and completion guidance (stdio)', () => {
  let client: TestClient;
  const policyUri = 'file:///work/project/policies/app.json';
  const stackUri = 'file:///work/project/lib/storage-stack.ts';

  before(async () => {
    client = await TestClient.start();
    await client.open(policyUri, 'json', POLICY);
    await client.open(stackUri, 'typescript', STACK);
  });
  after(async () => {
    await client.stop();
  });

  const complete = (uri: string, pos: Position, triggerCharacter?: string) =>
    client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: pos,
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    }) as Promise<CompletionList | CompletionItem[] | null>;

  it('declares completion with its trigger characters', () => {
    assert.deepEqual(client.initializeResult.capabilities.completionProvider?.triggerCharacters, IAM_COMPLETION_TRIGGERS);
  });

  it('hovers an IAM action: description, access level, resource types, condition keys, reference link', async () => {
    const hover = await client.hover(policyUri, position(POLICY, 's3:GetObject', 4));
    const md = markdownOf(hover!.contents);
    assert.ok(md.startsWith('**`s3:GetObject`** · Read'), md);
    assert.ok(md.includes(iam.action('s3:GetObject')!.description));
    assert.ok(md.includes('| object |') || md.includes('| object (required) |'), md);
    assert.ok(md.includes('Condition keys:'), md);
    assert.ok(md.includes(serviceReferenceUrl('s3')));
    assert.deepEqual(hover!.range, { start: position(POLICY, 's3:GetObject'), end: position(POLICY, 's3:GetObject', 's3:GetObject'.length) });
  });

  it('hovers a wildcard: the finding with its ✅ pattern, then what the wildcard grants by access level', async () => {
    const hover = await client.hover(policyUri, position(POLICY, '"s3:*"', 2));
    const md = markdownOf(hover!.contents);
    const [finding, wildcard] = md.split('\n\n---\n\n');
    assert.ok(finding.includes('`iam-wildcard-action`'), finding);
    assert.ok(finding.includes('(snippet `aws-iam-statement`)') && finding.includes('"Action": ["s3:GetObject", "s3:PutObject"]'), finding);
    const all = iam.expand('s3:*')!;
    assert.ok(wildcard.startsWith(`**\`s3:*\`** grants ${all.length} actions of Amazon S3`), wildcard);
    const read = all.filter((a) => a.accessLevel === 'Read');
    assert.ok(wildcard.includes(`| Read | ${read.length} |`), wildcard);
  });

  it("hovers a CDK construct: the guide's checklist, ✓ and ✗ for this bucket", async () => {
    const hover = await client.hover(stackUri, position(STACK, 's3.Bucket', 3));
    const md = markdownOf(hover!.contents);
    const checklist = md.split('\n\n---\n\n').find((s) => s.startsWith('**S3 bucket** `Uploads`'));
    assert.ok(checklist, md);
    assert.match(checklist, /- ✓ Versioned: `versioned: true`/);
    assert.match(checklist, /- ✗ TLS enforced: `enforceSSL: true`/);
    assert.match(checklist, /- ✓ Data kept when the stack is deleted: .* — by default/);
  });

  it('completes action names in a JSON policy: service prefixes, then actions with access levels', async () => {
    const text = POLICY.replace('"s3:GetObject"', '"s3:Get"');
    await client.change(policyUri, text);
    const list = (await complete(policyUri, position(text, 's3:Get', 6))) as CompletionList;
    const getObject = list.items.find((i) => i.label === 'GetObject');
    assert.ok(getObject, list.items.map((i) => i.label).slice(0, 10).join());
    assert.equal(getObject.detail, 'Read');
    assert.deepEqual(getObject.textEdit, { range: { start: position(text, 's3:Get', 3), end: position(text, 's3:Get', 6) }, newText: 'GetObject' });
    assert.ok(list.items.every((i) => /get/i.test(i.label)));

    const prefixText = POLICY.replace('"s3:GetObject"', '"s3"');
    await client.change(policyUri, prefixText);
    const prefixes = (await complete(policyUri, position(prefixText, '"s3"', 3))) as CompletionList;
    assert.equal(prefixes.items[0].label, 's3');
    assert.equal(prefixes.items[0].command?.command, 'editor.action.triggerSuggest');
    assert.ok(prefixes.items.some((i) => i.label === 's3:GetObject'), 'the typed service’s actions follow');
  });

  it("completes action names in a TypeScript PolicyStatement's actions", async () => {
    const list = (await complete(stackUri, position(STACK, "sqs:Send'", 8), ':')) as CompletionList;
    assert.equal(list.items[0].label, 'SendMessage');
    assert.equal(list.items[0].detail, 'Write');
    const outside = await complete(stackUri, position(STACK, "'Uploads'", 3));
    assert.equal(outside, null);
  });
});
