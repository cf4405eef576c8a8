// The guide as fixtures: test/fixtures/aws-patterns-guide.md is our own product document (a copy
// of the shared guide). Each code block is cut at its `// ❌` / `// ✅` markers; each ❌ example
// must produce a finding of a rule whose `meta.guide` names the example's section, and each ✅
// example must produce no finding of those rules. The check runs over the whole registry, so
// rules added later are covered as soon as they are registered. Exceptions are listed below,
// each with its reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { RuleDefinition } from '../server/src/engine/rule';
import { allRules } from '../server/src/rules/index';
import { describeFinding } from './helpers/rule-tester';
import { analyzeText, parseProblems, repoRoot } from './helpers/engine';

interface Example {
  section: string;
  kind: '❌' | '✅';
  language: 'json' | 'typescript';
  code: string;
  /** 1-based line of the example in the guide, for messages. */
  line: number;
}

/** `meta.guide` values that are not a guide section, and what they cover. */
const CROSS_CUTTING: Record<string, 'every ✅ example' | 'none'> = {
  // sdk-v2-import: the guide uses SDK v3 everywhere, so no ✅ example may import SDK v2.
  '(all sections use v3)': 'every ✅ example',
  // unused-suppression is about our own comments, not an AWS pattern.
  '(suppression comments)': 'none',
};

/**
 * Known departures of the guide from our rules, each explained:
 * - Its Timeouts and Memory example uses `lambda.Runtime.NODEJS_20_X`, past its AWS deprecation
 *   (2026-04-30): lambda-deprecated-runtime may report that runtime, and only that.
 */
