import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { awsCdkLibVersionOf, compareVersions, lowestVersion, versionAtLeast } from '../../server/src/engine/project';
import { findAwsCdkLibVersion } from '../../server/src/projectInfo';

describe('project aws-cdk-lib version (pure)', () => {
  it('lowest version of a range', () => {
    assert.equal(lowestVersion('^2.177.0'), '2.177.0');
    assert.equal(lowestVersion('~2.100.1'), '2.100.1');
    assert.equal(lowestVersion('>=2.50 <3'), '2.50.0');
    assert.equal(lowestVersion('latest'), undefined);
  });
  it('compares numerically', () => {
    assert.equal(compareVersions('2.99.0', '2.100.0'), -1);
    assert.equal(compareVersions('2.177.0', '2.177.0'), 0);
    assert.equal(versionAtLeast(undefined, '2.177.0'), undefined);
    assert.equal(versionAtLeast('2.180.1', '2.177.0'), true);
  });
  it('reads dependencies, devDependencies, peerDependencies; installed wins', () => {
    assert.equal(awsCdkLibVersionOf('{"dependencies":{"aws-cdk-lib":"^2.150.0"}}'), '2.150.0');
    assert.equal(awsCdkLibVersionOf('{"devDependencies":{"aws-cdk-lib":"2.160.0"}}'), '2.160.0');
    assert.equal(awsCdkLibVersionOf('{"peerDependencies":{"aws-cdk-lib":"^2.1.0"}}'), '2.1.0');
    assert.equal(awsCdkLibVersionOf('{"dependencies":{"aws-cdk-lib":"^2.150.0"}}', '{"version":"2.201.3"}'), '2.201.3');
    assert.equal(awsCdkLibVersionOf('{"name":"x"}'), undefined);
    assert.equal(awsCdkLibVersionOf('not json'), undefined);
  });
});

describe('findAwsCdkLibVersion (file system, for the server and CLI)', () => {
  const roots: string[] = [];
  const scratch = (): string => {
    const root = mkdtempSync(join(tmpdir(), 'awsp-'));
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('walks up to the nearest package.json that uses aws-cdk-lib', () => {
    const root = scratch();
    writeFileSync(join(root, 'package.json'), JSON.stringify({ devDependencies: { 'aws-cdk-lib': '^2.190.0' } }));
    mkdirSync(join(root, 'packages', 'infra', 'lib'), { recursive: true });
    writeFileSync(join(root, 'packages', 'infra', 'package.json'), JSON.stringify({ name: 'infra' }));
    assert.equal(findAwsCdkLibVersion(join(root, 'packages', 'infra', 'lib', 'stack.ts')), '2.190.0');
    mkdirSync(join(root, 'node_modules', 'aws-cdk-lib'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'aws-cdk-lib', 'package.json'), JSON.stringify({ version: '2.195.1' }));
    assert.equal(findAwsCdkLibVersion(join(root, 'packages', 'infra', 'lib', 'stack.ts')), '2.195.1');
  });
  it('undefined outside any CDK project', () => {
    const root = scratch();
    assert.equal(findAwsCdkLibVersion(join(root, 'a', 'b.ts')), undefined);
  });
});
