// The handler samples the README's audit command runs: every file analyzes without internal
// errors, the samples at the top level show each handler rule at least once, and the files under
// compliant/ draw no finding at all.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { describeFinding } from './helpers/rule-tester';
import { analyzeText, repoRoot } from './helpers/engine';

const root = join(repoRoot, 'examples', 'handlers');
const HANDLER_RULES = [
  'lambda-client-in-handler',
  'lambda-env-validation',
  'lambda-error-details-leak',
  's3-presigned-url-expiry',
  's3-presigned-put-unconstrained',
  's3-large-upload-without-multipart',
  'sqs-unbatched-send',
  'sqs-batch-too-large',
  'sqs-fifo-missing-group-id',
  'sqs-partial-batch-failures',
  'secrets-fetched-per-invocation',
  'error-v2-code-check',
  'sdk-v2-import',
  'dynamodb-scan',
  'hardcoded-local-endpoint',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mts|cts|js|mjs|cjs)$/.test(name) ? [p] : [];
  });
}

describe('examples/handlers', () => {
  // Paths relative to the project, as the server and the CLI give them: path conventions (test
  // folders, local tooling) must not depend on where the checkout lives.
  const all = files(root).map((path) => ({ path: relative(repoRoot, path), result: analyzeText(relative(repoRoot, path), readFileSync(path, 'utf8')) }));
  it('has TypeScript, ESM and CommonJS samples', () => {
    for (const ext of ['.ts', '.mjs', '.cjs']) assert.ok(all.some((f) => f.path.endsWith(ext)), ext);
  });
  for (const f of all) {
    it(`${f.path} analyzes cleanly`, () => {
      assert.deepEqual(f.result.internalErrors, []);
      assert.deepEqual(f.result.notices, []);
    });
  }
  it('the samples show every handler rule', () => {
    const shown = new Set(all.filter((f) => !f.path.includes('compliant')).flatMap((f) => f.result.findings.map((x) => x.ruleId)));
    assert.deepEqual(HANDLER_RULES.filter((id) => !shown.has(id)), []);
  });
  it('sqs-partial-batch-failures shows both sides (handler and CDK event source)', () => {
    const ids = all.flatMap((f) => f.result.findings.filter((x) => x.ruleId === 'sqs-partial-batch-failures').map((x) => x.messageId));
    assert.deepEqual([...new Set(ids)].sort(), ['eventSourceWithoutReport', 'handlerWithoutFailures']);
  });
  for (const f of all.filter((x) => x.path.includes('compliant'))) {
    it(`${f.path} draws no finding`, () => assert.deepEqual(f.result.findings.map(describeFinding), []));
  }
});