const ALLOWED_IN_VALID: { section: string; ruleId: string; text: RegExp; why: string }[] = [
  { section: 'Lambda / Timeouts and Memory', ruleId: 'lambda-deprecated-runtime', text: /NODEJS_20_X/, why: 'NODEJS_20_X is deprecated since 2026-04-30; the guide predates it' },
];
/** The guide's Error Handling example elides an object's properties as `{ /* ... *\/, ConditionExpression }`, which does not parse. */
const UNPARSEABLE = new Set(['Error Handling']);

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split('\n');
  let h2 = '';
  let h3 = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('## ')) {
      h2 = line.slice(3).trim();
      h3 = '';
    } else if (line.startsWith('### ')) h3 = line.slice(4).trim();
    const fence = /^```(\w+)/.exec(line);
    if (!fence) continue;
    const language = fence[1] === 'json' ? 'json' : 'typescript';
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    const body = lines.slice(start, end);
    const section = h3 ? `${h2} / ${h3}` : h2;
    // Cut at the markers; a block without markers is one ✅ example.
    let current: Example | undefined;
    body.forEach((l, j) => {
      const marker = /^\s*\/\/\s*(❌|✅)/.exec(l);
      if (marker || !current) {
        current = { section, kind: (marker?.[1] as '❌' | '✅') ?? '✅', language, code: '', line: start + j + 1 };
        out.push(current);
      }
      current.code += `${l}\n`;
    });
    i = end;
  }
  return out;
}

/** What a snippet leaves implicit, declared so names resolve as they would in a real file. */
function prepare(ex: Example): { filename: string; code: string } {
  if (ex.language === 'json') {
    // A bare statement (`{ "Effect": ... }`) is shown without its policy document.
    const bare = /"Effect"/.test(ex.code) && !/"Statement"/.test(ex.code);
    return { filename: 'policy.json', code: bare ? `{\n"Version": "2012-10-17",\n"Statement": [\n${ex.code}]\n}\n` : ex.code };
  }
  const code = ex.code;
  const uses = (name: string) => new RegExp(`(^|[^\\w.$])${name.replace('$', '\\$')}\\b`).test(code);
  const declared = (name: string) => new RegExp(`(import[^;]*\\b${name}\\b|(const|let|var)\\s+${name}\\b)`).test(code);
  const pre: string[] = [];
  const need = (name: string, line: string) => {
    if (uses(name) && !declared(name)) pre.push(line);
  };
  need('Duration', "import { Duration } from 'aws-cdk-lib';");
  need('RemovalPolicy', "import { RemovalPolicy } from 'aws-cdk-lib';");
  need('lambda', "import * as lambda from 'aws-cdk-lib/aws-lambda';");
  need('dynamodb', "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';");
  need('iam', "import * as iam from 'aws-cdk-lib/aws-iam';");
  // `s3` and `sqs` are the CDK modules in stacks, and SDK clients in application code.
  if (/new s3\./.test(code)) need('s3', "import * as s3 from 'aws-cdk-lib/aws-s3';");
  else need('s3', "import { S3 } from '@aws-sdk/client-s3';\nconst s3 = new S3({});");
  if (/new sqs\./.test(code)) need('sqs', "import * as sqs from 'aws-cdk-lib/aws-sqs';");
  else need('sqs', "import { SQSClient } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});");
  need('S3Client', "import { S3Client } from '@aws-sdk/client-s3';");
  need('s3Client', "import { S3Client as S3ClientForGuide } from '@aws-sdk/client-s3';\nconst s3Client = new S3ClientForGuide({});");
  need('DynamoDBClient', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';");
  need('GetItemCommand', "import { GetItemCommand } from '@aws-sdk/client-dynamodb';");
  need('ddb', "import { DynamoDBClient as DynamoDBClientForGuide } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';\nconst ddb = DynamoDBDocument.from(new DynamoDBClientForGuide({}));");
  for (const t of ['APIGatewayEvent', 'SQSEvent', 'SQSBatchItemFailure']) need(t, `import type { ${t} } from 'aws-lambda';`);
  return { filename: 'example.ts', code: pre.length ? `${pre.join('\n')}\n${code}` : code };
}

const guide = readFileSync(join(repoRoot, 'test', 'fixtures', 'aws-patterns-guide.md'), 'utf8');
const all = examples(guide);
const sections = new Set(all.map((e) => e.section));
const rulesOf = (section: string): RuleDefinition[] => allRules.filter((r) => r.meta.guide === section);
const everywhere = allRules.filter((r) => CROSS_CUTTING[r.meta.guide] === 'every ✅ example');

describe('the guide as fixtures', () => {
  it('the fixture is the shared guide', () => {
    const shared = '/work/shared/aws-patterns-guide.md';
    let text: string | undefined;
    try {
      text = readFileSync(shared, 'utf8');
    } catch {
      return; // outside the workspace the copy is the reference
    }
    assert.equal(guide, text, 'test/fixtures/aws-patterns-guide.md differs from the shared guide: copy it again');
  });
  it('finds the examples', () => {
    assert.ok(all.length >= 20, `${all.length} examples`);
    assert.deepEqual(all.filter((e) => e.kind === '❌').map((e) => e.section), ['IAM / Least Privilege', 'IAM / Service Roles']);
  });
  it('every rule names a guide section (or a listed cross-cutting value)', () => {
    for (const r of allRules) assert.ok(sections.has(r.meta.guide) || r.meta.guide in CROSS_CUTTING, `${r.id}: guide "${r.meta.guide}" is not a section of the guide`);
  });
  it('only the listed examples fail to parse', () => {
    const broken = all.filter((e) => {
      const p = prepare(e);
      return parseProblems(p.filename, p.code).length > 0;
    });
    assert.deepEqual([...new Set(broken.map((e) => e.section))], [...UNPARSEABLE]);
  });

  for (const ex of all) {
    const p = prepare(ex);
    const own = rulesOf(ex.section);
    const checked = ex.kind === '✅' ? [...own, ...everywhere] : own;
    const label = `${ex.kind} ${ex.section} (guide line ${ex.line})`;
    if (ex.kind === '❌') {
      it(`${label}: reported by a rule of its section`, () => {
        assert.ok(own.length > 0, `no rule claims "${ex.section}"`);
        const r = analyzeText(p.filename, p.code);
        assert.deepEqual(r.internalErrors, []);
        const found = r.findings.filter((f) => own.some((rule) => rule.id === f.ruleId));
        assert.ok(found.length > 0, `no finding of ${own.map((x) => x.id).join(', ')} in:\n${p.code}`);
      });
    } else {
      it(`${label}: no finding of ${checked.map((r) => r.id).join(', ') || '(no rule yet)'}`, () => {
        const r = analyzeText(p.filename, p.code);
        assert.deepEqual(r.internalErrors, []);
        const found = r.findings.filter((f) => checked.some((rule) => rule.id === f.ruleId));
        const allowed = (f: (typeof found)[number]) => ALLOWED_IN_VALID.some((a) => a.section === ex.section && a.ruleId === f.ruleId && a.text.test(p.code.slice(f.start, f.end)));
        assert.deepEqual(found.filter((f) => !allowed(f)).map(describeFinding), [], p.code);
        // Each listed exception must still be needed: its rule reports what the exception names.
        for (const a of ALLOWED_IN_VALID.filter((x) => x.section === ex.section && checked.some((rule) => rule.id === x.ruleId))) {
          assert.ok(found.some((f) => f.ruleId === a.ruleId && allowed(f)), `exception no longer needed: ${a.ruleId} (${a.why})`);
        }
      });
    }
  }
});
