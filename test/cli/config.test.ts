// `.aws-patterns.json` as the CLI applies it, and the file discovery both the CLI and the editor's
// audit use: per-rule severity and `off`, ignore patterns, trusted accounts, a broken file, and
// the .gitignore files of the repository.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { discoverFiles } from '../../server/src/audit/discover';
import { parseConfig } from '../../server/src/engine/config';
import { rulesById } from '../../server/src/rules/index';
import { writeFiles } from '../helpers/workspace';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const ADMIN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "*", "Resource": "*" }\n  ]\n}\n';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
});

const PRESIGN =
  "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\nexport const url = (key: string) => getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 1800 });\n";

function audit(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'audit', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, report: r.stdout ? (JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; severity: string }[] }[] }) : undefined };
}

const findingsOf = (r: ReturnType<typeof audit>, rule: string) => r.report!.files.flatMap((f) => f.findings.filter((x) => x.ruleId === rule).map((x) => `${f.path}:${x.severity}`));
const paths = (r: ReturnType<typeof audit>) => r.report!.files.map((f) => f.path);

describe('.aws-patterns.json (parsing)', () => {
  const known = new Set(rulesById.keys());
  it('reads severities, off, rule options, ignore patterns, trusted accounts and the presigned-URL maximum', () => {
    const { config, problems } = parseConfig(
      `{
        // comments and trailing commas are allowed, as in VS Code settings
        "$schema": "./node_modules/aws-patterns/schemas/aws-patterns.schema.json",
        "rules": { "iam-wildcard-action": "error", "s3-bucket-lifecycle": "off", "lambda-deprecated-runtime": { "severity": "information", "asOf": "2026-01-01" } },
        "ignore": ["test/fixtures/", "**/*.generated.ts"],
        "trustedAccounts": ["111122223333"],
        "presignedUrlMaxSeconds": 900,
      }`,
      known,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, {
      'iam-wildcard-action': { severity: 'error' },
      's3-bucket-lifecycle': { severity: 'off' },
      'lambda-deprecated-runtime': { severity: 'information', options: { asOf: '2026-01-01' } },
    });
    assert.deepEqual(config.ignore, ['test/fixtures/', '**/*.generated.ts']);
    assert.deepEqual(config.settings.trustedAccounts, ['111122223333']);
    assert.equal(config.settings.presignedUrlMaxSeconds, 900);
  });

  it('reports every problem with its place and keeps the defaults for what is broken', () => {
    const text = '{ "rules": { "no-such-rule": "error", "iam-wildcard-action": "loud" }, "trustedAccounts": ["12"], "presignedUrlMaxSeconds": -5, "ignore": "x", "colour": 1 }';
    const { config, problems } = parseConfig(text, known);
    assert.deepEqual(
      problems.map((p) => [p.message.replace(/ .*/, ''), text.slice(p.start, p.end)]),
      [
        ['Unknown', '"no-such-rule"'],
        ['Severity', '"loud"'],
        ['"trustedAccounts"', '["12"]'],
        ['"presignedUrlMaxSeconds"', '-5'],
        ['"ignore"', '"x"'],
        ['Unknown', '"colour"'],
      ],
    );
    assert.deepEqual(config.rules, {});
    assert.deepEqual(config.settings.trustedAccounts, []);
    assert.equal(config.settings.presignedUrlMaxSeconds, 3600);
    const broken = parseConfig('{ "rules": { ', known);
    assert.ok(broken.problems.length > 0 && broken.problems[0].message.startsWith('Invalid JSON'));
    assert.deepEqual(broken.config.rules, {}, 'broken JSON: the defaults');
  });
});

