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
import { collectGarbage, interleaved, median, sample, timeMs, type Sample, type Task } from './stats';

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
  /** The large file the editor latency test opens: CPU ms per bare parse and per analysis. */
  bigFile?: { parseMs: number[]; analyzeMs: number[] };
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
function scriptKind(ts: ShippedEngine['ts'], path: string): typescript.ScriptKind {
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

export type Part = 'engine' | 'peer';

/**
 * One part of the in-process figures. Each part runs in a child process of its own
 * (analysis-worker.ts) holding only the corpus, the engine and that part's baselines: in the
 * benchmark's own process, next to ESLint and everything else it loads, the engine's garbage
 * collection cost several times what it costs in the server or the CLI.
 */
export function measureAnalysis(engine: ShippedEngine, files: { ts: SourceText[]; json: SourceText[] }, root: string, iam: IamKnowledge, r: Rounds, part: Part, bigPath: string): AnalysisFigures {
  return part === 'peer' ? measurePeer(engine, files, root, iam, r) : measureEngine(engine, files, iam, r, bigPath);
}

function measureEngine(engine: ShippedEngine, files: { ts: SourceText[]; json: SourceText[] }, iam: IamKnowledge, r: Rounds, bigPath: string): AnalysisFigures {
  const { analyze, ts, parseTree } = engine;
  const findingsByRule: Record<string, number> = {};
  let findings = 0;
  let internalErrors = 0;
  const ruleMs: Record<string, number> = {};

  // One checked pass first: it counts findings, proves nothing throws, and records the cold cost.
  const coldPassMs = timeMs(() => {
    for (const f of [...files.ts, ...files.json]) {
      const result = analyze({ path: f.path, text: f.text }, { iam });
      findings += result.findings.length;
      internalErrors += result.internalErrors.length;
      for (const x of result.findings) findingsByRule[x.ruleId] = (findingsByRule[x.ruleId] ?? 0) + 1;
    }
  });
  for (const f of [...files.ts, ...files.json]) {
    const result = analyze({ path: f.path, text: f.text }, { iam, timing: true });
    for (const [id, ms] of Object.entries(result.timings ?? {})) ruleMs[id] = (ruleMs[id] ?? 0) + ms;
  }

  const tasks: Task[] = [
    { name: 'ts.analyze', run: () => files.ts.forEach((f) => analyze({ path: f.path, text: f.text }, { iam })) },
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
  const figures = summary(files, engine, interleaved(tasks, r.rounds, r.warmup));

  // The large file the editor opens: its bare parse is the floor under every keystroke.
  const big = files.ts.find((f) => f.path === bigPath)!;
  const bigFile = { parseMs: [] as number[], analyzeMs: [] as number[] };
  const bigWarmup = r.warmup * 3;
  for (let i = 0; i < bigWarmup + r.rounds * 3; i++) {
    collectGarbage();
    const p = sample(() => ts.createSourceFile(big.path, big.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
    collectGarbage();
    const a = sample(() => analyze({ path: big.path, text: big.text }, { iam }));
    if (i >= bigWarmup) {
      bigFile.parseMs.push(p.cpu);
      bigFile.analyzeMs.push(a.cpu);
    }
  }
  return { ...figures, findings, findingsByRule, internalErrors, ruleMs, coldPassMs, bigFile };
}

function measurePeer(engine: ShippedEngine, files: { ts: SourceText[]; json: SourceText[] }, root: string, iam: IamKnowledge, r: Rounds): AnalysisFigures {
  const { analyze } = engine;
  // Flat config matches files relative to the linter's cwd: the corpus root.
  const linter = new Linter({ configType: 'flat', cwd: root });
  const eslintConfig: Linter.Config[] = [{ files: ESLINT_FILES, languageOptions: { parser: { parseForESLint } as Linter.Parser } }];
  // With no rules ESLint reports nothing, unless it could not parse a file or found no config
  // for it (then it would not have parsed it at all): either makes the comparison unfair.
  for (const f of files.ts) {
    const [m] = linter.verify(f.text, eslintConfig, { filename: f.path });
    if (m) throw new Error(`ESLint did not parse ${f.path}: ${m.message}`);
  }
  const tasks: Task[] = [
    // Our analysis again, interleaved with the peer's rounds: each ratio compares figures taken side by side.
    { name: 'ts.analyze.peer', run: () => files.ts.forEach((f) => analyze({ path: f.path, text: f.text }, { iam })) },
    {
      name: 'eslint.parseForESLint',
      run: () =>
        files.ts.forEach((f) =>
          parseForESLint(f.text, { filePath: f.path, ecmaVersion: 'latest', sourceType: f.path.endsWith('.cjs') ? 'commonjs' : 'module', range: true, loc: true, tokens: true, comment: true }),
        ),
    },
    { name: 'eslint.verifyNoRules', run: () => files.ts.forEach((f) => linter.verify(f.text, eslintConfig, { filename: f.path })) },
  ];
  return summary(files, engine, interleaved(tasks, r.peerRounds, r.peerWarmup));
}

function summary(files: { ts: SourceText[]; json: SourceText[] }, engine: ShippedEngine, samples: Map<string, Sample[]>): AnalysisFigures {
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
    findings: 0,
    findingsByRule: {},
    internalErrors: 0,
    ms,
    wallMs,
    samples: Object.fromEntries(samples),
    ruleMs: {},
    coldPassMs: 0,
  };
}
