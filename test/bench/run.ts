// `npm run bench`: measures the engine, the server, the CLI and the package against baselines
// measured in the same run on the same machine, and prints one table with the budget each
// figure is held to. `--tiny` (or AWS_PATTERNS_BENCH_TINY=1) runs it on a small corpus with few
// rounds: the CI smoke test uses that to check the harness works and its numbers are sane.
//
//   node --import tsx test/bench/run.ts [--tiny] [--json FILE] [--no-package] [--package] [--check]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SERVER_EXEC_ARGV } from '../../shared/settings';
import { loadTexts, type AnalysisFigures, type Part } from './analysis';
import { cacheDir, ensureCorpus } from './corpus/ensure';
import { loadShippedEngine } from './engine-bundle';
import { FULL, TINY } from './corpus/generate';
import { cliAuditMemory, moduleLoadMs, nodeBaselineRssMb, nodeStartMs, packageVsix, type AuditMemory, type ModuleLoad, type VsixFigures } from './footprint';
import { coldStart, keystrokeLatency, serverAuditMemory, type ColdStartFigures, type LatencyFigures, type ServerAuditFigures, type SessionOptions } from './lsp';
import { median, percentile } from './stats';
import { renderTable, verdict, type Row } from './table';

const repoRoot = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const tiny = args.includes('--tiny') || process.env.AWS_PATTERNS_BENCH_TINY === '1';
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
/** The first keystrokes after opening a file, typed at once or after a pause to read it. */
const FIRST_KEYSTROKES = 10;
const PAUSE_MS = 1000;
const profile = tiny
  ? { name: 'tiny', corpus: TINY, rounds: 1, warmup: 1, peerRounds: 1, peerWarmup: 0, edits: 10, coldRuns: 1, loadRuns: 1, packageVsix: args.includes('--package') }
  : { name: 'full', corpus: FULL, rounds: 7, warmup: 2, peerRounds: 3, peerWarmup: 1, edits: 200, coldRuns: 5, loadRuns: 5, packageVsix: !args.includes('--no-package') };

const started = performance.now();
function log(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
}

/** Runs a section; a failure becomes a "not measured" row with the reason rather than a crash. */
async function attempt<T>(what: string, fn: () => T | Promise<T>): Promise<T | Error> {
  try {
    return await fn();
  } catch (e) {
    log(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** Runs one part of the in-process figures in a fresh Node process and returns its figures. */
function runWorker(part: Part, corpusName: string): AnalysisFigures {
  const out = join(cacheDir('results'), `${part}.json`);
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'analysis-worker.ts'), part, corpusName, JSON.stringify(profile), out], { stdio: ['ignore', 'inherit', 'inherit'] });
  return JSON.parse(readFileSync(out, 'utf8')) as AnalysisFigures;
}

