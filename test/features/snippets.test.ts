// Our snippets obey our own rules: each snippet, expanded with its defaults (placeholder text or
// first choice, mirrors, transforms, variables), is put in a file of its language, must parse,
// and must draw no finding from any registered rule. The loop is over the registry, so rules
// that land later are covered without touching this test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { parseTypeScript } from '../../server/src/engine/typescript/file';
import { TsFile } from '../../server/src/engine/typescript/file';
import { snippets } from '../../server/src/features/patterns';
import { parseSnippet, snippetTabStops } from '../../server/src/features/snippet-syntax';
import { allRules } from '../../server/src/rules/index';
import { analyzeText, parseProblems, repoRoot } from '../helpers/engine';
import { describeFinding } from '../helpers/rule-tester';
import { snippetContexts, snippetFile } from '../helpers/snippet-files';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('snippets', () => {
  it('the manifest contributes them for typescript, typescriptreact, json and jsonc', () => {
    const entries: { language: string; path: string }[] = manifest.contributes?.snippets ?? [];
    const want = [
      ['typescript', './snippets/typescript.json'],
      ['typescriptreact', './snippets/typescript.json'],
      ['json', './snippets/json.json'],
      ['jsonc', './snippets/json.json'],
    ];
    for (const [language, path] of want) assert.ok(entries.some((e) => e.language === language && e.path === path), `no snippets entry for ${language} → ${path}`);
    for (const e of entries) assert.doesNotThrow(() => readFileSync(join(repoRoot, e.path)), `${e.path} is missing`);
  });

  it('prefixes start with aws- and are unique; descriptions name the pattern', () => {
    const seen = new Set<string>();
    for (const s of snippets) {
      assert.match(s.prefix, /^aws-[a-z0-9-]+$/, s.name);
      assert.ok(!seen.has(`${s.kind}:${s.prefix}`), `duplicate prefix ${s.prefix}`);
      seen.add(`${s.kind}:${s.prefix}`);
      // "Section / Subsection: what it writes" — the guide section the pattern comes from, then the pattern.
      assert.match(s.description, /^[A-Z][\w &/-]+: .{20,}$/, `${s.prefix}: ${s.description}`);
    }
  });

  it('every snippet has a context to be tested in (and no stale context)', () => {
    assert.deepEqual(snippets.filter((s) => !snippetContexts[s.prefix]).map((s) => s.prefix), []);
    assert.deepEqual(Object.keys(snippetContexts).filter((p) => !snippets.some((s) => s.prefix === p)), []);
  });

  it('where users decide, the first tab stop is a choice or a placeholder (service, actions, runtime)', () => {
    const choices = (prefix: string) => snippetTabStops(snippets.find((s) => s.prefix === prefix)!.body).flatMap((t) => t.choices ?? []);
    assert.ok(choices('aws-iam-statement').includes('dynamodb'), 'service choice in the JSON statement');
    assert.ok(choices('aws-iam-policy-statement').includes('sqs'), 'service choice in the CDK statement');
    assert.deepEqual(choices('aws-lambda-function').filter((c) => c.startsWith('NODEJS_')), ['NODEJS_24_X', 'NODEJS_22_X'], 'current runtimes only');
  });

  for (const snippet of snippets) {
    const exts = snippet.kind === 'json' ? ['json'] : ['ts', 'tsx'];
    for (const ext of exts) {
      it(`${snippet.prefix} (.${ext}) parses and draws no finding from the ${allRules.length} registered rules`, () => {
        assert.doesNotThrow(() => parseSnippet(snippet.body.join('\n')));
        const file = snippetFile(snippet, ext);
        assert.deepEqual(parseProblems(file.path, file.text), [], `does not parse:\n${file.text}`);
        const result = analyzeText(file.path, file.text);
        assert.deepEqual(result.internalErrors.map((e) => `${e.ruleId}: ${e.message}`), [], 'a rule threw');
        assert.deepEqual(result.notices.map((n) => n.message), []);
        assert.deepEqual(result.findings.map(describeFinding), [], `findings in:\n${file.text}`);
      });
    }
  }

  it('control: a snippet that breaks a rule is caught by the same pipeline', () => {
    const bad = { name: 'bad', prefix: 'aws-iam-statement', description: '', kind: 'json' as const, body: ['{ "Effect": "Allow", "Action": "${1|s3:*,s3:GetObject|}", "Resource": "*" }'] };
    const file = snippetFile(bad, 'json');
    assert.deepEqual(analyzeText(file.path, file.text).findings.map((f) => f.ruleId).filter((r) => r === 'iam-wildcard-action'), ['iam-wildcard-action']);
  });

  it('the rules can see what the TypeScript snippets use (a silent engine would prove nothing)', () => {
    const resolved: Record<string, string[]> = {};
    for (const snippet of snippets.filter((s) => s.kind === 'typescript')) {
      const file = snippetFile(snippet, 'ts');
      const tsFile = new TsFile(parseTypeScript(file.path, file.text));
      const modules = new Set<string>();
      // Names bound to an AWS module: imported ones, and consts made by an AWS call (`ddb = DynamoDBDocument.from(…)`).
      const visit = (n: ts.Node): void => {
        if (n.getStart() >= file.start && n.end <= file.end && ts.isIdentifier(n)) {
          const ref = tsFile.symbolOf(n);
          const value = ref ? undefined : tsFile.evaluate(n);
          const module = ref?.module ?? (value && (value.kind === 'call' || value.kind === 'new' || value.kind === 'symbol') ? value.ref.module : undefined);
          if (module) modules.add(module);
        }
        n.forEachChild(visit);
      };
      visit(tsFile.sourceFile);
      resolved[snippet.prefix] = [...modules].filter((m) => /^(aws-cdk-lib|@aws-sdk\/|aws-lambda$|aws-sdk-client-mock$)/.test(m));
    }
    // Only the environment-variable pattern uses no AWS API at all.
    const blind = Object.entries(resolved).filter(([, m]) => m.length === 0).map(([p]) => p);
    assert.deepEqual(blind, ['aws-lambda-env'], JSON.stringify(resolved, null, 1));
  });
});
