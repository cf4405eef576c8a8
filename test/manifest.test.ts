// The extension manifest and the packaged file list: what VS Code and vsce read.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS, LANGUAGES } from '../shared/settings';
import { MANIFEST_PATH, SCHEMA_PATH, schemaText, syncedManifest } from '../scripts/sync-manifest';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));

describe('extension manifest', () => {
  it('activates only for the languages it analyzes and points at the bundles', () => {
    assert.deepEqual(manifest.activationEvents, LANGUAGES.map((l) => `onLanguage:${l}`));
    assert.equal(manifest.main, './dist/client.js');
    assert.deepEqual(manifest.bin, { 'aws-patterns': './dist/cli.js' });
    assert.equal(manifest.engines.vscode, '^1.100.0');
    for (const key of ['name', 'displayName', 'description', 'publisher', 'version', 'license']) assert.ok(manifest[key], key);
  });

  it('contributes every client command, each with a title and the AWS Patterns category', () => {
    const contributed = manifest.contributes.commands as { command: string; title: string; category: string }[];
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(COMMANDS).sort());
    for (const c of contributed) {
      assert.ok(c.title, c.command);
      assert.equal(c.category, 'AWS Patterns');
    }
  });

  it('scopes every setting to the resource', () => {
    const props = manifest.contributes.configuration.properties as Record<string, { scope: string }>;
    assert.ok(props['awsPatterns.enable'] && props['awsPatterns.trace.server'] && props['awsPatterns.rules']);
    for (const [key, p] of Object.entries(props)) assert.equal(p.scope, 'resource', key);
  });

  it('lists every registered rule in the settings schema and the config schema (npm run sync-manifest)', () => {
    assert.equal(readFileSync(MANIFEST_PATH, 'utf8'), syncedManifest(readFileSync(MANIFEST_PATH, 'utf8')), 'package.json is out of date: run npm run sync-manifest');
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), schemaText(), 'schemas/aws-patterns.schema.json is out of date: run npm run sync-manifest');
  });

  it('packages the bundles, IAM data and documents, and no sources, tests, maps or node_modules', () => {
    const r = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean);
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/iam-data/index.json', 'dist/iam-data/s3.json']) {
      assert.ok(files.includes(f), `${f} is packaged`);
    }
    const unwanted = files.filter((f) => /\.(ts|map)$/.test(f) || /^(node_modules|test|server|client|shared|scripts|examples)\//.test(f) || f.startsWith('.'));
    assert.deepEqual(unwanted, []);
  });
});
