// Table-driven rule tests in the manner of ESLint's RuleTester, on the real engine.
// Fails when: a valid case reports; an invalid case's findings differ from `errors`; a fixed or
// suggested output does not parse, equals the input, or still carries the finding it fixed;
// a messageId is unknown or never exercised; a case is duplicated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResolvedConfig } from '../../server/src/engine/config';
import type { RuleDefinition } from '../../server/src/engine/rule';
import { applyEdits, lineIndex } from '../../server/src/engine/text';
import type { Finding, Severity, TextEdit } from '../../server/src/engine/types';
import { analyzeText, duplicateKeys, parseProblems } from './engine';

export interface ValidCase {
  name?: string;
  filename: string;
  code: string;
  config?: ResolvedConfig;
}

export interface ExpectedSuggestion {
  /** Substring of the suggestion's title, to pick it. */
  title: string;
  /** Exact expected text; omit only for very long outputs (parse and finding-gone are still checked). */
  output?: string;
}

export interface ExpectedError {
  messageId: string;
  /** 1-based, like ESLint. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  data?: Record<string, string | number>;
  severity?: Severity;
  /** Every suggestion to check; omit to skip, `[]` to require none. */
  suggestions?: ExpectedSuggestion[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The file after applying every finding's `fix`; `null` = no finding has a fix. */
  output: string | null;
}

export interface RuleTable {
  rule: RuleDefinition;
  cases: { valid: ValidCase[]; invalid: InvalidCase[] };
}

let collecting: RuleTable[] | undefined;

/**
 * Loads rule test files without running them and returns their tables, so another test can reuse
 * the cases (the TypeScript/JSON IAM equivalence test does).
 */
export function collectRuleTables(load: () => void): RuleTable[] {
  const tables: RuleTable[] = [];
  collecting = tables;
  try {
    load();
  } finally {
    collecting = undefined;
  }
  return tables;
}

export function ruleTester(rule: RuleDefinition, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  if (collecting) {
    collecting.push({ rule, cases });
    return;
  }
  describe(rule.id, () => {
    const seen = new Set<string>();
    const used = new Set<string>();
    const all = [...cases.valid, ...cases.invalid];
    for (const c of all) {
      const k = `${c.filename}\n${c.code}\n${JSON.stringify(c.config ?? null)}`;
      const duplicate = seen.has(k);
      seen.add(k);
      if (duplicate) it(`duplicate case: ${c.name ?? firstLine(c.code)}`, () => assert.fail('duplicate test case'));
    }

    for (const c of cases.valid) {
      it(`valid: ${c.name ?? firstLine(c.code)}`, () => {
        const found = run(rule, c);
        assert.deepEqual(found.map(describeFinding), [], `expected no ${rule.id} finding`);
      });
    }

    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? firstLine(c.code)}`, () => {
        const found = run(rule, c);
        const lines = lineIndex(c.code);
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${found.map(describeFinding).join('\n')}`);
        c.errors.forEach((exp, i) => {
          const f = found[i];
          assert.ok(rule.meta.messages[exp.messageId as never] !== undefined, `unknown messageId ${exp.messageId}`);
          used.add(exp.messageId);
          assert.equal(f.messageId, exp.messageId, describeFinding(f));
          const s = lines.position(f.start);
          const e = lines.position(f.end);
          if (exp.line !== undefined) assert.equal(s.line + 1, exp.line, `line of ${describeFinding(f)}`);
          if (exp.column !== undefined) assert.equal(s.character + 1, exp.column, `column of ${describeFinding(f)}`);
          if (exp.endLine !== undefined) assert.equal(e.line + 1, exp.endLine, `endLine of ${describeFinding(f)}`);
          if (exp.endColumn !== undefined) assert.equal(e.character + 1, exp.endColumn, `endColumn of ${describeFinding(f)}`);
          if (exp.severity !== undefined) assert.equal(f.severity, exp.severity, `severity of ${describeFinding(f)}`);
          if (exp.data) for (const [k, v] of Object.entries(exp.data)) assert.equal(f.data?.[k], v, `data.${k} of ${describeFinding(f)}`);
          assert.ok(!/\{\{\w+\}\}/.test(f.message), `message has an unfilled placeholder: ${f.message}`);
          // meta.fix tells users and fix-all what to expect: 'none' offers nothing, 'unsafe' never runs unattended.
          const offered = [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])];
          if (rule.meta.fix === 'none') assert.deepEqual(offered.map((x) => x.title), [], 'meta.fix is none');
          if (rule.meta.fix === 'unsafe') assert.ok(offered.every((x) => x.kind === 'unsafe'), 'meta.fix is unsafe: no safe fixes');
          if (exp.suggestions) {
            const got = f.suggestions ?? [];
            assert.equal(got.length, exp.suggestions.length, `suggestions of ${describeFinding(f)}: ${got.map((g) => g.title).join(' | ')}`);
            for (const es of exp.suggestions) {
              const sug = got.find((g) => g.title.includes(es.title));
              assert.ok(sug, `no suggestion titled like "${es.title}" in: ${got.map((g) => g.title).join(' | ')}`);
              const out = applyEdits(c.code, sug.edits);
              checkFixedOutput(rule, c, f, out);
              if (es.output !== undefined) assert.equal(out, es.output, `output of suggestion "${sug.title}"`);
            }
          }
        });

        const fixes = found.filter((f) => f.fix);
        if (c.output === null) {
          assert.equal(fixes.length, 0, `expected no fix, got: ${fixes.map((f) => f.fix!.title).join(' | ')}`);
        } else {
          assert.ok(fixes.length > 0, 'expected a fix, the rule offered none');
          // One pass as ESLint's fixer does: a fix whose edits touch an applied fix's waits for the next pass.
          const applied = nonConflicting(fixes);
          const out = applyEdits(c.code, applied.flatMap((f) => f.fix!.edits));
          for (const f of applied) checkFixedOutput(rule, c, f, out);
          assert.equal(out, c.output, 'fixed output');
        }
      });
    }

    it('every messageId is exercised by an invalid case', () => {
      const unused = Object.keys(rule.meta.messages).filter((m) => !used.has(m));
      assert.deepEqual(unused, [], 'messageIds with no invalid case');
    });
  });
}

