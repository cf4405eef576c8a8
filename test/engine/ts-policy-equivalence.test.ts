// The same IAM statement written as JSON and in TypeScript gives the same findings. The cases are
// the JSON IAM rule tables themselves (test/rules/iam/*.test.ts, whatever rules exist): each JSON
// policy document is rewritten as `new iam.PolicyStatement({...})`, as `PolicyDocument.fromJson`,
// and (for cross-account trust statements) as `new iam.Role({ assumedBy, externalIds })`.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'jsonc-parser';
import { defaultConfig } from '../../server/src/engine/config';
import type { RuleDefinition } from '../../server/src/engine/rule';
import { isEndpointPolicyPath } from '../../server/src/engine/json/recognize';
import { applyEdits } from '../../server/src/engine/text';
import type { Finding } from '../../server/src/engine/types';
import { analyzeText, iam, parseProblems, repoRoot } from '../helpers/engine';
import { collectRuleTables, type ValidCase } from '../helpers/rule-tester';

const dir = join(repoRoot, 'test', 'rules', 'iam');
const tables = collectRuleTables(() => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.test.ts')).sort()) require(join(dir, f));
});

/** Rules that read the statement model (others, such as secret scanners, read text). */
function usesStatements(rule: RuleDefinition): boolean {
  try {
    const visitor = rule.create({ file: { path: 'p.json', text: '{}', kind: 'json', isTest: false }, settings: defaultConfig().settings, options: {}, iam, report: () => undefined });
    return typeof visitor.policyStatement === 'function';
  } catch {
    return false;
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const HEADER = "import * as iam from 'aws-cdk-lib/aws-iam';\ndeclare const unknownEffect: iam.Effect;\ndeclare const unknownValue: string;\ndeclare const unknownPrincipal: iam.IPrincipal;\n";

function get(obj: { [k: string]: Json }, key: string): Json | undefined {
  const k = Object.keys(obj).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : obj[k];
}
const str = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
function list(v: Json): string {
  const items = Array.isArray(v) ? v : [v];
  return `[${items.map((i) => (typeof i === 'string' ? str(i) : 'unknownValue')).join(', ')}]`;
}
function principals(v: Json): string {
  if (v === '*') return '[new iam.StarPrincipal()]';
  if (!v || typeof v !== 'object' || Array.isArray(v)) return '[unknownPrincipal]';
  const out: string[] = [];
  for (const [type, values] of Object.entries(v)) {
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value !== 'string') out.push('unknownPrincipal');
      else if (type === 'AWS') out.push(value === '*' ? 'new iam.AnyPrincipal()' : `new iam.ArnPrincipal(${str(value)})`);
      else if (type === 'Service') out.push(`new iam.ServicePrincipal(${str(value)})`);
      else if (type === 'Federated') out.push(`new iam.FederatedPrincipal(${str(value)})`);
      else if (type === 'CanonicalUser') out.push(`new iam.CanonicalUserPrincipal(${str(value)})`);
      else out.push('unknownPrincipal');
    }
  }
  return `[${out.join(', ')}]`;
}

/** One JSON statement as `new iam.PolicyStatement({...})`. */
function policyStatement(s: { [k: string]: Json }): string {
  const props: string[] = [];
  const effect = get(s, 'Effect');
  props.push(`effect: ${effect === 'Allow' ? 'iam.Effect.ALLOW' : effect === 'Deny' ? 'iam.Effect.DENY' : 'unknownEffect'}`);
  const sid = get(s, 'Sid');
  if (typeof sid === 'string') props.push(`sid: ${str(sid)}`);
  for (const [json, ts] of [['Action', 'actions'], ['NotAction', 'notActions'], ['Resource', 'resources'], ['NotResource', 'notResources']]) {
    const v = get(s, json);
    if (v !== undefined) props.push(`${ts}: ${list(v)}`);
  }
  const p = get(s, 'Principal');
  if (p !== undefined) props.push(`principals: ${principals(p)}`);
  const np = get(s, 'NotPrincipal');
  if (np !== undefined) props.push(`notPrincipals: ${principals(np)}`);
  const c = get(s, 'Condition');
  if (c !== undefined) props.push(`conditions: ${JSON.stringify(c)}`);
  return `new iam.PolicyStatement({ ${props.join(', ')} })`;
}

