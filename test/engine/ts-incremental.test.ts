// Incremental reparsing of an open document (`DocumentTree`, `ts.updateSourceFile`): after any
// sequence of edits, the analysis of the incrementally updated tree must report exactly what a
// fresh parse of the same text reports. TypeScript reuses and shifts the old tree's nodes, so this
// also catches anything cached per node leaking from one version into the next.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { DocumentTree, changeRange } from '../../server/src/engine/typescript/file';
import { iam, repoRoot } from '../helpers/engine';

const JS_HANDLER = `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

/**
 * @param {import('aws-lambda').SQSEvent} event
 * @returns {Promise<import('aws-lambda').SQSBatchResponse>}
 */
exports.handler = async (event) => {
  const s3 = new S3Client({ credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
  for (const record of event.Records) {
    await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: record.messageId, Body: record.body }));
  }
};
`;

function exampleFiles(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') visit(p);
      } else if (/\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push({ path: p.slice(repoRoot.length + 1), text: readFileSync(p, 'utf8') });
    }
  };
  visit(join(repoRoot, 'examples'));
  out.push({ path: 'handlers/upload.js', text: JS_HANDLER });
  return out;
}

/** A small deterministic generator (mulberry32): the same edits on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPED = ['a', 'Z', '0', ' ', '\n', "'", '"', '`', '{', '}', '(', ')', ',', ';', '.', ':', '*', '/', '$', '=', '[', ']'];
const SNIPPETS = ['true', 'false', '*', 'enforceSSL: false, ', "'s3:*'", '// ', '/* ', ' */', '...props, ', 'new s3.Bucket(this, "X", {})', 'await '];

/** One edit as a user (typing, deleting, pasting, undoing) makes it. */
function edit(text: string, history: string[], next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.45) return text.slice(0, at) + pick(TYPED) + text.slice(at);
  if (r < 0.65) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 20)));
  if (r < 0.8) return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
  if (r < 0.93) {
    // Paste a line range copied from elsewhere over a selection.
    const from = Math.floor(next() * text.length);
    const copied = text.slice(from, from + Math.floor(next() * 200));
    return text.slice(0, at) + copied + text.slice(Math.min(text.length, at + Math.floor(next() * 40)));
  }
  return history.length ? pick(history) : text; // undo back to an earlier version
}

const outcome = (path: string, text: string, tree?: DocumentTree) => {
  const r = analyze({ path, text }, { iam, tree });
  return JSON.stringify({ findings: r.findings, notices: r.notices, errors: r.internalErrors.map((e) => `${e.ruleId}: ${e.message}`) });
};

describe('incremental reparsing (DocumentTree)', () => {
  it('changeRange covers exactly the span that differs', () => {
    assert.deepEqual(changeRange('abcdef', 'abXYef'), { span: { start: 2, length: 2 }, newLength: 2 });
    assert.deepEqual(changeRange('abc', 'abc'), { span: { start: 3, length: 0 }, newLength: 0 });
    assert.deepEqual(changeRange('aaa', 'aaaa'), { span: { start: 3, length: 0 }, newLength: 1 });
    assert.deepEqual(changeRange('abcd', ''), { span: { start: 0, length: 4 }, newLength: 0 });
    assert.deepEqual(changeRange('', 'xy'), { span: { start: 0, length: 0 }, newLength: 2 });
    // Texts longer than the blocks it compares at once, edited at and around block boundaries.
    const long = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    for (const at of [0, 1, 1023, 1024, 1025, 2048, 2500, 4095, 4999, 5000]) {
      for (const [removed, inserted] of [[0, 'Q'], [1, ''], [3, 'QQ'], [0, long.slice(0, 1500)]] as const) {
        const del = Math.min(removed, long.length - at);
        const edited = long.slice(0, at) + inserted + long.slice(at + del);
        const r = changeRange(long, edited);
        // The range found must turn the old text into the new one, and be no wider than the edit.
        assert.equal(long.slice(0, r.span.start) + edited.slice(r.span.start, r.span.start + r.newLength) + long.slice(r.span.start + r.span.length), edited);
        assert.ok(r.span.length <= del && r.newLength <= inserted.length, `${at} ${removed} ${inserted.length}`);
      }
    }
  });

  it('reports exactly what a fresh parse reports, after every one of many random edits', () => {
    const files = exampleFiles();
    assert.ok(files.length >= 10, 'the examples are the sample');
    let compared = 0;
    let withFindings = 0;
    for (const [i, file] of files.entries()) {
      const next = random(1000 + i);
      const tree = new DocumentTree();
      let text = file.text;
      const history: string[] = [];
      assert.equal(outcome(file.path, text, tree), outcome(file.path, text));
      for (let step = 0; step < 120; step++) {
        history.push(text);
        text = edit(text, history, next);
        const fresh = outcome(file.path, text);
        assert.equal(outcome(file.path, text, tree), fresh, `${file.path} after edit ${step + 1}`);
        compared++;
        if (fresh.includes('"ruleId"')) withFindings++;
      }
    }
    // Random edits break the syntax often (on purpose: error recovery reuses nodes too), yet
    // enough versions kept findings that lists of findings were compared, not just empty ones.
    assert.ok(withFindings > compared / 5, `${withFindings} of ${compared} versions had findings`);
  });

  it('starts over on a different path and on a tree that was never parsed', () => {
    const tree = new DocumentTree();
    const [a, b] = exampleFiles();
    assert.equal(outcome(a.path, a.text, tree), outcome(a.path, a.text));
    assert.equal(outcome(b.path, b.text, tree), outcome(b.path, b.text));
    assert.equal(outcome(b.path, a.text, tree), outcome(b.path, a.text));
  });
});
