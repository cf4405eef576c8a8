// `aws-patterns audit`, run as users run it: the bundled dist/cli.js in a child process, over a
// workspace written to a temporary folder. Output formats, file discovery and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { version } from '../../package.json';
import { RULE_DOCS_BASE_URL } from '../../server/src/rules/docsUrl';
import { allRules } from '../../server/src/rules/index';
import { validateSarif } from '../helpers/sarif';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

const ADMIN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "*", "Resource": "*" }\n  ]\n}\n';
const S3_STAR = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }]\n}\n';
const CLEAN = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }]\n}\n';

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function audit(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('aws-patterns audit', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-cli-'));
    write(ws, {
      'policies/admin.json': ADMIN,
      'policies/s3.json': S3_STAR,
      'policies/clean.json': CLEAN,
      'policies/broken.json': '{ "Statement": [ ',
      'package.json': '{ "name": "x", "version": "1.0.0" }\n',
      'node_modules/dep/policy.json': ADMIN,
      'cdk.out/Stack.template.json': ADMIN,
      'test/integ.app.ts.snapshot/Stack.template.json': ADMIN,
      'dist/policy.json': ADMIN,
      '.git/policy.json': ADMIN,
      'notes.txt': ADMIN,
    });
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('prints findings grouped by file with rule IDs and a summary, and fails on an error', () => {
    const r = audit(ws, 'audit');
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    const admin = lines.indexOf('policies/admin.json');
    assert.ok(admin >= 0, r.stdout);
    assert.match(lines[admin + 1], /^ {2}4:36 +error +Action "\*" .* iam-wildcard-action$/);
    assert.ok(lines.includes('policies/s3.json'));
    assert.ok(lines.includes('policies/broken.json'), 'a parse notice is shown');
    assert.ok(!r.stdout.includes('node_modules') && !r.stdout.includes('cdk.out') && !r.stdout.includes('.snapshot/') && !r.stdout.includes('dist/') && !r.stdout.includes('.git/'), 'skipped folders');
    assert.ok(!r.stdout.includes('clean.json') && !r.stdout.includes('package.json'), 'files without findings are not listed');
    assert.match(lines.filter(Boolean).at(-1)!, /^\d+ findings? \(\d+ errors?, \d+ warnings?, \d+ information\) in \d+ files?; 5 files checked; 1 file with notices\.$/);
  });

  it('exits by --fail-on: never, and warning when only warnings are found', () => {
    assert.equal(audit(ws, 'audit', '--fail-on', 'never').code, 0);
    assert.equal(audit(ws, 'audit', 'policies/s3.json').code, 0, 'warnings do not fail at the default (error)');
    assert.equal(audit(ws, 'audit', 'policies/s3.json', '--fail-on', 'warning').code, 1);
    const clean = audit(ws, 'audit', 'policies/clean.json', 'package.json', '--fail-on', 'information');
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, 'No findings; 2 files checked.\n');
  });

  it('writes JSON with 1-based positions', () => {
    const r = audit(ws, 'audit', 'policies', '--format', 'json');
    const report = JSON.parse(r.stdout);
    assert.equal(report.version, version);
    const admin = report.files.find((f: { path: string }) => f.path === 'policies/admin.json');
    assert.deepEqual(
      admin.findings.map((f: Record<string, unknown>) => [f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn]).filter((f: unknown[]) => f[0] === 'iam-wildcard-action'),
      [["iam-wildcard-action", "error", 4, 36, 4, 39]],
    );
    assert.equal(report.summary.filesChecked, 4);
    assert.equal(report.summary.error + report.summary.warning + report.summary.information + report.summary.hint, report.summary.findings);
  });

  it('writes SARIF 2.1.0: one descriptor per rule, results with 1-based regions', () => {
    const out = join(ws, 'reports', 'audit.sarif');
    const r = audit(ws, 'audit', 'policies', '--format', 'sarif', '--output', 'reports/audit.sarif');
    assert.equal(r.stdout, '', 'the report goes to the file');
    assert.equal(r.code, 1);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(validateSarif(sarif), [], 'valid against the SARIF 2.1.0 schema');
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    const rules = run.tool.driver.rules;
    assert.deepEqual(
      rules.map((d: { id: string }) => d.id),
      allRules.map((r) => r.id),
    );
    for (const d of rules) {
      const rule = allRules.find((r) => r.id === d.id)!;
      assert.equal(d.shortDescription.text, rule.meta.description);
      assert.equal(d.helpUri, `${RULE_DOCS_BASE_URL}${d.id}.md`);
      assert.ok(['error', 'warning', 'note'].includes(d.defaultConfiguration.level));
    }
    const admin = run.results.find((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri === 'policies/admin.json');
    assert.equal(admin.ruleId, 'iam-wildcard-action');
    assert.equal(rules[admin.ruleIndex].id, admin.ruleId);
    assert.equal(admin.level, 'error');
    assert.deepEqual(admin.locations[0].physicalLocation.region, { startLine: 4, startColumn: 36, endLine: 4, endColumn: 39 });
    assert.equal(admin.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    const notices = run.invocations[0].toolExecutionNotifications;
    assert.ok(notices.some((n: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => n.locations[0].physicalLocation.artifactLocation.uri === 'policies/broken.json'));
  });

  it('gives every SARIF result a fingerprint that survives lines moving above it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-patterns-fp-'));
    // Two handlers building a client per call: the rule has no key of its own, so the
    // fingerprint comes from the code and which occurrence of it a finding is.
    const handler = [
      "import { S3Client } from '@aws-sdk/client-s3';",
      'export const a = async (event: unknown, context: unknown) => {',
      '  const s3 = new S3Client({});',
      '  return s3;',
      '};',
      'export const b = async (event: unknown, context: unknown) => {',
      '  const s3 = new S3Client({});',
      '  return s3;',
      '};',
      '',
    ].join('\n');
    const fingerprints = (): { line: number; print: string }[] => {
      const r = audit(dir, 'audit', 'handler.ts', '--format', 'sarif');
      const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      return results
        .filter((x) => x.ruleId === 'lambda-client-in-handler')
        .map((x) => ({ line: x.locations[0].physicalLocation.region.startLine, print: x.partialFingerprints['awsPatternsKey/v1'] }));
    };
    try {
      write(dir, { 'handler.ts': handler });
      const before = fingerprints();
      assert.equal(before.length, 2);
      assert.notEqual(before[0].print, before[1].print, 'two occurrences of the same code differ');
      write(dir, { 'handler.ts': `// a comment\n// and another\n${handler.replace('new S3Client', 'new  S3Client')}` });
      const after = fingerprints();
      assert.deepEqual(after.map((x) => x.line), before.map((x) => x.line + 2));
      assert.deepEqual(after.map((x) => x.print), before.map((x) => x.print), 'same fingerprints after the lines moved (and spacing changed)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps rules' own keys out of offsets: SARIF fingerprints survive moved lines, and no two results of a file share one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-patterns-fp-keys-'));
    const files = {
      // lambda-env-validation keys by variable name; it used to add the read's offset.
      'handler.ts': "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';\n\nconst TABLE = process.env.TABLE!;\nconst db = new DynamoDBClient({});\n\nexport const handler = async () => db.send(new GetItemCommand({ TableName: TABLE, Key: {} }));\n",
      // Two statements with the same wildcard: the same rule key twice in one file.
      'policy.json': '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*" },\n    { "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::archive/*" }\n  ]\n}\n',
      // iam-broad-managed-policy keyed by policy name; it used to add the argument's offset.
      'stack.ts': "import * as iam from 'aws-cdk-lib/aws-iam';\nimport { Stack } from 'aws-cdk-lib';\n\nconst stack = new Stack();\nnew iam.Role(stack, 'A', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess')] });\nnew iam.Role(stack, 'B', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3FullAccess')] });\n",
    };
    const prints = () => {
      const r = audit(dir, 'audit', '--format', 'sarif', '--fail-on', 'never');
      const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      return results.map((x) => `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.partialFingerprints['awsPatternsKey/v1']}`).sort();
    };
    try {
      write(dir, files);
      const before = prints();
      assert.deepEqual(before.filter((p) => /lambda-env-validation|iam-wildcard-action|iam-broad-managed-policy/.test(p)), [
        'handler.ts lambda-env-validation:asserted::TABLE',
        'policy.json iam-wildcard-action:Action::s3:*',
        'policy.json iam-wildcard-action:Action::s3:*:2',
        'stack.ts iam-broad-managed-policy:AmazonS3FullAccess',
        'stack.ts iam-broad-managed-policy:AmazonS3FullAccess:2',
      ]);
      assert.equal(new Set(before).size, before.length, 'every result has a fingerprint of its own');
      write(dir, {
        'handler.ts': `// moved\n\n${files['handler.ts']}`,
        'policy.json': files['policy.json'].replace('{\n', '{\n  "Id": "moved",\n'),
        'stack.ts': files['stack.ts'].replace('const stack', '// moved\nconst stack'),
      });
      assert.deepEqual(prints(), before, 'same fingerprints after the lines moved');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads ./.aws-patterns.json, or --config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-patterns-cfg-'));
    try {
      write(dir, { 'p.json': ADMIN, '.aws-patterns.json': '{ "rules": { "iam-wildcard-action": "off" } }', 'strict.json': '{ "rules": { "iam-wildcard-action": "warning" } }' });
      const off = audit(dir, 'audit');
      assert.equal(off.code, 0);
      assert.match(off.stdout, /^No findings; 2 files checked\.$/m, 'the config file itself is not audited');
      const warn = audit(dir, 'audit', '--config', 'strict.json', 'p.json');
      assert.equal(warn.code, 0);
      assert.match(warn.stdout, /warning +Action "\*"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a broken config, naming the problem and its position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-patterns-bad-'));
    try {
      write(dir, { 'p.json': ADMIN, '.aws-patterns.json': '{\n  "rules": { "iam-wildcard-action": "loud" }\n}' });
      const r = audit(dir, 'audit');
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /\.aws-patterns\.json:2:37: Severity must be one of/);
      assert.equal(audit(dir, 'audit', '--config', 'missing.json').code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on usage errors, 0 for --help and --version', () => {
    for (const args of [['audit', '--format', 'xml'], ['audit', '--fail-on', 'critical'], ['scan'], ['audit', '--bogus'], ['audit', 'no/such/path']]) {
      const r = audit(ws, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^aws-patterns: /);
    }
    const help = audit(ws, '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: aws-patterns audit/);
    assert.deepEqual(audit(ws, '--version'), { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('notes explicitly named files it cannot analyze on stderr', () => {
    const r = audit(ws, 'audit', 'notes.txt', 'policies/clean.json');
    assert.equal(r.code, 0);
    assert.match(r.stderr, /skipped notes\.txt/);
  });

  it('audits the bundled examples (npm run sample)', () => {
    const r = audit(join(__dirname, '..', '..'), 'audit', 'examples', '--fail-on', 'never');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^examples\/policies\/admin-everything\.json\n {2}7:17 +error +Action "\*"/m);
    assert.ok(!r.stdout.includes('least-privilege.json'), 'the least-privilege example is clean');
  });
});