describe('.aws-patterns.json (CLI)', () => {
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-config-'));
    writeFiles(ws, { 'policies/admin.json': ADMIN, 'trust/partner.json': TRUST });
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('changes a rule’s severity, and with it the exit code', () => {
    assert.deepEqual(findingsOf(audit(ws), 'iam-wildcard-action'), ['policies/admin.json:error']);
    writeFiles(ws, { '.aws-patterns.json': '{ "rules": { "iam-wildcard-action": "warning", "iam-wildcard-resource": "off" } }' });
    const r = audit(ws);
    assert.deepEqual(findingsOf(r, 'iam-wildcard-action'), ['policies/admin.json:warning']);
    assert.equal(r.code, 0, 'no error left at the default --fail-on error');
  });

  it('turns a rule off', () => {
    writeFiles(ws, { '.aws-patterns.json': '{ "rules": { "iam-wildcard-action": "off" } }' });
    assert.deepEqual(findingsOf(audit(ws), 'iam-wildcard-action'), []);
  });

  it('exempts trusted accounts from the external-ID rule', () => {
    assert.deepEqual(findingsOf(audit(ws), 'iam-trust-missing-external-id'), ['trust/partner.json:warning']);
    writeFiles(ws, { '.aws-patterns.json': '{ "trustedAccounts": ["111122223333"] }' });
    assert.deepEqual(findingsOf(audit(ws), 'iam-trust-missing-external-id'), []);
  });

  it('reports presigned URLs above the configured maximum', () => {
    writeFiles(ws, { 'src/urls.ts': PRESIGN });
    assert.deepEqual(findingsOf(audit(ws), 's3-presigned-url-expiry'), [], '1800 s is within the default 3600 s');
    writeFiles(ws, { '.aws-patterns.json': '{ "presignedUrlMaxSeconds": 900 }' });
    assert.deepEqual(findingsOf(audit(ws), 's3-presigned-url-expiry'), ['src/urls.ts:warning']);
  });

  it('skips what the ignore patterns name, in a walk and when named on the command line', () => {
    writeFiles(ws, {
      'legacy/old.json': ADMIN,
      'legacy/keep.json': ADMIN,
      'gen/a.generated.json': ADMIN,
      'gen/b.json': ADMIN,
      '.aws-patterns.json': '{ "ignore": ["legacy/*", "!legacy/keep.json", "**/*.generated.json"] }',
    });
    assert.deepEqual(paths(audit(ws)), ['gen/b.json', 'legacy/keep.json', 'policies/admin.json', 'trust/partner.json']);
    const named = audit(ws, 'legacy/old.json', 'gen/b.json');
    assert.deepEqual(paths(named), ['gen/b.json']);
    assert.match(named.stderr, /skipped legacy\/old\.json: it matches an "ignore" pattern/);
  });

  it('reads ignore patterns relative to the folder of a --config file', () => {
    writeFiles(ws, { 'ci/policies/copy.json': ADMIN, 'ci/aws-patterns.json': '{ "ignore": ["policies/"] }' });
    assert.deepEqual(paths(audit(ws)), ['ci/policies/copy.json', 'policies/admin.json', 'trust/partner.json']);
    // `policies/` is read inside ci/: it drops ci/policies, not the policies folder above it.
    assert.deepEqual(paths(audit(ws, '--config', 'ci/aws-patterns.json')), ['policies/admin.json', 'trust/partner.json']);
  });

  it('stops with exit code 2 on a broken file, naming each problem', () => {
    writeFiles(ws, { '.aws-patterns.json': '{\n  "rules": { "iam-wildcard-action": "loud" },\n  "trustedAccounts": "all"\n}' });
    const r = audit(ws);
    assert.equal(r.code, 2);
    assert.equal(r.report, undefined);
    assert.match(r.stderr, /\.aws-patterns\.json:2:37: Severity must be one of/);
    assert.match(r.stderr, /\.aws-patterns\.json:3:22: "trustedAccounts" must be an array/);
  });
});

