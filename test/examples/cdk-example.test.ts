// The sample CDK app (examples/cdk) shows every CDK rule at least once and keeps its compliant
// constructs silent: it is what the README's audit command runs on.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lineIndex } from '../../server/src/engine/text';
import type { Finding } from '../../server/src/engine/types';
import { allRules } from '../../server/src/rules/index';
import { analyzeText, parseProblems, repoRoot } from '../helpers/engine';

const dir = join(repoRoot, 'examples', 'cdk');
const files = ['bin/app.ts', ...readdirSync(join(dir, 'lib')).map((f) => `lib/${f}`)];
const results = files.map((f) => {
  const text = readFileSync(join(dir, f), 'utf8');
  return { f, text, findings: analyzeText(join(dir, f), text).findings };
});
const all: (Finding & { file: string; line: number })[] = results.flatMap((r) => r.findings.map((x) => ({ ...x, file: r.f, line: lineIndex(r.text).position(x.start).line + 1 })));

/** Findings on the construct whose id is `id` (the line of `new X(this, 'id'`). */
function on(id: string, raw = `'${id}'`): string[] {
  const r = results.find((x) => x.text.includes(raw))!;
  const line = lineIndex(r.text).position(r.text.indexOf(raw)).line + 1;
  return all.filter((x) => x.file === r.f && x.line >= line - 1 && x.line <= line + 1).map((x) => x.ruleId);
}

describe('examples/cdk', () => {
  it('parses', () => {
    for (const r of results) assert.deepEqual(parseProblems(r.f, r.text), [], r.f);
  });
  it('has at least 15 constructs', () => {
    const count = results.reduce((n, r) => n + (r.text.match(/\bnew [\w.]+\(this, '/g) ?? []).length, 0);
    assert.ok(count >= 15, `${count} constructs`);
  });
  it('shows every CDK rule at least once', () => {
    const cdkRules = allRules.filter((r) => ['s3', 'lambda', 'dynamodb'].includes(r.meta.service) && r.meta.languages.includes('typescript') && !['lambda-client-in-handler', 'lambda-env-validation', 'lambda-error-details-leak', 'dynamodb-scan', 's3-presigned-url-expiry', 's3-presigned-put-unconstrained', 's3-large-upload-without-multipart'].includes(r.id));
    const seen = new Set(all.map((f) => f.ruleId));
    assert.deepEqual(cdkRules.map((r) => r.id).filter((id) => !seen.has(id)), []);
  });
  it('keeps the compliant constructs silent', () => {
    for (const id of ['Uploads', 'Orders', 'GetOrder', 'ProcessOrder', 'AccessLogs']) {
      const ruleIds = on(id).filter((r) => !(id === 'AccessLogs' && r === 's3-bucket-lifecycle'));
      assert.deepEqual(ruleIds, [], id);
    }
  });
  it('stays silent on helper-built functions whose props come from a parameter', () => {
    assert.deepEqual(on('', '`${name}Step`'), []);
  });
});
