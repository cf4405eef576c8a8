// The first-run walkthrough's story on the real engine (the sample policy gives the findings the
// pages promise, each with a fix that removes it), the choices behind its commands, and its
// pages agreeing with the manifest. Running the commands in a real editor is test/e2e's part.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { nextFinding } from '../client/src/nextFinding';
import { snippetChoices, snippetLanguages, type SnippetContribution } from '../client/src/snippetChoices';
import { applyEdits } from '../server/src/engine/text';
import { SAMPLE_POLICY } from '../shared/settings';
import { analyzeText, parseProblems, repoRoot } from './helpers/engine';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const titles = new Set<string>([...manifest.contributes.commands.map((c: { title: string }) => c.title)]);
const sample = readFileSync(join(repoRoot, SAMPLE_POLICY), 'utf8');
const pagesDir = join(repoRoot, 'media', 'walkthrough');
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: readFileSync(join(pagesDir, f), 'utf8') }));

describe('the sample policy', () => {
  const path = 'sample-policy.json'; // an untitled JSON editor: analyzed by its language, as JSON
  const findings = analyzeText(path, sample).findings;

  it('shows the three mistakes the walkthrough pages describe, and nothing else', () => {
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['iam-unknown-action', 'iam-wildcard-action', 'iam-wildcard-resource']);
    const at = (ruleId: string) => sample.slice(findings.find((f) => f.ruleId === ruleId)!.start, findings.find((f) => f.ruleId === ruleId)!.end);
    assert.equal(at('iam-wildcard-action'), '"s3:*"');
    assert.equal(at('iam-unknown-action'), '"sqs:SendMesage"');
    assert.equal(at('iam-wildcard-resource'), '"*"');
  });

  it('offers, for each finding, a quick fix whose output parses and no longer has that finding', () => {
    for (const f of findings) {
      const fix = f.fix ?? f.suggestions?.[0];
      assert.ok(fix, `${f.ruleId} has a quick fix`);
      const fixed = applyEdits(sample, fix.edits);
      assert.deepEqual(parseProblems(path, fixed), [], `${f.ruleId}: "${fix.title}" keeps the JSON valid`);
      const after = analyzeText(path, fixed).findings;
      assert.equal(after.filter((g) => g.ruleId === f.ruleId).length, findings.filter((g) => g.ruleId === f.ruleId).length - 1, `${f.ruleId}: "${fix.title}" removes it`);
    }
  });

  it('is the policy the first page shows', () => {
    const page = pages.find((p) => p.name === 'open-sample.md')!;
    const shown = /```json\n([\s\S]*?)```/.exec(page.text)?.[1];
    assert.equal(shown, sample);
  });
});

describe('Go to Next Finding', () => {
  const at = (line: number, character: number) => ({ range: { start: { line, character } }, id: `${line}:${character}` });
  const findings = [at(12, 16), at(6, 16), at(13, 18)];

  it('moves to the first finding after the cursor, in document order', () => {
    assert.equal(nextFinding(findings, { line: 0, character: 0 })?.id, '6:16');
    assert.equal(nextFinding(findings, { line: 6, character: 16 })?.id, '12:16', 'not the one under the cursor');
    assert.equal(nextFinding(findings, { line: 12, character: 20 })?.id, '13:18');
  });

  it('wraps to the first finding after the last one', () => {
    assert.equal(nextFinding(findings, { line: 20, character: 0 })?.id, '6:16');
  });

  it('takes the finding under the cursor first for Quick Fix', () => {
    assert.equal(nextFinding(findings, { line: 6, character: 16 }, true)?.id, '6:16');
    assert.equal(nextFinding(findings, { line: 6, character: 17 }, true)?.id, '12:16');
  });

  it('has nothing to go to in a file without findings', () => {
    assert.equal(nextFinding([], { line: 0, character: 0 }), undefined);
  });
});

describe('Insert Snippet...', () => {
  const contributions: SnippetContribution[] = [
    { language: 'typescript', path: 'ts.json' },
    { language: 'typescriptreact', path: 'ts.json' },
    { language: 'json', path: 'json.json' },
  ];
  const files: Record<string, unknown> = {
    'ts.json': {
      'AWS: Lambda handler': { prefix: 'aws-lambda-handler', body: ['export const handler = async () => {', '\t$0', '};'], description: 'A handler.' },
      'AWS: two prefixes': { prefix: ['aws-a', 'aws-b'], body: 'x', description: 'Two.' },
      'broken: no body': { prefix: 'aws-broken' },
    },
    'json.json': { 'AWS: policy': { prefix: 'aws-iam-policy', body: '{}' } },
  };

  it('offers our snippets of the editor language, first prefix, body joined by lines', () => {
    const choices = snippetChoices(contributions, 'typescript', (p) => files[p]);
    assert.deepEqual(choices, [
      { prefix: 'aws-lambda-handler', name: 'AWS: Lambda handler', description: 'A handler.', body: 'export const handler = async () => {\n\t$0\n};' },
      { prefix: 'aws-a', name: 'AWS: two prefixes', description: 'Two.', body: 'x' },
    ]);
    assert.deepEqual(snippetChoices(contributions, 'json', (p) => files[p]).map((c) => c.prefix), ['aws-iam-policy']);
  });

  it('offers nothing for other languages or a missing file', () => {
    assert.deepEqual(snippetChoices(contributions, 'python', (p) => files[p]), []);
    assert.deepEqual(snippetChoices(contributions, 'typescript', () => undefined), []);
    assert.deepEqual(snippetLanguages(contributions), ['typescript', 'typescriptreact', 'json']);
  });

  it('offers every snippet the manifest contributes, from the shipped files', () => {
    const contributed = (manifest.contributes.snippets ?? []) as SnippetContribution[];
    const read = (p: string) => JSON.parse(readFileSync(join(repoRoot, p), 'utf8'));
    for (const language of snippetLanguages(contributed)) {
      const expected = contributed.filter((c) => c.language === language).flatMap((c) => Object.keys(read(c.path)));
      assert.deepEqual(snippetChoices(contributed, language, read).map((c) => c.name), expected, language);
    }
  });
});

describe('the walkthrough pages', () => {
  it('name only commands the palette has', () => {
    for (const page of pages) {
      for (const [, title] of page.text.matchAll(/\*\*AWS Patterns: ([^*]+)\*\*/g)) assert.ok(titles.has(title), `${page.name}: "${title}" is no command title`);
    }
  });

  it('name only snippet prefixes that exist, once the snippets are contributed', () => {
    const contributed = (manifest.contributes.snippets ?? []) as SnippetContribution[];
    const prefixes = new Set(contributed.flatMap((c) => Object.values(JSON.parse(readFileSync(join(repoRoot, c.path), 'utf8')) as Record<string, { prefix: string | string[] }>).flatMap((s) => [s.prefix].flat())));
    const named = [...pages.find((p) => p.name === 'insert-snippet.md')!.text.matchAll(/`(aws-[a-z0-9-]+)`/g)].map((m) => m[1]);
    assert.ok(named.length >= 4);
    if (contributed.length) for (const p of named) assert.ok(prefixes.has(p), `insert-snippet.md names ${p}, which no snippet has`);
  });
});