async function main(): Promise<void> {
  const iamDir = join(repoRoot, 'dist', 'iam-data');
  if (!existsSync(join(iamDir, 'index.json'))) throw new Error('dist/iam-data is missing: run `node scripts/build.mjs` first');
  log('bundling the engine as the production build does…');
  loadShippedEngine(repoRoot, cacheDir('engine'));

  log(`corpus (${profile.name})…`);
  const corpus = ensureCorpus(profile.name, profile.corpus);
  const files = loadTexts(corpus);
  const managed = corpus.manifest.files.filter((f) => f.category === 'aws-managed-policy');

  log(`analysis: ${profile.warmup} warm-up + ${profile.rounds} rounds, in a process of its own…`);
  const engineFigures = runWorker('engine', profile.name);
  log(`ESLint comparison: ${profile.peerWarmup} warm-up + ${profile.peerRounds} rounds, in a process of its own…`);
  const peerFigures = runWorker('peer', profile.name);
  const analysis: AnalysisFigures = { ...engineFigures, ms: { ...engineFigures.ms, ...peerFigures.ms }, wallMs: { ...engineFigures.wallMs, ...peerFigures.wallMs }, samples: { ...engineFigures.samples, ...peerFigures.samples } };
  const bigPath = join(corpus.root, corpus.manifest.bigFile);
  const big = files.ts.find((f) => f.path === bigPath)!;
  const bigParse = engineFigures.bigFile!.parseMs;
  const bigAnalyze = engineFigures.bigFile!.analyzeMs;

  const serverPath = join(repoRoot, 'dist', 'server.js');
  const cliPath = join(repoRoot, 'dist', 'cli.js');
  const clientPath = join(repoRoot, 'dist', 'client.js');
  // Started as the VS Code client starts it (the same Node flags).
  const session = (mode: 'pull' | 'push'): SessionOptions => ({ serverPath, workspaceRoot: corpus.root, mode, nodeArgs: [...SERVER_EXEC_ARGV] });

  let pullTypical: LatencyFigures | Error | undefined;
  let pullAfterPause: LatencyFigures | Error | undefined;
  let pull: LatencyFigures | Error | undefined;
  let push: LatencyFigures | Error | undefined;
  let cold: ColdStartFigures | Error | undefined;
  let coldBig: ColdStartFigures | Error | undefined;
  let coldFirst: ColdStartFigures | Error | undefined;
  let coldBigFirst: ColdStartFigures | Error | undefined;
  // A typical file to open: the stack of median length.
  const byLines = (a: { lines: number; path: string }, b: { lines: number; path: string }) => a.lines - b.lines || a.path.localeCompare(b.path);
  const others = corpus.manifest.files.filter((f) => f.kind === 'typescript' && f.path !== corpus.manifest.bigFile);
  const stackFiles = others.filter((f) => f.category === 'cdk-stack-ts');
  // The tiny corpus may have no stack besides the large one: then any TypeScript file.
  const stacks = (stackFiles.length ? stackFiles : others).sort(byLines);
  const typicalEntry = stacks[Math.floor(stacks.length / 2)];
  const typical = files.ts.find((f) => f.path === join(corpus.root, typicalEntry.path))!;
  if (existsSync(serverPath)) {
    log(`editor latency: ${profile.edits} keystrokes (pull client)…`);
    pull = await attempt('pull latency', () => keystrokeLatency(session('pull'), big.path, big.text, profile.edits));
    // A user reads before typing: the server warms its keystroke path up while the editor is quiet.
    log(`editor latency: ${FIRST_KEYSTROKES} keystrokes after a ${PAUSE_MS} ms pause (pull client)…`);
    pullAfterPause = await attempt('pull latency after a pause', () => keystrokeLatency(session('pull'), big.path, big.text, FIRST_KEYSTROKES, PAUSE_MS));
    log(`editor latency: ${profile.edits} keystrokes in a typical file (pull client)…`);
    pullTypical = await attempt('pull latency (typical file)', () => keystrokeLatency(session('pull'), typical.path, typical.text, profile.edits));
    log(`editor latency: ${profile.edits} keystrokes (push-only client)…`);
    push = await attempt('push latency', () => keystrokeLatency(session('push'), big.path, big.text, profile.edits));
    log(`cold start × ${profile.coldRuns}…`);
    const coldMode = pull instanceof Error ? 'push' : 'pull';
    cold = await attempt('cold start', () => coldStart(session(coldMode), typical.path, typical.text, profile.coldRuns));
    coldBig = await attempt('cold start (large file)', () => coldStart(session(coldMode), big.path, big.text, profile.coldRuns));
    // The first start after an install or an update has no V8 code cache (server/src/codeCache.ts):
    // each of these runs gets an empty temp directory of its own, where the cache would live.
    log(`first start (no code cache) × ${profile.coldRuns}…`);
    coldFirst = await attempt('first start', () => coldStartWithoutCache(session(coldMode), typical.path, typical.text, profile.coldRuns));
    coldBigFirst = await attempt('first start (large file)', () => coldStartWithoutCache(session(coldMode), big.path, big.text, profile.coldRuns));
  }
  const nodeStart = nodeStartMs(Math.max(3, profile.coldRuns));

  let audit: AuditMemory | Error | undefined;
  let serverAudit: ServerAuditFigures | Error | undefined;
  if (existsSync(cliPath)) {
    log('full audit with the CLI (peak RSS)…');
    audit = await attempt('audit', () => cliAuditMemory(repoRoot, corpus.root));
  }
  if (existsSync(serverPath)) {
    log('full audit through the server (peak RSS)…');
    serverAudit = await attempt('server audit', () => serverAuditMemory(session('pull')));
  }
  const nodeRss = nodeBaselineRssMb();

  let vsix: VsixFigures | Error | undefined;
  if (profile.packageVsix) {
    log('npm run package…');
    vsix = await attempt('package', () => packageVsix(repoRoot));
  }

  let clientLoad: ModuleLoad | Error | undefined;
  let lcLoad: ModuleLoad | Error | undefined;
  if (existsSync(clientPath)) {
    log('client bundle load…');
    clientLoad = await attempt('client load', () => moduleLoadMs(clientPath, profile.loadRuns, repoRoot));
    lcLoad = await attempt('languageclient load', () => moduleLoadMs(require.resolve('vscode-languageclient/node'), profile.loadRuns, repoRoot));
  }

  log('done');
  const ms = analysis.ms;
  const missing = (x: unknown, label: string): string | undefined => (x === undefined ? label : x instanceof Error ? `failed: ${x.message.slice(0, 60)}` : undefined);
  const ok = <T,>(x: T | Error | undefined): T | undefined => (x === undefined || x instanceof Error ? undefined : x);
  const rows: Row[] = [
    {
      metric: `TS/JS corpus: full analysis, ${analysis.rules} rules (${analysis.tsFiles} files, ${analysis.tsLines.toLocaleString('en-US')} lines)`,
      measured: ms['ts.analyze'],
      unit: 'ms',
      baseline: ms['ts.createSourceFile'],
      baselineLabel: 'TS createSourceFile',
      budget: { on: 'ratio', max: 1.3 },
    },
    {
      metric: `JSON corpus: full analysis (${analysis.jsonFiles} files incl. ${managed.length} AWS managed policies, ${analysis.jsonLines.toLocaleString('en-US')} lines)`,
      measured: ms['json.analyze'],
      unit: 'ms',
      baseline: ms['json.parseTree'],
      baselineLabel: 'jsonc-parser parseTree',
      budget: { on: 'ratio', max: 1.3 },
    },
    {
      metric: 'TS/JS corpus: full analysis vs the peer parser',
      measured: ms['ts.analyze.peer'],
      unit: 'ms',
      baseline: ms['eslint.parseForESLint'],
      baselineLabel: '@typescript-eslint/parser parseForESLint',
      budget: { on: 'ratio', max: 1, strict: true },
    },
    {
      metric: 'TS/JS corpus: full analysis vs ESLint, no rules',
      measured: ms['ts.analyze.peer'],
      unit: 'ms',
      baseline: ms['eslint.verifyNoRules'],
      baselineLabel: 'ESLint Linter.verify (typescript-eslint parser, 0 rules)',
      budget: { on: 'ratio', max: 1, strict: true },
    },
    {
      metric: `${big.lines.toLocaleString('en-US')}-line stack file: analysis in-process (CPU, median)`,
      measured: median(bigAnalyze),
      unit: 'ms',
      baseline: median(bigParse),
      baselineLabel: 'TS createSourceFile',
    },
  ];
  const p = ok(pull);
  const pullMissing = missing(pull, 'dist/server.js not built');
  rows.push(
    { metric: `keystroke → diagnostics p50 (pull client, ${profile.edits} edits)`, measured: p && percentile(p.samples, 50), unit: 'ms', baseline: median(bigParse), baselineLabel: 'parse of that file', missing: pullMissing },
    { metric: `keystroke → diagnostics p95 (pull client, ${profile.edits} edits)`, measured: p && percentile(p.samples, 95), unit: 'ms', baseline: median(bigParse), baselineLabel: 'parse of that file', budget: { on: 'measured', max: 30 }, missing: pullMissing },
  );
  const firstKeystrokes = (figures: LatencyFigures | undefined) => figures && Math.max(...figures.samples.slice(0, FIRST_KEYSTROKES));
  const pp = ok(pullAfterPause);
  rows.push(
    { metric: `slowest of the first ${FIRST_KEYSTROKES} keystrokes, typed at once after opening (the edits above)`, measured: firstKeystrokes(p), unit: 'ms', baseline: median(bigParse), baselineLabel: 'parse of that file', missing: pullMissing },
    { metric: `slowest of the first ${FIRST_KEYSTROKES} keystrokes, typed after opening and a ${PAUSE_MS} ms pause`, measured: firstKeystrokes(pp), unit: 'ms', baseline: median(bigParse), baselineLabel: 'parse of that file', missing: missing(pullAfterPause, 'dist/server.js not built') },
  );
  const pt = ok(pullTypical);
  rows.push({
    metric: `keystroke → diagnostics p95, ${typical.lines}-line stack (pull client, ${profile.edits} edits)`,
    measured: pt && percentile(pt.samples, 95),
    unit: 'ms',
    budget: { on: 'measured', max: 30 },
    missing: missing(pullTypical, 'dist/server.js not built'),
  });
  const q = ok(push);
  rows.push({ metric: `keystroke → publishDiagnostics p95 (push-only client)`, measured: q && percentile(q.samples, 95), unit: 'ms', baseline: median(bigParse), baselineLabel: 'parse of that file', missing: missing(push, 'dist/server.js not built') });
  // Cold starts: with the code cache an earlier start wrote, and the first start after an install.
  const coldRow = (metric: string, figures: ColdStartFigures | Error | undefined): Row => {
    const f = ok(figures);
    return { metric, measured: f && median(f.samples), unit: 'ms', baseline: nodeStart, baselineLabel: 'node -e 0', budget: { on: 'measured', max: 500 }, missing: missing(figures, 'dist/server.js not built') };
  };
  const bigLines = big.lines.toLocaleString('en-US');
  rows.push(
    coldRow(`cold start: spawn → first diagnostics, ${typical.lines}-line stack (${ok(cold)?.mode ?? 'pull'}, median of ${profile.coldRuns}; code cache of an earlier start)`, cold),
    coldRow(`cold start: spawn → first diagnostics, ${bigLines}-line stack`, coldBig),
    coldRow(`first start after install (no code cache yet), ${typical.lines}-line stack`, coldFirst),
    coldRow(`first start after install (no code cache yet), ${bigLines}-line stack`, coldBigFirst),
  );
  const a = ok(audit);
  rows.push(
    { metric: `peak RSS, full audit of the corpus (${a?.how ?? 'CLI audit'})`, measured: a?.peakRssMb, unit: 'MB', baseline: nodeRss, baselineLabel: 'bare node', budget: { on: 'measured', max: 200 }, missing: missing(audit, 'dist/cli.js not built') },
    {
      metric: `peak RSS, full audit through the server (awsPatterns/auditWorkspace${ok(serverAudit) ? `, ${ok(serverAudit)!.filesChecked} files` : ''})`,
      measured: ok(serverAudit)?.peakRssMb,
      unit: 'MB',
      baseline: nodeRss,
      baselineLabel: 'bare node',
      budget: { on: 'measured', max: 200 },
      missing: missing(serverAudit, 'dist/server.js not built'),
    },
    { metric: 'full audit wall time (CLI, process start to exit)', measured: a?.wallMs, unit: 'ms', baseline: ms['ts.analyze'] + ms['json.analyze'], baselineLabel: 'in-process analysis', missing: missing(audit, 'dist/cli.js not built') },
  );
  const v = ok(vsix);
  rows.push({ metric: '.vsix size (npm run package)', measured: v && v.bytes / 1048576, unit: 'MB', budget: { on: 'measured', max: 5 }, missing: missing(vsix, tiny ? 'skipped in --tiny (use --package)' : 'skipped (--no-package)') });
  const cl = ok(clientLoad);
  const lc = ok(lcLoad);
  rows.push({
    metric: 'client bundle load (require of dist/client.js, `vscode` stubbed)',
    measured: cl?.ms,
    unit: 'ms',
    baseline: lc?.ms,
    baselineLabel: 'require vscode-languageclient/node',
    missing: missing(clientLoad, 'dist/client.js not built'),
  });

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;
  const lines = [
    '',
    `AWS Patterns benchmark (${profile.name}) — ${machine}`,
    `corpus ${corpus.manifest.contentHash} (seed ${profile.corpus.seed}): ${analysis.tsFiles + analysis.jsonFiles} files, ${(analysis.tsLines + analysis.jsonLines).toLocaleString('en-US')} lines at ${corpus.root}`,
    `analysis found ${analysis.findings} findings, ${analysis.internalErrors} internal errors; in-process figures are CPU time (the machine is shared: load ${loadavg()[0].toFixed(1)} at the end),`,
    `medians of ${profile.rounds} interleaved rounds after ${profile.warmup} warm-up${profile.warmup === 1 ? '' : 's'} (ESLint: ${profile.peerRounds} after ${profile.peerWarmup}); server, CLI and load figures are wall-clock`,
    '',
    renderTable(rows),
    '',
  ];
  process.stdout.write(lines.join('\n'));

  if (jsonOut) {
    writeFileSync(
      jsonOut,
      JSON.stringify(
        {
          profile: profile.name,
          machine,
          corpus: { hash: corpus.manifest.contentHash, root: corpus.root, files: corpus.manifest.files.length, managedPolicies: managed.length },
          rows: rows.map((r) => ({ ...r, ratio: r.measured !== undefined && r.baseline ? r.measured / r.baseline : undefined, verdict: verdict(r) })),
          analysis,
          bigFile: { path: big.path, lines: big.lines, parseMs: bigParse, analyzeMs: bigAnalyze },
          latency: { pull: ok(pull), pullTypical: ok(pullTypical), push: ok(push), cold: ok(cold), coldBig: ok(coldBig), coldFirst: ok(coldFirst), coldBigFirst: ok(coldBigFirst), typicalFile: { path: typical.path, lines: typical.lines } },
          audit: ok(audit),
          serverAudit: ok(serverAudit),
          vsix: ok(vsix),
          clientLoad: ok(clientLoad),
        },
        null,
        2,
      ),
    );
  }
  if (args.includes('--check') && rows.some((r) => verdict(r) === 'MISS')) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});

/** Cold starts, each in a server whose temp directory is new and empty: no code cache to start from. */
async function coldStartWithoutCache(options: SessionOptions, path: string, text: string, runs: number): Promise<ColdStartFigures> {
  const samples: number[] = [];
  let last: ColdStartFigures | undefined;
  for (let r = 0; r < runs; r++) {
    const tmp = mkdtempSync(join(tmpdir(), 'aws-patterns-bench-nocache-'));
    try {
      last = await coldStart({ ...options, env: { ...process.env, TMPDIR: tmp, TEMP: tmp, TMP: tmp } }, path, text, 1);
      samples.push(...last.samples);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return { mode: options.mode, samples, lastDiagnostics: last?.lastDiagnostics ?? 0 };
}
