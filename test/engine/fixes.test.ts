// fixAll, the engine function behind `source.fixAll.awsPatterns` (and `audit --fix` later):
// safe fixes only, no overlapping edits in one pass, re-analysis between passes, at most 10
// passes, a pass that breaks the syntax is dropped, and the edits returned are minimal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, minimalEdits, MAX_FIX_PASSES } from '../../server/src/engine/fixes';
import { defineRule, type RuleDefinition } from '../../server/src/engine/rule';
import { applyEdits } from '../../server/src/engine/text';
import type { FixKind } from '../../server/src/engine/types';
import { iam, testRuleMeta } from '../helpers/engine';

/** A test rule: every JSON string equal to `from` is reported, with a fix to `to`. */
function replaceString(id: string, from: string, to: string, kind: FixKind = 'safe', as: 'fix' | 'suggestion' = 'fix'): RuleDefinition {
  return defineRule({
    id,
    meta: testRuleMeta(id, { fix: kind, languages: ['json'], messages: { found: `found ${from}` } }),
    create: (ctx) => ({
      jsonString(v) {
        if (v.value !== from) return;
        const fix = { title: `Use ${to}`, kind, edits: [{ start: v.start, end: v.end, newText: to.startsWith('RAW:') ? to.slice(4) : JSON.stringify(to) }] };
        ctx.report({ messageId: 'found', start: v.start, end: v.end, ...(as === 'fix' ? { fix } : { suggestions: [fix] }) });
      },
    }),
  });
}

const run = (text: string, rules: RuleDefinition[]) => fixAll({ path: 'file.json', text }, { iam, rules });

describe('fixAll', () => {
  it('applies every safe fix in one pass and returns edits that reproduce the text', () => {
    const text = '{ "a": "old", "b": ["old", "keep", "old"] }';
    const r = run(text, [replaceString('t-rule', 'old', 'new')]);
    assert.equal(r.text, '{ "a": "new", "b": ["new", "keep", "new"] }');
    assert.equal(r.applied, 3);
    assert.equal(r.passes, 1);
    assert.equal(applyEdits(text, r.edits), r.text);
    assert.deepEqual(r.result.findings, []);
  });

  it('re-analyzes between passes, so a fix can enable the next one', () => {
    const r = run('["a"]', [replaceString('t-ab', 'a', 'b'), replaceString('t-bc', 'b', 'c')]);
    assert.equal(r.text, '["c"]');
    assert.equal(r.passes, 2);
  });

  it(`stops after ${MAX_FIX_PASSES} passes`, () => {
    const grow = defineRule({
      ...replaceString('t-grow', '', ''),
      create: (ctx) => ({
        jsonString(v) {
          ctx.report({ messageId: 'found', start: v.start, end: v.end, fix: { title: 'grow', kind: 'safe', edits: [{ start: v.end - 1, end: v.end - 1, newText: 'x' }] } });
        },
      }),
    });
    const r = run('["x"]', [grow]);
    assert.equal(r.passes, MAX_FIX_PASSES);
    assert.equal(r.text, `["${'x'.repeat(MAX_FIX_PASSES + 1)}"]`);
  });

  it('defers a fix that touches another to the next pass, recomputed on the new text', () => {
    // t-shorten rewrites "ab"; t-append inserts right after the same string, touching that edit.
    const append = defineRule({
      ...replaceString('t-append', '', ''),
      create: (ctx) => ({
        jsonString(v) {
          if (ctx.file.text.includes('"z"') || v.value === 'z') return;
          ctx.report({ messageId: 'found', start: v.start, end: v.end, fix: { title: 'append', kind: 'safe', edits: [{ start: v.end, end: v.end, newText: ', "z"' }] } });
        },
      }),
    });
    const r = run('["ab"]', [replaceString('t-shorten', 'ab', 'a'), append]);
    assert.equal(r.text, '["a", "z"]');
    assert.equal(r.applied, 2);
    assert.equal(r.passes, 2);
  });

  it('applies one of two fixes of the same text', () => {
    const r = run('["dup"]', [replaceString('t-one', 'dup', 'one'), replaceString('t-two', 'dup', 'two')]);
    assert.equal(r.applied, 1);
    assert.equal(r.text, '["one"]', 'file order, then rule ID, decides');
  });

  it('never applies unsafe fixes or suggestions', () => {
    const text = '["risky", "maybe"]';
    const r = run(text, [replaceString('t-unsafe', 'risky', 'changed', 'unsafe'), replaceString('t-suggest', 'maybe', 'other', 'safe', 'suggestion')]);
    assert.equal(r.text, text);
    assert.deepEqual(r.edits, []);
    assert.equal(r.result.findings.length, 2);
  });

  it('drops a pass whose fixes would break the syntax', () => {
    const text = '{ "k": "bad" }';
    const r = run(text, [replaceString('t-break', 'bad', 'RAW:"unterminated')]);
    assert.equal(r.text, text);
    assert.equal(r.passes, 0);
  });

  it('stops early when the document is stale', () => {
    assert.throws(() => fixAll({ path: 'f.json', text: '["old"]' }, { iam, rules: [replaceString('t', 'old', 'new')], isCancelled: () => true }), /cancelled/);
  });
});

describe('minimalEdits', () => {
  it('touches only what changed', () => {
    const before = '{\n  "a": "x",\n  "long": "unchanged text here",\n  "b": "y"\n}\n';
    const after = before.replace('"x"', '"xx"').replace('"y"', '"z"');
    const edits = minimalEdits(before, after);
    assert.equal(applyEdits(before, edits), after);
    assert.equal(edits.length, 2);
    assert.ok(edits.every((e) => e.end - e.start <= 1 && e.newText.length <= 1), JSON.stringify(edits));
  });

  it('is empty for equal texts and exact for a full rewrite', () => {
    assert.deepEqual(minimalEdits('same', 'same'), []);
    assert.equal(applyEdits('abc', minimalEdits('abc', 'xyz')), 'xyz');
    assert.equal(applyEdits('', minimalEdits('', 'new')), 'new');
  });
});
