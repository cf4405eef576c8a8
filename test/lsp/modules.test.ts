// The server's small helper modules, on their own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../shared/settings';
import { defaultConfig } from '../../server/src/engine/config';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { kindRequested } from '../../server/src/lsp/codeActions';
import { hoverFor } from '../../server/src/lsp/hover';
import { rulesById } from '../../server/src/rules/index';
import { analyzeText } from '../helpers/engine';
import { cancelUndispatched } from '../../server/src/lsp/stale';
import { Workspace, effectiveConfig, isConfigFile } from '../../server/src/lsp/workspace';

describe('server modules', () => {
  it('answers an undispatched, cancelled code action request with null and leaves others to the default', () => {
    const fallback = { jsonrpc: '2.0', id: 9, error: { code: -32800, message: 'cancelled' } };
    assert.deepEqual(cancelUndispatched({ jsonrpc: '2.0', id: 7, method: 'textDocument/codeAction', params: {} } as never, () => fallback), { jsonrpc: '2.0', id: 7, result: null });
    assert.equal(cancelUndispatched({ jsonrpc: '2.0', id: 8, method: 'textDocument/hover', params: {} } as never, () => fallback), fallback);
  });

  it('matches code action kinds hierarchically', () => {
    assert.ok(kindRequested(undefined, 'source.fixAll.awsPatterns'));
    assert.ok(kindRequested(['source'], 'source.fixAll.awsPatterns'));
    assert.ok(kindRequested(['source.fixAll'], 'source.fixAll.awsPatterns'));
    assert.ok(!kindRequested(['quickfix'], 'source.fixAll.awsPatterns'));
    assert.ok(!kindRequested(['source.organizeImports'], 'source.fixAll.awsPatterns'));
  });

  it('normalizes settings: defaults for missing or malformed values, unknown severities dropped', () => {
    const none = { ignore: [], trustedAccounts: [], presignedUrlMaxSeconds: null };
    assert.deepEqual(normalizeSettings(undefined), { enable: true, rules: {}, ...none });
    assert.deepEqual(normalizeSettings({ enable: 'no', rules: { a: 'off', b: 'loud', c: 3 } }), { enable: true, rules: { a: 'off' }, ...none });
    assert.deepEqual(
      normalizeSettings({ ignore: ['gen/**', 3, ''], trustedAccounts: ['123456789012', '12', 7], presignedUrlMaxSeconds: 900 }),
      { enable: true, rules: {}, ignore: ['gen/**'], trustedAccounts: ['123456789012'], presignedUrlMaxSeconds: 900 },
    );
    assert.equal(normalizeSettings({ presignedUrlMaxSeconds: -1 }).presignedUrlMaxSeconds, null);
  });

  it('lets editor severities override the config file rule by rule', () => {
    const base = defaultConfig();
    base.rules['r-1'] = { severity: 'warning', options: { x: 1 } };
    const config = effectiveConfig({ uri: 'file:///w/.aws-patterns.json', text: '{}', config: base, problems: [] }, {
      ...DEFAULT_SETTINGS,
      rules: { 'r-1': 'off', 'r-2': 'error' },
    });
    assert.deepEqual(config.rules, { 'r-1': { severity: 'off', options: { x: 1 } }, 'r-2': { severity: 'error' } });
    assert.equal(base.rules['r-1'].severity, 'warning', 'the cached config is not mutated');
  });

  it('finds the innermost workspace folder, its config file, and workspace-relative paths', () => {
    const files: Record<string, string> = { '/w/.aws-patterns.json': '{ "rules": { "iam-wildcard-action": "off" } }' };
    const ws = new Workspace({ readFile: (p) => files[p] });
    ws.setFolders([
      { uri: 'file:///w', name: 'w' },
      { uri: 'file:///w/nested', name: 'nested' },
    ]);
    assert.equal(ws.folderOf('file:///w/nested/a.json')?.name, 'nested');
    assert.equal(ws.folderOf('file:///wx/a.json'), undefined, 'a prefix of the name is not a parent folder');
    assert.equal(ws.displayPath('file:///w/tests/a.json'), 'tests/a.json');
    assert.equal(ws.configFor('file:///w/a.json')?.config.rules['iam-wildcard-action']?.severity, 'off');
    assert.equal(ws.configFor('file:///w/nested/a.json')?.text, undefined, 'the nested folder has no config');
    assert.equal(ws.configFor('untitled:Untitled-1'), undefined);
    assert.ok(isConfigFile('file:///w/.aws-patterns.json'));
    assert.ok(!isConfigFile('file:///w/my.aws-patterns.json'));
  });

  it('hovers in plain text for clients without markdown, and not at all off a finding', () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}';
    const doc = TextDocument.create('file:///w/p.json', 'json', 1, text);
    const { findings } = analyzeText('p.json', text);
    const at = doc.positionAt(text.indexOf('s3:*'));
    const hover = hoverFor(doc, findings, at, rulesById, false);
    assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents);
    assert.equal(hover.contents.kind, 'plaintext');
    assert.ok(hover.contents.value.startsWith('Wildcard IAM action (iam-wildcard-action)'));
    assert.ok(!hover.contents.value.includes('```'));
    assert.equal(hoverFor(doc, findings, { line: 0, character: 1 }, rulesById, false), null);
  });
});
