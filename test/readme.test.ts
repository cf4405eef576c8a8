// The README is the marketplace listing: its rule table comes from the registry, its pictures
// exist, the palette commands it names exist, and its two quick-start commands stay as they are.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../server/src/rules/index';
import { README_PATH, RULES_END, RULES_START, readmeRuleTable, syncedReadme } from '../scripts/sync-manifest';

const root = join(__dirname, '..');
const readme = readFileSync(README_PATH, 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('README', () => {
  it('has the rule table generated from the registry (npm run sync-manifest)', () => {
    assert.equal(readme, syncedReadme(readme), 'README.md\'s rule table is out of date: run npm run sync-manifest');
  });

  it('lists every registered rule once, with its severity and whether it has a quick fix', () => {
    const table = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
    for (const r of allRules) {
      const rows = table.split('\n').filter((l) => l.includes(`[\`${r.id}\`]`));
      assert.equal(rows.length, 1, r.id);
      const cells = rows[0].split(' | ');
      assert.equal(cells[4], r.meta.severity, r.id);
      assert.equal(cells[5].replace(/ \|$/, ''), { safe: 'yes (safe)', unsafe: 'yes', none: 'no' }[r.meta.fix], r.id);
    }
    assert.equal(readmeRuleTable().split('\n').length, allRules.length + 2);
  });

  it('keeps the two quick-start commands exactly', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    assert.deepEqual([...quickStart.matchAll(/```sh\n([^`]*)```/g)].map((m) => m[1].trim()), ['npm ci && npm run sample', 'npm ci && npm test']);
  });

  it('shows only pictures that exist, each a PNG in docs/images, each shown', () => {
    const shown = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);
    for (const src of shown) {
      assert.match(src, /^docs\/images\/[\w-]+\.png$/, 'relative, so vsce points it at the repository; PNG, since the marketplace rejects SVG');
      assert.ok(existsSync(join(root, src)), `${src} is missing`);
    }
    const images = existsSync(join(root, 'docs', 'images')) ? readdirSync(join(root, 'docs', 'images')) : [];
    for (const file of images) assert.ok(shown.includes(`docs/images/${file}`), `docs/images/${file} is not shown: run npm run screenshots`);
    const placeholders = [...readme.matchAll(/<!-- screenshot ([\w.-]+): /g)].map((m) => m[1]);
    assert.deepEqual([...placeholders, ...shown.map((s) => s.slice('docs/images/'.length))].sort(), ['audit.png', 'construct-hover.png', 'hover.png', 'quick-fix.png', 'snippet.png', 'walkthrough.png']);
  });

  it('names only palette commands that exist', () => {
    const titles = new Set<string>([...manifest.contributes.commands.map((c: { title: string }) => c.title)]);
    const named = [...readme.matchAll(/\*AWS Patterns: ([^*]+)\*/g)].map((m) => m[1]);
    assert.ok(named.length >= 5);
    for (const title of named) assert.ok(titles.has(title), `"AWS Patterns: ${title}" is no command title`);
  });

  it('links only to files and sections that exist', () => {
    const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((m) => m[1].toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')));
    for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(target)) continue;
      if (target.startsWith('#')) assert.ok(anchors.has(target.slice(1)), `no section ${target}`);
      // Rule pages are generated (npm run docs); checked once the generator has written any.
      else if (!target.startsWith('docs/rules/') || existsSync(join(root, 'docs', 'rules'))) assert.ok(existsSync(join(root, target)), `${target} does not exist`);
    }
  });
});
