// `npx aws-patterns` works from a checkout (the package's own `bin`) and from the packed module
// installed into another project: the tarball carries the CLI bundle and the IAM data it needs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { version } from '../../package.json';
import { writeFiles } from '../helpers/workspace';

const root = join(__dirname, '..', '..');
const ADMIN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "*", "Resource": "*" }\n  ]\n}\n';
// No registry: everything comes from the checkout or the tarball.
const offline = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: offline, shell: process.platform === 'win32' });

describe('npx aws-patterns', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'aws-patterns-npx-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('runs from the checkout', () => {
    const r = npm(['exec', '--no', '--', 'aws-patterns', '--version'], root);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), version);
  });

  it('runs from the packed module installed in another project', () => {
    const pack = npm(['pack', '--pack-destination', tmp, '--silent'], root);
    assert.equal(pack.status, 0, pack.stderr);
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!;
    const project = join(tmp, 'project');
    writeFiles(project, { 'package.json': '{ "name": "consumer", "version": "1.0.0", "private": true }\n', 'policies/admin.json': ADMIN });
    const install = npm(['install', '--ignore-scripts', join(tmp, tarball)], project);
    assert.equal(install.status, 0, install.stderr);
    const r = npm(['exec', '--no', '--', 'aws-patterns', 'audit', 'policies'], project);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^policies\/admin\.json\n {2}4:36 +error +Action "\*"/m);
    writeFileSync(join(project, 'policies', 'admin.json'), '{}');
    assert.equal(npm(['exec', '--no', '--', 'aws-patterns', 'audit', 'policies'], project).status, 0);
  });
});
