// Every ✅ block of the guide maps to snippets that use what the block uses; every snippet
// teaches some block. Deliberate differences (stale APIs, placeholders) are listed, with their
// reason, in server/src/features/patterns.ts — and must really be differences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guidePatterns, snippetByPrefix, snippets } from '../../server/src/features/patterns';
import { expandSnippet } from '../../server/src/features/snippet-syntax';
import { codeWords, readGuide } from '../helpers/guide';

const blocks = readGuide();
const key = (section: string, marker: string) => `${section} :: ${marker}`;

describe('guide ✅ blocks ↔ snippets', () => {
  it('the guide has the ✅ blocks this test expects to read', () => {
    // 21 markers plus the unmarked trust policy: a parser regression would otherwise pass vacuously.
    assert.equal(blocks.length, 22, blocks.map((b) => key(b.section, b.marker)).join('\n'));
  });

  it('every ✅ block is mapped to snippets', () => {
    const mapped = new Set(guidePatterns.map((p) => key(p.section, p.marker)));
    const unmapped = blocks.filter((b) => !mapped.has(key(b.section, b.marker))).map((b) => `line ${b.line}: ${key(b.section, b.marker)}`);
    assert.deepEqual(unmapped, []);
  });

  it('every mapping names a block of the guide and existing snippets', () => {
    const present = new Set(blocks.map((b) => key(b.section, b.marker)));
    for (const p of guidePatterns) {
      assert.ok(present.has(key(p.section, p.marker)), `no such ✅ block in the guide: ${key(p.section, p.marker)}`);
      for (const prefix of p.snippets) assert.ok(snippetByPrefix(prefix), `${key(p.section, p.marker)}: no snippet ${prefix}`);
    }
  });

  it('every snippet teaches some ✅ block', () => {
    const used = new Set(guidePatterns.flatMap((p) => p.snippets));
    assert.deepEqual(snippets.filter((s) => !used.has(s.prefix)).map((s) => s.prefix), []);
  });

  for (const block of blocks) {
    const pattern = guidePatterns.find((p) => key(p.section, p.marker) === key(block.section, block.marker));
    if (!pattern) continue;
    it(`${block.section} — ${block.marker}: the snippets use every word of the block`, () => {
      const snippetWords = new Set(pattern.snippets.flatMap((p) => [...codeWords(expandSnippet(snippetByPrefix(p)!.body))]));
      const differences = pattern.differences ?? {};
      const missing = [...codeWords(block.code)].filter((w) => !snippetWords.has(w) && !(w in differences));
      assert.deepEqual(missing, [], `words of the guide's block that ${pattern.snippets.join(', ')} do not use`);
      for (const word of Object.keys(differences)) {
        assert.ok(codeWords(block.code).has(word), `difference "${word}" is not a word of the block`);
        assert.ok(!snippetWords.has(word), `difference "${word}" is used by the snippets after all`);
      }
    });
  }
});
