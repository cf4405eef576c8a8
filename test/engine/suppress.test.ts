import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../server/src/engine/config';
import { findDirectives } from '../../server/src/engine/suppress';
import { applyEdits } from '../../server/src/engine/text';
import type { Finding } from '../../server/src/engine/types';
import { iamWildcardAction } from '../../server/src/rules/iam/iam-wildcard-action';
import { sdkV2Import } from '../../server/src/rules/sdk/sdk-v2-import';
import { analyzeText } from '../helpers/engine';

const ids = (findings: Finding[]) => findings.map((f) => `${f.ruleId}${f.ruleId === 'unused-suppression' ? `/${f.messageId}` : ''}`);
const run = (path: string, code: string) => {
  const r = analyzeText(path, code);
  assert.deepEqual(r.internalErrors, []);
  return r.findings;
};
const V2 = "const AWS = require('aws-sdk');\n";
const POLICY = (comment: string, after = '') =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${comment}\n    { "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }${after}\n  ]\n}\n`;

describe('suppressions in TypeScript / JavaScript', () => {
  it('without a comment the finding shows', () => assert.deepEqual(ids(run('a.js', V2)), ['sdk-v2-import']));
  it('disable-next-line <id> -- reason', () => assert.deepEqual(ids(run('a.js', `// aws-patterns-disable-next-line sdk-v2-import -- migration tracked in #42\n${V2}`)), []));
  it('disable-next-line only covers the next line', () =>
    assert.deepEqual(ids(run('a.js', `// aws-patterns-disable-next-line sdk-v2-import\n${V2}${V2}`)), ['sdk-v2-import']));
  it('disable-next-line with two IDs, comma separated', () =>
    assert.deepEqual(ids(run('h.js', "exports.handler = async () => {\n  // aws-patterns-disable-next-line sdk-v2-import, lambda-client-in-handler\n  const s3 = new (require('aws-sdk').S3)();\n  return s3;\n};\n")), []));
  it('disable-next-line without IDs covers every rule', () => assert.deepEqual(ids(run('a.js', `// aws-patterns-disable-next-line\n${V2}`)), []));
  it('a block comment directive works too', () => assert.deepEqual(ids(run('a.js', `/* aws-patterns-disable-next-line sdk-v2-import */\n${V2}`)), []));
  it('disable-line at the end of the line', () => assert.deepEqual(ids(run('a.js', "const AWS = require('aws-sdk'); // aws-patterns-disable-line sdk-v2-import\n")), []));
  it('disable ... enable covers the range only', () =>
    assert.deepEqual(ids(run('a.js', `/* aws-patterns-disable sdk-v2-import */\n${V2}${V2}/* aws-patterns-enable sdk-v2-import */\n${V2}`)), ['sdk-v2-import']));
  it('disable without enable runs to the end of the file', () => assert.deepEqual(ids(run('a.js', `/* aws-patterns-disable sdk-v2-import */\n${V2}\n\n${V2}`)), []));
  it('disable (all) with enable <id>: that rule is back on', () =>
    assert.deepEqual(ids(run('a.js', `/* aws-patterns-disable */\n${V2}/* aws-patterns-enable sdk-v2-import */\n${V2}`)), ['sdk-v2-import']));
  it('a directive inside a string or template literal is not a comment', () =>
    assert.deepEqual(ids(run('a.ts', "const s = '// aws-patterns-disable-next-line sdk-v2-import';\nconst t = `/* aws-patterns-disable sdk-v2-import */`;\nimport AWS from 'aws-sdk';\n")), ['sdk-v2-import']));
  it('a directive after a regular expression literal containing slashes is still read', () =>
    assert.deepEqual(ids(run('a.js', `const re = /\\/\\/ x/g; // aws-patterns-disable-line sdk-v2-import\nconst AWS = require('aws-sdk'); // aws-patterns-disable-line sdk-v2-import\n`)), ['unused-suppression/unused']));
  it('other rules on the line are not suppressed by a named directive', () =>
    assert.deepEqual(ids(run('h.js', "exports.handler = async () => {\n  // aws-patterns-disable-next-line sdk-v2-import\n  const s3 = new (require('aws-sdk').S3)();\n  return s3;\n};\n")), ['lambda-client-in-handler']));
});

describe('suppressions in JSON (JSONC comments)', () => {
  it('without a comment the finding shows', () => assert.deepEqual(ids(run('p.json', POLICY(''))), ['iam-wildcard-action']));
  it('disable-next-line in a policy file', () => assert.deepEqual(ids(run('p.json', POLICY('// aws-patterns-disable-next-line iam-wildcard-action -- break-glass role'))), []));
  it('block disable/enable around a statement', () =>
    assert.deepEqual(ids(run('p.json', POLICY('/* aws-patterns-disable iam-wildcard-action */', '\n    /* aws-patterns-enable iam-wildcard-action */'))), []));
  it('an unused suppression in JSON is reported', () =>
    assert.deepEqual(ids(run('p.json', '{\n  // aws-patterns-disable-next-line iam-wildcard-action\n  "Statement": []\n}\n')), ['unused-suppression/unused']));
  it('a misspelled rule ID in JSON is reported and suppresses nothing', () =>
    assert.deepEqual(ids(run('p.json', POLICY('// aws-patterns-disable-next-line iam-wildcard-actions'))), ['unused-suppression/unknownRule', 'iam-wildcard-action']));
});

describe('unused and misspelled suppressions', () => {
  it('unused: reported on the rule ID, with a safe fix removing the comment line', () => {
    const code = `// aws-patterns-disable-next-line sdk-v2-import\nconst x = 1;\n`;
    const [f] = run('a.js', code);
    assert.equal(f.ruleId, 'unused-suppression');
    assert.equal(f.messageId, 'unused');
    assert.equal(f.severity, 'information');
    assert.equal(code.slice(f.start, f.end), 'sdk-v2-import');
    assert.deepEqual(f.tags, ['unnecessary']);
    assert.equal(f.fix?.kind, 'safe');
    assert.equal(applyEdits(code, f.fix!.edits), 'const x = 1;\n');
  });
  it('unused among used IDs: the fix removes that ID only', () => {
    const code = "exports.handler = async () => {\n  // aws-patterns-disable-next-line lambda-client-in-handler, dynamodb-scan -- per-tenant client\n  const s3 = new (require('@aws-sdk/client-s3').S3Client)({});\n  return s3;\n};\n";
    const found = run('h.js', code);
    assert.deepEqual(ids(found), ['unused-suppression/unused']);
    assert.equal(found[0].data?.ruleId, 'dynamodb-scan');
    const fixed = applyEdits(code, found[0].fix!.edits);
    assert.ok(fixed.includes('// aws-patterns-disable-next-line lambda-client-in-handler -- per-tenant client\n'), fixed);
    assert.deepEqual(ids(run('h.js', fixed)), []);
  });
  it('an unused disable/enable pair: one report, the fix removes both comments', () => {
    const code = '/* aws-patterns-disable sdk-v2-import */\nconst x = 1;\n/* aws-patterns-enable sdk-v2-import */\nconst y = 2;\n';
    const found = run('a.js', code);
    assert.deepEqual(ids(found), ['unused-suppression/unused']);
    assert.equal(applyEdits(code, found[0].fix!.edits), 'const x = 1;\nconst y = 2;\n');
  });
  it('an enable with no disable before it is unused', () => assert.deepEqual(ids(run('a.js', '/* aws-patterns-enable sdk-v2-import */\nconst x = 1;\n')), ['unused-suppression/unused']));
  it('an unused ID-less directive, when every rule ran', () => {
    const [f] = run('a.js', '// aws-patterns-disable-next-line\nconst x = 1;\n');
    assert.equal(f.messageId, 'unused');
    assert.equal(f.data?.rules, 'every rule');
  });
  it('a directive naming unused-suppression keeps a suppression on purpose, and is itself judged', () => {
    const kept = '// aws-patterns-disable-next-line unused-suppression -- needed on the v2 branch\n// aws-patterns-disable-next-line sdk-v2-import\nconst x = 1;\n';
    assert.deepEqual(ids(run('a.js', kept)), []);
    assert.deepEqual(ids(run('a.js', '// aws-patterns-disable-next-line unused-suppression\nconst x = 1;\n')), ['unused-suppression/unused']);
  });
  it('a blanket directive does not hide unused-suppression reports', () =>
    assert.deepEqual(ids(run('a.js', '/* aws-patterns-disable */\n// aws-patterns-disable-next-line sdk-v2-imprt\nconst AWS = require("aws-sdk");\n')), ['unused-suppression/unknownRule']));
  it('a trailing comment is removed with the spaces before it', () => {
    const code = 'const x = 1; // aws-patterns-disable-line sdk-v2-import\n';
    const [f] = run('a.js', code);
    assert.equal(applyEdits(code, f.fix!.edits), 'const x = 1;\n');
  });
  it('misspelled: "did you mean", a suggestion to correct it, and the real finding stays', () => {
    const code = `// aws-patterns-disable-next-line sdk-v2-imprt\n${V2}`;
    const found = run('a.js', code);
    assert.deepEqual(ids(found), ['unused-suppression/unknownRule', 'sdk-v2-import']);
    assert.match(found[0].message, /did you mean sdk-v2-import\?/);
    const correct = found[0].suggestions!.find((s) => s.title.includes('Change to'))!;
    assert.deepEqual(ids(run('a.js', applyEdits(code, correct.edits))), []);
  });
  it('a rule turned off in the config is not judged unused', () => {
    const config = defaultConfig();
    config.rules['sdk-v2-import'] = { severity: 'off' };
    const r = analyzeText('a.js', `// aws-patterns-disable-next-line sdk-v2-import\n${V2}`, { config });
    assert.deepEqual(ids(r.findings), []);
  });
  it('unused-suppression: off in the config silences the reports; suppressions still apply', () => {
    const config = defaultConfig();
    config.rules['unused-suppression'] = { severity: 'off' };
    const r = analyzeText('a.js', `// aws-patterns-disable-next-line sdk-v2-imprt\n// aws-patterns-disable-next-line sdk-v2-import\n${V2}`, { config });
    assert.deepEqual(ids(r.findings), []);
  });
  it('unused-suppression severity follows the config', () => {
    const config = defaultConfig();
    config.rules['unused-suppression'] = { severity: 'warning' };
    const r = analyzeText('a.js', '// aws-patterns-disable-next-line sdk-v2-import\nconst x = 1;\n', { config });
    assert.deepEqual(r.findings.map((f) => f.severity), ['warning']);
  });
  it('when only some rules run (a rule table), other rules\' suppressions are not judged, but IDs are still checked', () => {
    const r = analyzeText('a.js', '// aws-patterns-disable-next-line lambda-client-in-handler, no-such-rule\nconst x = 1;\n', { rules: [sdkV2Import, iamWildcardAction] });
    assert.deepEqual(ids(r.findings), []); // unused-suppression itself is not among the rules run
  });
  it('a rule that threw on the file leaves its suppressions unjudged', () => {
    const boom = { ...sdkV2Import, id: 'sdk-v2-import', meta: { ...sdkV2Import.meta, gate: undefined }, create: () => ({ fileEnd: () => { throw new Error('boom'); } }) };
    const { allRules } = require('../../server/src/rules/index') as typeof import('../../server/src/rules/index');
    const rules = allRules.map((r) => (r.id === 'sdk-v2-import' ? boom : r));
    const r = analyzeText('a.js', '// aws-patterns-disable-next-line sdk-v2-import\nconst x = 1;\n', { rules });
    assert.equal(r.internalErrors.length, 1);
    assert.deepEqual(ids(r.findings), []);
  });
});

describe('findDirectives', () => {
  it('parses kind, IDs with offsets, and stops at the reason', () => {
    const text = '// aws-patterns-disable-next-line a-b, c-d -- because e-f\nx;\n';
    const [d] = findDirectives({ path: 'a.ts', text, kind: 'typescript', isTest: false });
    assert.equal(d.kind, 'disable-next-line');
    assert.deepEqual(d.rules.map((r) => [r.id, text.slice(r.start, r.end)]), [['a-b', 'a-b'], ['c-d', 'c-d']]);
  });
  it('ignores comments that merely mention a directive', () =>
    assert.deepEqual(findDirectives({ path: 'a.ts', text: '// see aws-patterns-disable-next-line in the docs\n', kind: 'typescript', isTest: false }), []));
});
