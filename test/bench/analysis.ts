// In-process throughput: the engine's full analysis (every registered rule) against the floors
// it cannot beat — TypeScript's bare `createSourceFile` and jsonc-parser's `parseTree` — and
// against a peer, ESLint's own parse with @typescript-eslint/parser (no rules), on the same files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { ParseError } from 'jsonc-parser';
import type * as typescript from 'typescript';
import type { IamKnowledge } from '../../server/src/iam/knowledge';
import type { Corpus } from './corpus/ensure';
import type { ShippedEngine } from './engine-bundle';
import { interleaved, median, timeMs, type Sample, type Task } from './stats';

export interface SourceText {
  path: string;
  text: string;
  lines: number;
}

export interface AnalysisFigures {
  tsFiles: number;
  tsLines: number;
  jsonFiles: number;
  jsonLines: number;
  rules: number;
  findings: number;
  findingsByRule: Record<string, number>;
  internalErrors: number;
  /** Median CPU milliseconds of one pass over the corpus, per task. */
  ms: Record<string, number>;
  /** Median wall-clock milliseconds of one pass, per task. */
  wallMs: Record<string, number>;
  /** Every round's samples, per task (for the JSON report). */
  samples: Record<string, Sample[]>;
  /** Milliseconds per rule over one pass of the whole corpus (the engine's own timing). */
  ruleMs: Record<string, number>;
  /** Milliseconds of the first analysis pass, IAM data not yet loaded and code not yet optimized. */
  coldPassMs: number;
}

export function loadTexts(corpus: Corpus): { ts: SourceText[]; json: SourceText[] } {
  const out = { ts: [] as SourceText[], json: [] as SourceText[] };
  for (const f of corpus.manifest.files) {
    const t: SourceText = { path: join(corpus.root, f.path), text: readFileSync(join(corpus.root, f.path), 'utf8'), lines: f.lines };
    (f.kind === 'json' ? out.json : out.ts).push(t);
  }
  return out;
}

/** The ScriptKind the engine itself picks, so the floor parses each file the same way. */
function scriptKind(ts: typeof typescript, path: string): typescript.ScriptKind {
  return /\.(tsx|jsx)$/i.test(path) ? ts.ScriptKind.TSX : /\.(js|mjs|cjs)$/i.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

const ESLINT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

export interface Rounds {
  rounds: number;
  warmup: number;
  /** ESLint is ten times slower than the rest: its comparison runs fewer (interleaved) rounds. */
  peerRounds: number;
  peerWarmup: number;
}

export function measureAnalysis(engine: ShippedEngine, files: { ts: SourceText[]; json: SourceText[] }, root: string, iam: IamKnowledge, r: Rounds): AnalysisFigures {
  const { analyze, ts, parseTree } = engine;
  const findingsByRule: Record<string, number> = {};
  let findings = 0;
  let internalErrors = 0;
  const ruleMs: Record<string, number> = {};

  // One checked pass first: it counts findings, proves nothing throws, and records the cold cost.
  const coldPassMs = timeMs(() => {
    for (const f of [...files.ts, ...files.json]) {
      const r = analyze({ path: f.path, text: f.text }, { iam });
      findings += r.findings.length;
      internalErrors += r.internalErrors.length;
      for (const x of r.findings) findingsByRule[x.ruleId] = (findingsByRule[x.ruleId] ?? 0) + 1;
    }
  });
  for (const f of [...files.ts, ...files.json]) {
    const r = analyze({ path: f.path, text: f.text }, { iam, timing: true });
    for (const [id, ms] of Object.entries(r.timings ?? {})) ruleMs[id] = (ruleMs[id] ?? 0) + ms;
  }

  // Flat config matches files relative to the linter's cwd: the corpus root.
  const linter = new Linter({ configType: 'flat', cwd: root });
  const eslintConfig: Linter.Config[] = [{ files: ESLINT_FILES, languageOptions: { parser: { parseForESLint } as Linter.Parser } }];
  // With no rules ESLint reports nothing, unless it could not parse a file or found no config
  // for it (then it would not have parsed it at all): either makes the comparison unfair.
  for (const f of files.ts) {
    const [m] = linter.verify(f.text, eslintConfig, { filename: f.path });
    if (m) throw new Error(`ESLint did not parse ${f.path}: ${m.message}`);
  }

  const analyzeTs = () => files.ts.forEach((f) => analyze({ path: f.path, text: f.text }, { iam }));
  const tasks: Task[] = [
    { name: 'ts.analyze', run: analyzeTs },
    { name: 'ts.createSourceFile', run: () => files.ts.forEach((f) => ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, false, scriptKind(ts, f.path))) },
    { name: 'json.analyze', run: () => files.json.forEach((f) => analyze({ path: f.path, text: f.text }, { iam })) },
    {
      name: 'json.parseTree',
      run: () =>
        files.json.forEach((f) => {
          const errors: ParseError[] = [];
          parseTree(f.text, errors, { allowTrailingComma: true, disallowComments: false });
        }),
    },
  ];
  const peerTasks: Task[] = [
    // The same analysis again, interleaved with the peer's rounds: each ratio compares
    // figures taken side by side.
    { name: 'ts.analyze.peer', run: analyzeTs },
    {
      name: 'eslint.parseForESLint',
      run: () =>
        files.ts.forEach((f) =>
          parseForESLint(f.text, { filePath: f.path, ecmaVersion: 'latest', sourceType: f.path.endsWith('.cjs') ? 'commonjs' : 'module', range: true, loc: true, tokens: true, comment: true }),
        ),
    },
    { name: 'eslint.verifyNoRules', run: () => files.ts.forEach((f) => linter.verify(f.text, eslintConfig, { filename: f.path })) },
  ];
  const samples = new Map([...interleaved(tasks, r.rounds, r.warmup), ...interleaved(peerTasks, r.peerRounds, r.peerWarmup)]);
  const ms: Record<string, number> = {};
  const wallMs: Record<string, number> = {};
  for (const [name, xs] of samples) {
    ms[name] = median(xs.map((x) => x.cpu));
    wallMs[name] = median(xs.map((x) => x.wall));
  }
  return {
    tsFiles: files.ts.length,
    tsLines: files.ts.reduce((s, f) => s + f.lines, 0),
    jsonFiles: files.json.length,
    jsonLines: files.json.reduce((s, f) => s + f.lines, 0),
    rules: engine.allRules.length,
    findings,
    findingsByRule,
    internalErrors,
    ms,
    wallMs,
    samples: Object.fromEntries(samples),
    ruleMs,
    coldPassMs,
  };
}
