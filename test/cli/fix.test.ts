// `aws-patterns audit --fix`: the engine's fixAll (safe fixes only) rewrites the files, the report
// shows what is left, and a second run finds nothing it can fix.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixAll } from '../../server/src/engine/fixes';
import { iam, parseProblems } from '../helpers/engine';
import { writeFiles } from '../helpers/workspace';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

// s3-bucket-encryption has a safe fix (state the default SSE-S3 encryption); the other bucket
// findings only have fixes that change the deployed bucket, which --fix leaves alone.
const STACK = `import * as s3 from 'aws-cdk-lib/aws-s3';

export function buckets(scope: any) {
  new s3.Bucket(scope, 'Logs', { versioned: true, enforceSSL: true });
  const exports = new s3.Bucket(scope, 'Exports');
  return exports;
}
`;
const ADMIN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "*", "Resource": "*" }\n  ]\n}\n';

function audit(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'audit', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  files: { path: string; findings: { ruleId: string; fix?: string }[] }[];
  summary: { findings: number; fixesApplied?: number; filesFixed?: number };
}

describe('aws-patterns audit --fix', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-fix-'));
    writeFiles(ws, { 'lib/storage.ts': STACK, 'policies/admin.json': ADMIN, 'policies/broken.json': '{ "Statement": [ ' });
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('rewrites the files with the safe fixes, exactly as the engine fixAll does, and reports what is left', () => {
    const expected = fixAll({ path: 'lib/storage.ts', text: STACK }, { iam });
    assert.ok(expected.applied >= 2, 'the fixture has safe fixes');
    const r = audit(ws, '--fix', '--format', 'json', '--fail-on', 'never');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.summary.fixesApplied, expected.applied);
    assert.equal(report.summary.filesFixed, 1);
    const fixed = readFileSync(join(ws, 'lib/storage.ts'), 'utf8');
    assert.equal(fixed, expected.text);
    assert.match(fixed, /new s3\.Bucket\(scope, 'Exports', \{ encryption: s3\.BucketEncryption\.S3_MANAGED \}\)/);
    assert.deepEqual(parseProblems('lib/storage.ts', fixed), [], 'the fixed file still parses');
    // What is left is reported; none of it has a safe fix.
    const storage = report.files.find((f) => f.path === 'lib/storage.ts')!;
    assert.ok(storage.findings.length > 0);
    assert.ok(!storage.findings.some((f) => f.ruleId === 's3-bucket-encryption'));
    assert.equal(readFileSync(join(ws, 'policies/admin.json'), 'utf8'), ADMIN, 'no safe fix, no change');
    assert.equal(readFileSync(join(ws, 'policies/broken.json'), 'utf8'), '{ "Statement": [ ', 'a broken file is left as it is');
  });

  it('finds nothing fixable on a second run, and leaves the files as they are', () => {
    const before = readFileSync(join(ws, 'lib/storage.ts'), 'utf8');
    const check = JSON.parse(audit(ws, '--format', 'json', '--fail-on', 'never').stdout) as JsonReport;
    assert.deepEqual(
      check.files.flatMap((f) => f.findings.filter((x) => x.fix === 'safe')),
      [],
    );
    const again = audit(ws, '--fix', '--fail-on', 'never');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /; 0 fixes applied in 0 files\.\n$/);
    assert.equal(readFileSync(join(ws, 'lib/storage.ts'), 'utf8'), before);
  });

  it('still exits by --fail-on on what is left', () => {
    const r = audit(ws, '--fix');
    assert.equal(r.code, 1, 'the admin policy keeps its error');
    assert.match(r.stdout, /iam-wildcard-action/);
  });
});
