// `source.fixAll.awsPatterns` over the wire, on every rule example that has safe fixes: the
// server's edit gives the engine's fixAll text, which still parses and lost the finding. The
// list grows by itself as rules with safe fixes land; push.test.ts covers a file with none.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { fixAll } from '../../server/src/engine/fixes';
import { allRules } from '../../server/src/rules/index';
import { iam, parseProblems } from '../helpers/engine';
import { TestClient } from './client';

const LANGUAGE: Record<string, string> = { json: 'json', jsonc: 'jsonc', ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript', mts: 'typescript', cts: 'typescript' };

const cases = allRules.flatMap((rule) =>
  rule.meta.examples.invalid
    .map((example, i) => ({ rule, example, i, expected: fixAll({ path: example.filename, text: example.code }, { iam }) }))
    .filter((c) => c.expected.edits.length > 0),
);

describe('fix-all over LSP on rule examples with safe fixes', () => {
  let client: TestClient;
  let gate: Promise<void> = Promise.resolve();
  before(async () => {
    client = await TestClient.start({ pull: true, configuration: async () => (await gate, {}) });
  });
  after(async () => {
    await client.stop();
  });

  for (const { rule, example, i, expected } of cases) {
    it(`${rule.id} example ${i + 1}`, async () => {
      const uri = `file:///work/fixall/${rule.id}-${i}/${example.filename}`;
      const ext = /\.(\w+)$/.exec(example.filename)![1];
      await client.open(uri, LANGUAGE[ext], example.code);
      const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll'])) as CodeAction[];
      assert.equal(actions.length, 1);
      const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
      assert.equal(change.textDocument.version, 1);
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'x', 1, example.code), change.edits as TextEdit[]);
      assert.equal(fixed, expected.text);
      assert.deepEqual(parseProblems(example.filename, fixed), []);
      assert.ok(expected.result.findings.filter((f) => f.ruleId === rule.id && f.fix?.kind === 'safe').length === 0, 'no safe fix of the rule is left');
    });
  }

  it('answers null when the document changed while the request waited for settings', async () => {
    const uri = 'file:///work/fixall/stale.json';
    await client.open(uri, 'json', '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}');
    const from = client.configurationRequests.all.length;
    // The server asks for this document's settings before answering; the answer is held back
    // until the document has moved on to version 2.
    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    const pending = client.codeActions(uri, { start: { line: 0, character: 30 }, end: { line: 0, character: 36 } }, []);
    await client.configurationRequests.wait((item) => item.scopeUri === uri, 'settings request', from);
    await client.change(uri, '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
    release();
    assert.equal(await pending, null);
  });
});
