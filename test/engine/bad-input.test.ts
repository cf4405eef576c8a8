// Bad input never throws and always gets a clear, single answer: findings, a notice, or nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../server/src/engine/config';
import { MAX_JSON_DEPTH, nestingBeyond } from '../../server/src/engine/json/front';
import type { AnalysisResult } from '../../server/src/engine/types';
import { allRules } from '../../server/src/rules/index';
import { analyzeText } from '../helpers/engine';

function run(path: string, text: string, config = defaultConfig()): AnalysisResult {
  const result = analyzeText(path, text, { config });
  assert.deepEqual(result.internalErrors.map((e) => `${e.ruleId}: ${e.message}`), [], 'no rule may throw');
  return result;
}
const ids = (r: AnalysisResult) => r.findings.map((f) => `${f.ruleId}/${f.messageId}`);

describe('bad input', () => {
  it('invalid JSON: one notice at the first error, findings for what could be read', () => {
    const text = '{\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }\n  \n';
    const r = run('policy.json', text);
    assert.equal(r.notices.length, 1);
    assert.match(r.notices[0].message, /could not parse this JSON \(\w+/);
    assert.ok(r.notices[0].start >= text.lastIndexOf('}'), 'the notice points at the break, not the top of the file');
    assert.deepEqual(ids(r), ['iam-wildcard-action/serviceWildcard']);
  });

  it('text that is not JSON at all: a notice and nothing else', () => {
    const r = run('notes.json', 'this is not json, it is prose: Action * Resource *');
    assert.equal(r.notices.length, 1);
    assert.deepEqual(ids(r), []);
  });

  it('an empty or blank file: nothing (it is being written)', () => {
    for (const text of ['', '   \n\t\n', '\uFEFF']) {
      const r = run('policy.json', text);
      assert.deepEqual([r.notices, r.findings], [[], []], JSON.stringify(text));
    }
  });

  it('a byte-order mark is not an error, and positions stay right', () => {
    const text = '\uFEFF{"Statement":[{"Effect":"Allow","Action":"s3:GetObjet","Resource":"arn:aws:s3:::b/*"}]}';
    const r = run('policy.json', text);
    assert.deepEqual(r.notices, []);
    assert.deepEqual(ids(r), ['iam-unknown-action/unknownAction']);
    assert.equal(text.slice(r.findings[0].start, r.findings[0].end), '"s3:GetObjet"');
  });

  it('non-policy JSON (package.json, tsconfig.json with comments): no findings, no notices', () => {
    const packageJson = JSON.stringify(
      { name: 'my-app', version: '1.0.0', private: true, scripts: { build: 'tsc', test: 'node --test' }, dependencies: { '@aws-sdk/client-s3': '^3.700.0', 'aws-cdk-lib': '^2.170.0' }, devDependencies: { typescript: '~5.6.0' } },
      null,
      2,
    );
    const tsconfig = '{\n  // Strict everywhere\n  "compilerOptions": {\n    "target": "ES2022",\n    "module": "commonjs",\n    "strict": true, /* no implicit any */\n    "outDir": "dist",\n  },\n  "include": ["src/**/*"],\n}\n';
    for (const [path, text] of [['package.json', packageJson], ['tsconfig.json', tsconfig], ['cdk.json', '{ "app": "npx ts-node bin/app.ts", "context": { "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy": true } }']]) {
      const r = run(path, text);
      assert.deepEqual([ids(r), r.notices], [[], []], path);
    }
  });

  it('a policy with wrong types: no exception, no finding about what cannot be read', () => {
    const texts = [
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":42,"Resource":"*"}]}',
      '{"Version":"2012-10-17","Statement":{}}',
      '{"Version":"2012-10-17","Statement":"s3:*"}',
      '{"Statement":[{"Effect":true,"Action":[1,null,{}],"Resource":null,"Principal":5,"Condition":[]}, 5, "x", null, []]}',
      '{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":7,"Unknown":"x"},"Condition":{"StringEquals":"x"}}]}',
      '{"Statement":[{"Effect":"Allow","NotAction":{},"NotResource":7,"NotPrincipal":[]}]}',
    ];
    for (const text of texts) {
      const r = run('policy.json', text);
      assert.deepEqual(r.notices, [], text);
      // Only NotAction/NotResource/NotPrincipal keys themselves can be reported: their presence is known.
      assert.ok(ids(r).every((id) => id.startsWith('iam-not-action-allow/')), `${text}: ${ids(r).join(', ')}`);
    }
  });

  it('a statement object is legal IAM and is analyzed', () => {
    const r = run('policy.json', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}');
    assert.deepEqual(ids(r), ['iam-wildcard-action/allActions']);
  });

  it('broken TypeScript: one notice at the error, and the findings of what parsed', () => {
    const text = "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Logs', { versioned: false });\nconst x = ;\n";
    const r = run('stack.ts', text);
    assert.equal(r.notices.length, 1);
    assert.match(r.notices[0].message, /syntax error here \(Expression expected\.\)/);
    assert.equal(r.notices[0].start, text.indexOf(';', text.indexOf('const x')));
    assert.ok(ids(r).includes('s3-bucket-versioning/disabled'), ids(r).join());
  });

  it('octal literals and escapes: legal in a plain JavaScript script, an error in a module or TypeScript', () => {
    const script = "var ESC = '\\033[0m';\nvar mode = 0755;\nmodule.exports = { ESC, mode };\n";
    assert.deepEqual(run('lib/colors.js', script).notices, []);
    assert.deepEqual(run('lib/colors.cjs', script).notices, []);
    const module = "export const ESC = '\\033[0m';\n";
    assert.equal(run('lib/colors.mjs', module).notices.length, 1);
    assert.equal(run('lib/colors.js', module).notices.length, 1);
    assert.match(run('lib/colors.ts', "const ESC = '\\033[0m';\n").notices[0]?.message ?? '', /Octal escape sequences are not allowed/);
  });

  it('a binary file: skipped with a notice', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)]);
    for (const text of [bytes.toString('latin1'), bytes.toString('utf8')]) {
      const r = run('image.json', text);
      assert.deepEqual(ids(r), []);
      assert.equal(r.notices.length, 1);
      assert.match(r.notices[0].message, /binary/);
    }
  });

  it('JSON nested deeper than the parser can recurse: skipped with a notice', () => {
    const r = run('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    assert.equal(r.notices.length, 1);
    assert.match(r.notices[0].message, /nests more than/);
  });

  it('the nesting limit: counted exactly, brackets in strings and comments not counted', () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    assert.equal(nestingBeyond(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH), -1);
    assert.equal(nestingBeyond(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH), MAX_JSON_DEPTH);
    // Many brackets in all (more than the limit), none of them deep.
    assert.equal(nestingBeyond(`[${'{},'.repeat(MAX_JSON_DEPTH * 2)}{}]`, MAX_JSON_DEPTH), -1);
    assert.equal(nestingBeyond(`["${'['.repeat(MAX_JSON_DEPTH * 2)}"] // ${'{'.repeat(MAX_JSON_DEPTH)}`, MAX_JSON_DEPTH), -1);
  });

  it('a file over maxFileBytes: skipped with a notice that says so', () => {
    const config = defaultConfig();
    config.settings.maxFileBytes = 1024 * 1024;
    const r = run('big.json', `[${'"x",'.repeat(300_000)}"x"]`, config);
    assert.deepEqual(ids(r), []);
    assert.equal(r.notices.length, 1);
    assert.match(r.notices[0].message, /skipped this file: 1\.1 MB is over the 1\.0 MB limit \(maxFileBytes\)/);
  });

  it('a 5 MB policy file is analyzed completely, in reasonable time', () => {
    const statements: string[] = [];
    const kinds = [
      '{"Sid":"S%","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket-%/*"}',
      '{"Sid":"W%","Effect":"Allow","Action":"dynamodb:*","Resource":"*"}',
      '{"Sid":"T%","Effect":"Allow","Action":["sqs:SendMessage","sqs:SendMessageBatch"],"Resource":"arn:aws:sqs:us-east-1:123456789012:q%"}',
      '{"Sid":"D%","Effect":"Deny","NotAction":["iam:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}',
    ];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const s = kinds[i % kinds.length].replace(/%/g, String(i));
      statements.push(s);
      size += s.length + 4;
    }
    const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}\n`;
    const t0 = performance.now();
    const r = run('huge-policy.json', text);
    const ms = performance.now() - t0;
    console.log(`# 5 MB policy: ${(text.length / 1048576).toFixed(1)} MB, ${statements.length} statements, ${r.findings.length} findings in ${ms.toFixed(0)} ms`);
    assert.deepEqual(r.notices, []);
    // Every statement was read: one finding per statement of each offending kind, none for the others.
    const written = (sid: string) => statements.filter((s) => s.startsWith(`{"Sid":"${sid}`)).length;
    const count = (id: string) => ids(r).filter((x) => x === id).length;
    assert.equal(count('iam-wildcard-action/serviceWildcard'), written('W'));
    assert.equal(count('iam-wildcard-resource/wildcardResource'), written('W'));
    assert.equal(count('iam-unknown-action/apiOperation'), written('T'));
    assert.equal(r.findings.length, 2 * written('W') + written('T'));
    assert.ok(ms < 20_000, `took ${ms} ms`);
  });

  it('a 5 MB data file (not a policy) is read for credentials only', () => {
    const rows = [];
    for (let i = 0; i < 60_000; i++) rows.push({ id: i, name: `item-${i}`, tags: ['a', 'b'], note: 'lorem ipsum dolor sit amet' });
    rows[31_337] = { id: 31_337, name: 'leak', tags: [], note: 'AKIAIOSFODNN7EXAMPLE' };
    const text = JSON.stringify(rows, null, 1);
    const t0 = performance.now();
    const r = run('data.json', text);
    console.log(`# 5 MB data file: ${(text.length / 1048576).toFixed(1)} MB in ${(performance.now() - t0).toFixed(0)} ms`);
    assert.deepEqual(ids(r), ['iam-hardcoded-credentials/accessKeyId']);
  });

  it('every rule copes with every bad input above without throwing', () => {
    // run() asserted no internal errors for each case; make sure all rules were active.
    assert.ok(allRules.length >= 7);
  });
});
