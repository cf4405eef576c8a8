// The real engine, as tests use it: real IAM data (built into dist/iam-data by `npm run build`).
import { join } from 'node:path';
import * as ts from 'typescript';
import { analyze, type AnalyzeOptions } from '../../server/src/engine/analyze';
import { parseJsonFile } from '../../server/src/engine/json/front';
import { parseTypeScript, syntaxErrors } from '../../server/src/engine/typescript/file';
import type { RuleMeta } from '../../server/src/engine/rule';
import type { AnalysisResult } from '../../server/src/engine/types';
import { loadIamKnowledge } from '../../server/src/iam/fsLoader';

export const repoRoot = join(__dirname, '..', '..');
export const iam = loadIamKnowledge(join(repoRoot, 'dist', 'iam-data'));

export function analyzeText(path: string, text: string, options: Partial<AnalyzeOptions> = {}): AnalysisResult {
  return analyze({ path, text }, { iam, ...options });
}

/** Syntax problems of a file, by its extension: the check every fixed output must pass. */
export function parseProblems(path: string, text: string): string[] {
  if (/\.jsonc?$/i.test(path)) {
    return parseJsonFile(text).notices.map((n) => n.message);
  }
  return syntaxErrors(parseTypeScript(path, text)).map((d) => (typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText));
}

/** Object literals that write one key twice (legal syntax, a type error in TS): "line:key" per duplicate. */
export function duplicateKeys(path: string, text: string): string[] {
  if (/\.jsonc?$/i.test(path)) return [];
  const sf = parseTypeScript(path, text);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n)) {
      const seen = new Set<string>();
      for (const p of n.properties) {
        const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
        if (name === undefined) continue;
        if (seen.has(name)) out.push(`${sf.getLineAndCharacterOfPosition(p.getStart(sf)).line + 1}:${name}`);
        seen.add(name);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Metadata for a rule made up by a test: its ID as every text, no examples. */
export function testRuleMeta<M extends string>(id: string, meta: Pick<RuleMeta<M>, 'fix' | 'languages' | 'messages'> & Partial<RuleMeta<M>>): RuleMeta<M> {
  return { title: id, description: id, rationale: id, severity: 'warning', service: 'general', guide: 'test', examples: { invalid: [], valid: [] }, ...meta };
}