/** A cross-account trust statement as `new iam.Role(...)`, when it has exactly that shape. */
function role(s: { [k: string]: Json }): string | undefined {
  const action = get(s, 'Action');
  const actions = Array.isArray(action) ? action : [action];
  const principal = get(s, 'Principal');
  const aws = principal && typeof principal === 'object' && !Array.isArray(principal) ? get(principal, 'AWS') : undefined;
  const cond = get(s, 'Condition');
  if (get(s, 'Effect') !== 'Allow' || actions.length !== 1 || actions[0] !== 'sts:AssumeRole' || typeof aws !== 'string' || Object.keys(principal as object).length !== 1) return undefined;
  if (get(s, 'Resource') !== undefined || get(s, 'NotAction') !== undefined || get(s, 'NotPrincipal') !== undefined) return undefined;
  const props = [];
  const account = aws.match(/^arn:aws:iam::(\d{12}):root$/);
  props.push(`assumedBy: ${account ? `new iam.AccountPrincipal(${str(account[1])})` : aws === '*' ? 'new iam.AnyPrincipal()' : `new iam.ArnPrincipal(${str(aws)})`}`);
  if (cond !== undefined) {
    const eq = cond && typeof cond === 'object' && !Array.isArray(cond) ? cond : undefined;
    const keys = eq ? Object.keys(eq) : [];
    const inner = eq && keys.length === 1 && keys[0] === 'StringEquals' ? (eq.StringEquals as { [k: string]: Json }) : undefined;
    if (!inner || typeof inner !== 'object' || Object.keys(inner).length !== 1 || Object.keys(inner)[0] !== 'sts:ExternalId') return undefined;
    props.push(`externalIds: ${list(inner['sts:ExternalId'])}`);
  }
  return `new iam.Role(this, 'Role', { ${props.join(', ')} });`;
}

interface Variant {
  form: string;
  code: string;
}

function variants(json: string): Variant[] {
  const doc = parse(json) as Json;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const st = get(doc, 'Statement');
  if (st === undefined || get(doc, 'Resources') !== undefined) return [];
  const statements = (Array.isArray(st) ? st : [st]).filter((s): s is { [k: string]: Json } => !!s && typeof s === 'object' && !Array.isArray(s));
  if (statements.length === 0) return [];
  const out: Variant[] = [
    { form: 'PolicyStatement', code: `${HEADER}export const doc = new iam.PolicyDocument({\n  statements: [\n    ${statements.map(policyStatement).join(',\n    ')},\n  ],\n});\n` },
    { form: 'PolicyDocument.fromJson', code: `${HEADER}export const doc = iam.PolicyDocument.fromJson(${json.trim()});\n` },
  ];
  const r = statements.length === 1 ? role(statements[0]) : undefined;
  if (r) out.push({ form: 'Role assumedBy', code: `${HEADER}${r}\n` });
  return out;
}

const summary = (fs: Finding[]) => fs.map((f) => `${f.ruleId}/${f.messageId}/${f.severity}/${f.suggestions?.length ?? 0}${f.fix ? '+fix' : ''}`).sort();

const covered = new Map<string, number>();
for (const { rule, cases } of tables) {
  if (!usesStatements(rule)) continue;
  describe(`TypeScript = JSON: ${rule.id}`, () => {
    const all: (ValidCase & { invalid: boolean })[] = [...cases.valid.map((c) => ({ ...c, invalid: false })), ...cases.invalid.map((c) => ({ ...c, invalid: true }))];
    for (const c of all) {
      if (!/\.jsonc?$/i.test(c.filename)) continue;
      // A policy file's path can name it a VPC endpoint policy; a statement in a stack has its own context.
      if (isEndpointPolicyPath(c.filename)) continue;
      const json = analyzeText(c.filename, c.code, { rules: [rule], config: c.config }).findings;
      for (const v of variants(c.code)) {
        it(`${v.form}: ${c.name ?? c.code.trim().split('\n')[0].slice(0, 60)}`, () => {
          assert.deepEqual(parseProblems('stack.ts', v.code), [], v.code);
          const res = analyzeText('stack.ts', v.code, { rules: [rule], config: c.config });
          assert.deepEqual(res.internalErrors, []);
          assert.deepEqual(summary(res.findings), summary(json), `JSON and TypeScript disagree on:\n${v.code}`);
          for (const f of res.findings) {
            assert.ok(f.start >= HEADER.length && f.end <= v.code.length, `${f.messageId} does not point into the statement`);
            for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
              const out = applyEdits(v.code, fix.edits);
              assert.deepEqual(parseProblems('stack.ts', out), [], `"${fix.title}" breaks the code:\n${out}`);
            }
          }
          if (json.length) covered.set(rule.id, (covered.get(rule.id) ?? 0) + 1);
        });
      }
    }
  });
}

describe('TypeScript = JSON: coverage', () => {
  it('every statement-based IAM rule is exercised with findings in TypeScript', () => {
    const rules = tables.filter((t) => usesStatements(t.rule)).map((t) => t.rule.id);
    assert.ok(rules.length > 0, 'no IAM rule tables found');
    for (const id of rules) assert.ok((covered.get(id) ?? 0) > 0, `${id}: no converted case with findings`);
  });
});
