// The .vsix: only what runs is packaged, `vsce package` has nothing to warn about, and the
// package stays small. The production package is built in a scratch folder (the dev build in
// dist/ is left alone, since other test files run the server from it meanwhile).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = join(__dirname, '..');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const MAX_VSIX_BYTES = 5 * 1024 * 1024;

/** Every file the package may hold. Anything else in `vsce ls` fails the test. */
const ALLOWED: RegExp[] = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^dist\/(client|server|server-main|cli|cli-main)\.js$/,
  /^dist\/iam-data\/[a-z0-9-]+\.json$/,
  /^snippets\/[a-z]+\.json$/,
  /^schemas\/aws-patterns\.schema\.json$/,
  /^media\/icon\.png$/,
  /^media\/walkthrough\/[a-z-]+\.(md|json)$/,
];

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [vsce, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

function vsceLs(cwd: string): string[] {
  const r = run(['ls', '--no-dependencies'], cwd);
  assert.equal(r.status, 0, r.out);
  return r.stdout.split('\n').filter(Boolean).sort();
}

/** Every file the manifest points at: each must ship. */
function referencedFiles(): string[] {
  const c = manifest.contributes;
  const strip = (p: string) => p.replace(/^\.\//, '');
  return [
    manifest.main,
    ...Object.values(manifest.bin as Record<string, string>),
    manifest.icon,
    ...(c.snippets ?? []).map((s: { path: string }) => s.path),
    ...(c.jsonValidation ?? []).map((j: { url: string }) => j.url),
    ...(c.walkthroughs ?? []).flatMap((w: { steps: { media: Record<string, string> }[] }) => w.steps.flatMap((s) => [s.media.markdown, s.media.image].filter(Boolean))),
    'media/walkthrough/sample-policy.json',
  ].map(strip);
}

describe('the packaged files (vsce ls)', () => {
  const files = vsceLs(root);

  it('lists nothing outside the allow list: no sources, tests, maps, docs, examples or node_modules', () => {
    assert.deepEqual(files.filter((f) => !ALLOWED.some((re) => re.test(f))), []);
  });

  it('ships everything the manifest points at, the IAM data and the documents', () => {
    for (const f of [...referencedFiles(), 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/client.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/iam-data/index.json', 'dist/iam-data/s3.json']) {
      assert.ok(files.includes(f), `${f} is not packaged`);
    }
  });

  it('ships bundles that load no network module (no telemetry, no requests)', () => {
    for (const bundle of ['dist/client.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/cli-main.js']) {
      const text = readFileSync(join(root, bundle), 'utf8');
      const network = text.match(/require\("(?:node:)?(?:https?|http2|tls|dns|dgram|undici)"\)|new WebSocket\(|XMLHttpRequest/g);
      assert.equal(network, null, `${bundle}: ${network?.join(', ')}`);
    }
  });
});

describe('the production package (vsce package)', () => {
  let staging = '';
  let result: { status: number | null; out: string };
  const vsix = () => join(staging, 'aws-patterns.vsix');

  before(async () => {
    staging = mkdtempSync(join(tmpdir(), 'aws-patterns-vsix-'));
    // The files vsce would take, plus .vscodeignore; the bundles are rebuilt for production.
    for (const f of [...vsceLs(root).filter((f) => !/^dist\/[^/]+\.js$/.test(f)), '.vscodeignore']) {
      mkdirSync(dirname(join(staging, f)), { recursive: true });
      copyFileSync(join(root, f), join(staging, f));
    }
    const { buildBundles } = await import('../scripts/build.mjs');
    await buildBundles({ outdir: join(staging, 'dist'), production: true });
    result = run(['package', '--no-dependencies', '--out', vsix()], staging);
  });

  after(() => {
    if (staging) rmSync(staging, { recursive: true, force: true });
  });

  it('packages without a warning', () => {
    assert.equal(result.status, 0, result.out);
    assert.doesNotMatch(result.out, /WARN/i);
    assert.match(result.out, /DONE\s+Packaged/);
  });

  it('packages the same files as the dev build, with minified bundles and no source maps', () => {
    assert.deepEqual(vsceLs(staging), vsceLs(root));
  });

  it(`stays under ${MAX_VSIX_BYTES / 1024 / 1024} MB`, () => {
    const size = statSync(vsix()).size;
    console.log(`# .vsix: ${(size / 1024 / 1024).toFixed(2)} MB`);
    assert.ok(size < MAX_VSIX_BYTES, `${size} bytes`);
  });
});
