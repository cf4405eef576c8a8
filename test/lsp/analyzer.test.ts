// The server's analyzer with a rule that always throws: the failure goes to the log with the
// rule's ID and stack, and the other rules' diagnostics still arrive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defineRule } from '../../server/src/engine/rule';
import { Analyzer, STALE } from '../../server/src/lsp/analyzer';
import { Workspace } from '../../server/src/lsp/workspace';
import { iamWildcardAction } from '../../server/src/rules/iam/iam-wildcard-action';
import { iam } from '../helpers/engine';

const alwaysThrows = defineRule({
  ...iamWildcardAction,
  id: 'test-always-throws',
  create: () => ({
    policyStatement() {
      throw new Error('boom');
    },
  }),
});

const POLICY = '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}';

describe('server analyzer', () => {
  it('logs a failing rule and keeps the other rules’ diagnostics', async () => {
    const errors: string[] = [];
    const analyzer = new Analyzer(() => iam, new Workspace({}), { error: (m) => errors.push(m), info: () => {} }, [alwaysThrows, iamWildcardAction]);
    const report = await analyzer.report(TextDocument.create('file:///w/p.json', 'json', 1, POLICY));
    assert.notEqual(report, STALE);
    if (report === STALE) return;
    assert.deepEqual(
      report.diagnostics.map((d) => d.code),
      ['iam-wildcard-action'],
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^Rule test-always-throws failed on \/w\/p\.json .*Error: boom/s);
  });

  it('gives up on a stale document and caches by version', async () => {
    const analyzer = new Analyzer(() => iam, new Workspace({}), { error: () => {}, info: () => {} });
    const doc = TextDocument.create('file:///w/p.json', 'json', 1, POLICY);
    assert.equal(await analyzer.report(doc, () => true), STALE);
    const first = await analyzer.report(doc);
    assert.equal(await analyzer.report(doc), first, 'same version: the cached report');
    TextDocument.update(doc, [{ text: '{}' }], 2);
    assert.notEqual(await analyzer.report(doc), first);
  });
});