describe('file discovery (shared by the CLI and Audit Workspace)', () => {
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-discover-'));
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  const rel = (files: string[]) => files.map((f) => f.slice(ws.length + 1).split('\\').join('/'));

  it('skips dependencies, synth and build output, VCS folders, declarations and the config file', () => {
    writeFiles(ws, {
      'a.ts': '',
      'b.d.ts': '',
      'c.mjs': '',
      'd.jsonc': '',
      'e.md': '',
      '.aws-patterns.json': '{}',
      'node_modules/x/i.js': '',
      'cdk.out/t.json': '',
      'dist/x.js': '',
      'build/x.js': '',
      'out/x.js': '',
      'coverage/x.json': '',
      '.git/x.json': '',
      '.aws-sam/x.json': '',
      'src/.hidden/h.ts': '',
    });
    assert.deepEqual(rel(discoverFiles(['.'], ws).files), ['a.ts', 'c.mjs', 'd.jsonc', 'src/.hidden/h.ts']);
  });

  it('honors .gitignore files: nested ones, negations, and those above the folder up to the repository root', () => {
    mkdirSync(join(ws, '.git'));
    writeFiles(ws, {
      '.gitignore': '*.gen.ts\n/tmp/\n',
      'app/.gitignore': 'local/\n!keep.gen.ts\n',
      'app/a.ts': '',
      'app/b.gen.ts': '',
      'app/keep.gen.ts': '',
      'app/local/c.ts': '',
      'app/sub/tmp/d.ts': '',
      'tmp/e.ts': '',
    });
    assert.deepEqual(rel(discoverFiles(['.'], ws).files), ['app/a.ts', 'app/keep.gen.ts', 'app/sub/tmp/d.ts']);
    // Audited from inside the repository, the root .gitignore still applies.
    assert.deepEqual(rel(discoverFiles(['.'], join(ws, 'app')).files), ['app/a.ts', 'app/keep.gen.ts', 'app/sub/tmp/d.ts']);
    assert.deepEqual(rel(discoverFiles(['.'], ws, { root: ws, gitignore: false }).files).length, 6);
  });

  it('skips JavaScript compiled beside its TypeScript source in a walk, and keeps it when named', () => {
    const commonJs = '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.AppStack = void 0;\n';
    const esm = 'export const handler = async () => ({ statusCode: 200 });\n//# sourceMappingURL=tool.mjs.map\n';
    writeFiles(ws, {
      'lib/stack.ts': '',
      'lib/stack.js': commonJs,
      'lib/stack.d.ts': '',
      'lib/view.tsx': '',
      'lib/view.js': commonJs,
      'lib/tool.mts': '',
      'lib/tool.mjs': esm,
      'lib/tool.cjs': commonJs,
      'lib/plain.js': commonJs,
      'handlers/api.js': commonJs,
      'handlers/api.test.ts': '',
      // Hand-written beside a TypeScript file of the same name (no mark of tsc): kept.
      'scripts/seed.ts': '',
      'scripts/seed.js': "const { S3Client } = require('@aws-sdk/client-s3');\n",
    });
    assert.deepEqual(rel(discoverFiles(['.'], ws).files), [
      'handlers/api.js',
      'handlers/api.test.ts',
      'lib/plain.js',
      'lib/stack.ts',
      'lib/tool.cjs',
      'lib/tool.mts',
      'lib/view.tsx',
      'scripts/seed.js',
      'scripts/seed.ts',
    ]);
    assert.deepEqual(rel(discoverFiles(['lib/stack.js'], ws).files), ['lib/stack.js']);
  });

  it('skips CDK synth output under names of its own in a walk, and keeps hand-written templates and files named', () => {
    const manifest = JSON.stringify({ version: '36.0.0', artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } } });
    const nested = JSON.stringify({ version: '36.0.0', artifacts: { 'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } } } });
    const synthesized = (mark: string) => `{ "Resources": { "Role1": { "Type": "AWS::IAM::Role", ${mark} } } }`;
    const asset = `asset.${'0123456789abcdef'.repeat(4)}`;
    writeFiles(ws, {
      // `cdk synth --output synth-out` committed: the manifest says what it is.
      'synth-out/manifest.json': manifest,
      'synth-out/App.template.json': synthesized('"Metadata": { "aws:cdk:path": "App/Role1/Resource" }'),
      'synth-out/tree.json': '{ "version": "tree-0.1" }',
      'synth-out/assembly-Prod/manifest.json': nested,
      // Templates copied out of an assembly by snapshot tests, each with one of CDK's marks.
      'test/__snapshots__/App.template.json': synthesized('"Metadata": { "aws:cdk:path": "App/Role1/Resource" }'),
      'test/__snapshots__/Meta.template.json': '{ "Resources": { "CDKMetadata": { "Type": "AWS::CDK::Metadata" } } }',
      'test/__snapshots__/Boot.template.json': '{ "Rules": { "CheckBootstrapVersion": { "Assertions": [] } } }',
      // Staged assets: a copy of a construct's source folder, bundled Lambda code.
      [`infra/${asset}/lib/stack.ts`]: '',
      [`infra/${asset}/index.js`]: '',
      '.cdk.staging/x/index.js': '',
      // Kept: a hand-written template, a manifest of something else, an asset folder of another name.
      'cfn/api.template.json': '{ "Resources": { "Role1": { "Type": "AWS::IAM::Role" } } }',
      'web/manifest.json': '{ "name": "app", "icons": [] }',
      'web/app.ts': '',
      'assets/asset.png.json': '{}',
    });
    assert.deepEqual(rel(discoverFiles(['.'], ws).files), ['assets/asset.png.json', 'cfn/api.template.json', 'web/app.ts', 'web/manifest.json']);
    // Named explicitly, synth output is read as it is: an assembly, a staged asset, a file.
    assert.deepEqual(rel(discoverFiles(['synth-out'], ws).files), ['synth-out/App.template.json', 'synth-out/assembly-Prod/manifest.json', 'synth-out/manifest.json', 'synth-out/tree.json']);
    assert.deepEqual(rel(discoverFiles([`infra/${asset}`], ws).files), [`infra/${asset}/index.js`, `infra/${asset}/lib/stack.ts`]);
    assert.deepEqual(rel(discoverFiles(['test/__snapshots__/App.template.json'], ws).files), ['test/__snapshots__/App.template.json']);
    // A snapshot folder is not synth output itself: named, its synthesized templates are still left out.
    assert.deepEqual(rel(discoverFiles(['test'], ws).files), []);
  });

  it('applies files.exclude globs and ignore patterns relative to the root', () => {
    writeFiles(ws, { 'a/x.ts': '', 'a/y.json': '', 'b/x.ts': '', 'c/z.js': '' });
    const found = discoverFiles(['.'], ws, { root: ws, exclude: ['**/b', '**/*.json'], ignore: ['c/'] });
    assert.deepEqual(rel(found.files), ['a/x.ts']);
  });
});
