// The bundled server over stdio, with a client that has no pull diagnostics: the server pushes.
// Covers diagnostics, quick fixes (offered and applied), hover, fix-all wiring and bad input.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, MarkupContent, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { fixAll } from '../../server/src/engine/fixes';
import { RULE_DOCS_BASE_URL } from '../../server/src/rules/docsUrl';
import { snippetCode, snippetsForRule } from '../../server/src/features/patterns';
import { rulesById } from '../../server/src/rules/index';
import { analyzeText, iam } from '../helpers/engine';
import { TestClient, messageText } from './client';

const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:*",\n      "Resource": "*"\n    }\n  ]\n}\n';
const uri = 'file:///work/project/policies/app.json';

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const change = action.edit?.documentChanges?.[0];
  assert.ok(change && 'edits' in change, `versioned edit expected in ${action.title}`);
  assert.equal(change.textDocument.uri, uri);
  return change.edits as TextEdit[];
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:y', 'json', 0, text), edits);
}

describe('language server, push diagnostics (stdio)', () => {
  let client: TestClient;
  let wildcard: Diagnostic;

  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('declares what it serves', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.diagnosticProvider, 'diagnosticProvider');
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.awsPatterns'] });
    assert.equal(caps.hoverProvider, true);
    assert.equal(client.initializeResult.serverInfo?.name, 'aws-patterns');
  });

  it('publishes a finding with source, code, doc link, severity and the exact range', async () => {
    await client.open(uri, 'json', POLICY);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'aws-patterns');
      assert.equal(d.codeDescription?.href, `${RULE_DOCS_BASE_URL}${d.code}.md`);
    }
    const found = published.diagnostics.filter((d) => d.code === 'iam-wildcard-action');
    assert.equal(found.length, 1, JSON.stringify(published.diagnostics));
    wildcard = found[0];
    const offset = POLICY.indexOf('"s3:*"');
    assert.deepEqual(wildcard.range, { start: { line: 5, character: offset - POLICY.lastIndexOf('\n', offset) - 1 }, end: { line: 5, character: offset - POLICY.lastIndexOf('\n', offset) - 1 + 6 } });
    assert.equal(wildcard.severity, DiagnosticSeverity.Warning);
    assert.match(messageText(wildcard.message), /s3:\*/);
  });

  it('offers the finding’s suggestions as quick fixes tied to its diagnostic', async () => {
    const actions = (await client.codeActions(uri, wildcard.range, [wildcard])) as CodeAction[];
    const expected = analyzeText('policies/app.json', POLICY).findings.find((f) => f.ruleId === 'iam-wildcard-action')!;
    const quickFixes = actions.filter((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'iam-wildcard-action');
    assert.deepEqual(
      quickFixes.map((a) => a.title),
      expected.suggestions!.map((s) => s.title),
    );
    for (const a of quickFixes) {
      assert.deepEqual(a.diagnostics, [wildcard]);
      assert.notEqual(a.isPreferred, true, 'suggestions are not preferred');
      assert.equal((a.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 1);
    }
    // Nothing is offered away from any finding.
    const elsewhere = (await client.codeActions(uri, { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } }, [], ['quickfix'])) as CodeAction[];
    assert.deepEqual(elsewhere, []);
  });

  it('hovers a finding with the rule’s title, rationale, ✅ pattern and docs link', async () => {
    const hover = await client.hover(uri, { line: wildcard.range.start.line, character: wildcard.range.start.character + 2 });
    assert.ok(hover && MarkupContent.is(hover.contents), 'markdown hover');
    const rule = rulesById.get('iam-wildcard-action')!;
    const value = hover.contents.value;
    assert.ok(value.includes(rule.meta.title), value);
    assert.ok(value.includes(rule.meta.rationale), value);
    // The guide's ✅ pattern, as the snippet that teaches the rule's section writes it.
    const [pattern] = snippetsForRule(rule.id, rule.meta.guide, 'json');
    assert.ok(value.includes(snippetCode(pattern)), 'the ✅ pattern');
    assert.ok(value.includes('```json'), 'fenced as JSON');
    assert.ok(value.includes(`${RULE_DOCS_BASE_URL}iam-wildcard-action.md`), 'docs link');
    assert.deepEqual(hover.range, wildcard.range);
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
  });

  it('fix-all offers exactly what the engine’s fixAll computes (safe fixes only)', async () => {
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) as CodeAction[];
    const engine = fixAll({ path: 'policies/app.json', text: POLICY }, { iam });
    assert.ok(actions.every((a) => a.kind === 'source.fixAll.awsPatterns'));
    if (engine.edits.length === 0) {
      // Every fix offered here is unsafe (placeholders, different permissions): none runs unattended.
      assert.deepEqual(actions, []);
    } else {
      assert.equal(actions.length, 1);
      assert.equal(apply(POLICY, editsOf(actions[0], uri)), engine.text);
    }
  });

  it('applies a quick fix: the edited document no longer carries the finding', async () => {
    const actions = (await client.codeActions(uri, wildcard.range, [wildcard], ['quickfix'])) as CodeAction[];
    const readOnly = actions.find((a) => /read and list/.test(a.title));
    assert.ok(readOnly, actions.map((a) => a.title).join(' | '));
    const fixed = apply(POLICY, editsOf(readOnly, uri));
    assert.doesNotThrow(() => JSON.parse(fixed), 'the fixed policy is valid JSON');
    assert.ok(fixed.includes('"s3:GetObject"'));
    const version = await client.change(uri, fixed);
    const published = await client.waitForDiagnostics(uri, { version });
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'iam-wildcard-action'),
      [],
    );
  });

  it('reports a file it cannot parse as information without a code, and keeps serving', async () => {
    const bad = 'file:///work/project/broken.json';
    await client.open(bad, 'json', '{ "Statement": [ { "Effect": "Allow", "Action": "*" ');
    const published = await client.waitForDiagnostics(bad, { version: 1 });
    const notice = published.diagnostics.find((d) => d.code === undefined);
    assert.ok(notice, JSON.stringify(published.diagnostics));
    assert.equal(notice.severity, DiagnosticSeverity.Information);
    assert.equal(notice.source, 'aws-patterns');
    assert.match(messageText(notice.message), /could not parse/);
    assert.ok(client.alive);
  });

  it('skips a huge file with one notice, and a binary one', async () => {
    const huge = 'file:///work/project/huge.json';
    const big = `{"Statement":[${'{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},'.repeat(130_000)}{}]}`;
    assert.ok(big.length > 8 * 1024 * 1024);
    await client.open(huge, 'json', big);
    const published = await client.waitForDiagnostics(huge, { version: 1 });
    assert.equal(published.diagnostics.length, 1);
    assert.match(messageText(published.diagnostics[0].message), /skipped this file/);

    const binary = 'file:///work/project/blob.json';
    await client.open(binary, 'json', `{"a": "\u0000\u0001\u0002"}`);
    const b = await client.waitForDiagnostics(binary, { version: 1 });
    assert.match(messageText(b.diagnostics[0].message), /looks binary/);
    assert.ok(client.alive);
  });

  it('analyzes a 5 MB policy without failing', async () => {
    const large = 'file:///work/project/large.json';
    const statement = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"},';
    const text = `{"Version":"2012-10-17","Statement":[${statement.repeat(Math.ceil((5 * 1024 * 1024) / statement.length))}{"Effect":"Allow","Action":"*","Resource":"*"}]}`;
    await client.open(large, 'json', text);
    const published = await client.waitForDiagnostics(large, { version: 1 });
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['iam-wildcard-action'],
    );
    assert.equal(published.diagnostics[0].severity, DiagnosticSeverity.Error, '"*" on "*" is an error');
  });

  it('a non-policy JSON file and a broken TypeScript file get no findings and no crash', async () => {
    const pkg = 'file:///work/project/package.json';
    await client.open(pkg, 'json', '{ "name": "x", "version": "1.0.0", "scripts": { "build": "tsc" } }\n');
    assert.deepEqual((await client.waitForDiagnostics(pkg, { version: 1 })).diagnostics, []);
    const ts = 'file:///work/project/stack.ts';
    await client.open(ts, 'typescript', 'export class Stack {\n  constructor( {\n');
    const published = await client.waitForDiagnostics(ts, { version: 1 });
    assert.ok(published.diagnostics.every((d) => d.code === undefined && d.severity === DiagnosticSeverity.Information));
    assert.ok(client.alive);
  });

  it('clears the diagnostics of a closed document', async () => {
    const from = client.diagnostics.all.length;
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, { from });
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null, 'requests on a closed document answer empty');
    assert.equal(client.stderr.includes('Uncaught'), false, client.stderr);
  });
});
