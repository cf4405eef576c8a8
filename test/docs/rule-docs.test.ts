// The rule pages are generated from metadata and must match it (regenerate and compare), and
// every example on them is run: each ❌ gives exactly one finding of its rule, each ✅ none.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules/index';
import { DOCS_DIR, renderAll } from '../../scripts/rule-docs';
import { analyzeText, parseProblems } from '../helpers/engine';
import { describeFinding } from '../helpers/rule-tester';

describe('rule docs', () => {
  const files = renderAll();

  it('docs/rules holds exactly one page per registered rule, plus the index', () => {
    const onDisk = existsSync(DOCS_DIR) ? readdirSync(DOCS_DIR).filter((n) => n.endsWith('.md')).sort() : [];
    assert.deepEqual(onDisk, [...files.keys()].sort(), 'run `npm run docs`');
  });

  for (const [name, text] of files) {
    it(`${name} is up to date with the metadata`, () => {
      const path = join(DOCS_DIR, name);
      assert.ok(existsSync(path), `${name} is missing: run \`npm run docs\``);
      assert.equal(readFileSync(path, 'utf8'), text, `${name} drifted from the rule metadata: run \`npm run docs\``);
    });
  }

  for (const rule of allRules) {
    describe(rule.id, () => {
      it('has the sections a rule page needs, ❌ before ✅', () => {
        const page = files.get(`${rule.id}.md`)!;
        for (const heading of ['## Why', '### Invalid', '### Valid', '## Options', '## Configuration']) assert.ok(page.includes(`\n${heading}\n`), heading);
        assert.ok(page.indexOf('### Invalid') < page.indexOf('### Valid'));
        assert.ok(page.includes(`| Default severity | ${rule.meta.severity} |`));
        assert.ok(rule.meta.examples.invalid.length > 0 && rule.meta.examples.valid.length > 0, 'at least one ❌ and one ✅ example');
        assert.ok(!/\n/.test(rule.meta.description), 'the description is one line');
      });

      rule.meta.examples.invalid.forEach((example, i) => {
        it(`❌ example ${i + 1} (${example.filename}) gives exactly one ${rule.id} finding`, () => {
          assert.deepEqual(parseProblems(example.filename, example.code), []);
          const result = analyzeText(example.filename, example.code);
          assert.deepEqual(result.internalErrors.map((e) => e.message), []);
          const own = result.findings.filter((f) => f.ruleId === rule.id);
          assert.equal(own.length, 1, own.map(describeFinding).join('\n'));
        });
      });
      rule.meta.examples.valid.forEach((example, i) => {
        it(`✅ example ${i + 1} (${example.filename}) gives no ${rule.id} finding`, () => {
          assert.deepEqual(parseProblems(example.filename, example.code), []);
          const result = analyzeText(example.filename, example.code);
          assert.deepEqual(result.internalErrors.map((e) => e.message), []);
          assert.deepEqual(result.findings.filter((f) => f.ruleId === rule.id).map(describeFinding), []);
        });
      });
    });
  }
});