function run(rule: RuleDefinition, c: ValidCase): Finding[] {
  const result = analyzeText(c.filename, c.code, { rules: [rule], config: c.config });
  assert.deepEqual(result.internalErrors.map((e) => e.stack ?? e.message), [], 'rule threw');
  return result.findings.filter((f) => f.ruleId === rule.id);
}

/** A fix's output parses, differs from the input, and no longer carries the finding it fixed. */
function checkFixedOutput(rule: RuleDefinition, c: ValidCase, fixed: Finding, out: string): void {
  assert.notEqual(out, c.code, 'fix changed nothing');
  assert.deepEqual(parseProblems(c.filename, out), [], `fixed output does not parse:\n${out}`);
  assert.ok(duplicateKeys(c.filename, out).length <= duplicateKeys(c.filename, c.code).length, `the fix writes a key twice:\n${out}`);
  const again = run(rule, { ...c, code: out });
  const same = again.filter((f) => f.messageId === fixed.messageId && f.key === fixed.key && (fixed.key !== undefined || f.message === fixed.message));
  assert.deepEqual(same.map(describeFinding), [], `the finding survived its fix:\n${out}`);
}

/** Two edits conflict when they overlap or touch (two insertions at one point would interleave). */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The findings whose fixes can be applied together, in file order, skipping any that conflict. */
export function nonConflicting(findings: Finding[]): Finding[] {
  const taken: TextEdit[] = [];
  const out: Finding[] = [];
  for (const f of [...findings].sort((a, b) => Math.min(...a.fix!.edits.map((e) => e.start)) - Math.min(...b.fix!.edits.map((e) => e.start)))) {
    const edits = f.fix!.edits;
    if (edits.some((e) => taken.some((t) => conflicts(e, t)))) continue;
    taken.push(...edits);
    out.push(f);
  }
  return out;
}

export function describeFinding(f: Finding): string {
  return `${f.ruleId}/${f.messageId} [${f.start}-${f.end}] ${f.severity}: ${f.message}`;
}

function firstLine(code: string): string {
  return code.trim().split('\n')[0].slice(0, 70);
}
