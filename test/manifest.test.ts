// The extension manifest: what VS Code and the marketplace read.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS, DIAGNOSTIC_SOURCE, LANGUAGES, WALKTHROUGH_ID } from '../shared/settings';
import { SOURCE } from '../server/src/lsp/convert';
import { MANIFEST_PATH, SCHEMA_PATH, schemaText, syncedManifest } from '../scripts/sync-manifest';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
const contributed = manifest.contributes.commands as { command: string; title: string; category: string }[];

/** The marketplace's category names (vsce rejects others). */
const CATEGORIES = ['Azure', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'AI', 'Chat', 'Other'];

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}

describe('extension manifest', () => {
  it('activates only for the languages it analyzes (and its commands) and points at the bundles', () => {
    assert.deepEqual(manifest.activationEvents, LANGUAGES.map((l) => `onLanguage:${l}`));
    assert.equal(manifest.main, './dist/client.js');
    assert.deepEqual(manifest.bin, { 'aws-patterns': './dist/cli.js' });
    // No newer than code-server 4.100.3 (VS Code 1.100) supports.
    assert.equal(manifest.engines.vscode, '^1.100.0');
  });

  it('has every field the marketplace listing shows', () => {
    for (const key of ['name', 'displayName', 'description', 'publisher', 'version', 'license', 'homepage']) assert.ok(manifest[key], key);
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.match(manifest.repository.url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+$/);
    assert.equal(manifest.bugs.url, `${manifest.repository.url}/issues`);
    assert.ok(manifest.homepage.startsWith(manifest.repository.url), manifest.homepage);
    assert.ok(manifest.description.length <= 200, 'the listing cuts long descriptions');
    assert.deepEqual(manifest.categories, ['Linters', 'Snippets', 'Programming Languages']);
    for (const c of manifest.categories) assert.ok(CATEGORIES.includes(c), c);
    assert.ok(manifest.keywords.length > 0 && manifest.keywords.length <= 30, 'vsce allows at most 30 keywords');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  });

  it('has a 128×128 PNG icon rendered from the current media/icon.svg (npm run render-icon)', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG signature');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    const chunks = new Map<string, Buffer>();
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString('latin1');
      if (type === 'tEXt') {
        const data = png.subarray(at + 8, at + 8 + length);
        const nul = data.indexOf(0);
        chunks.set(data.subarray(0, nul).toString('latin1'), data.subarray(nul + 1));
      }
      at += 12 + length;
    }
    const svgHash = createHash('sha256').update(readFileSync(join(root, 'media', 'icon.svg'))).digest('hex');
    assert.equal(chunks.get('Source-SHA256')?.toString('latin1'), svgHash, 'media/icon.png is not rendered from the current media/icon.svg');
  });

  it('declares what works in untrusted and virtual workspaces', () => {
    // Analysis reads files and runs none of the workspace's code: Restricted Mode loses nothing.
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    // The server reads from disk and the documentSelector covers file and untitled only.
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description, /untitled/);
  });

  it('contributes every client command, each with a title and the AWS Patterns category', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(COMMANDS).sort());
    for (const c of contributed) {
      assert.ok(c.title, c.command);
      assert.equal(c.category, 'AWS Patterns');
    }
    assert.equal(new Set(contributed.map((c) => c.title)).size, contributed.length, 'titles are distinct in the palette');
  });

  it('registers every contributed command in the client (or the server, for LSP commands)', () => {
    const sources = [join(root, 'client', 'src'), join(root, 'server', 'src')].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8')),
    ).join('\n');
    for (const [key, id] of Object.entries(COMMANDS)) {
      assert.ok(new RegExp(`COMMANDS\\.${key}\\b`).test(sources) || sources.includes(`'${id}'`), `${id} is contributed but never registered`);
    }
  });

  it('agrees with the server on the diagnostic source the walkthrough commands look for', () => {
    assert.equal(DIAGNOSTIC_SOURCE, SOURCE);
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
});

describe('first-run walkthrough', () => {
  const walkthroughs = manifest.contributes.walkthroughs as { id: string; title: string; description: string; steps: WalkthroughStep[] }[];
  const walkthrough = walkthroughs.find((w) => w.id === WALKTHROUGH_ID)!;

  it('is contributed under the ID the Get Started command opens', () => {
    assert.equal(walkthroughs.length, 1);
    assert.ok(walkthrough, WALKTHROUGH_ID);
    assert.ok(walkthrough.title && walkthrough.description);
  });

  it('walks through sample policy, finding, fix, snippet and audit, in that order', () => {
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openSample', 'seeFinding', 'applyFix', 'insertSnippet', 'runAudit']);
  });

  it('gives each step one command link to a contributed command, completed by running it', () => {
    const ids = new Set([...contributed.map((c) => c.command)]);
    for (const step of walkthrough.steps) {
      // `toSide:` makes the walkthrough focus the editor group beside it before running the command.
      const links = [...step.description.matchAll(/\]\(command:toSide:([\w.]+)(?:\?([^)]*))?\)/g)];
      assert.equal(links.length, 1, `${step.id}: one command link, to the side`);
      const [, command, args] = links[0];
      assert.ok(ids.has(command), `${step.id}: ${command} is not a contributed command`);
      if (args) assert.ok(Array.isArray(JSON.parse(decodeURIComponent(args))), `${step.id}: command arguments are a JSON array`);
      assert.deepEqual(step.completionEvents, [`onCommand:${command}`], step.id);
      assert.ok(step.title, step.id);
    }
  });

  it('ships a markdown page for each step', () => {
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown, `${step.id}: markdown media`);
      assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
      assert.ok(step.media.markdown.startsWith('media/walkthrough/'), 'packaged by .vscodeignore');
    }
  });
});
