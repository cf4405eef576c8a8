// The benchmark is not a timed test: CI runs it on the tiny corpus only to prove it still works
// end to end and that its numbers are sane (positive, finite ratios; every section that can run
// did run). The budgets themselves are judged on the full run (`npm run bench`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Row } from './table';

const repoRoot = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'aws-patterns-bench-smoke-'));

interface Report {
  rows: (Row & { ratio?: number; verdict?: string })[];
  analysis: { findings: number; internalErrors: number; tsFiles: number; jsonFiles: number; rules: number; ms: Record<string, number> };
  corpus: { hash: string; files: number; managedPolicies: number };
  latency: { pull?: { samples: number[] }; push?: { samples: number[] }; cold?: { samples: number[] } };
}

let report: Report;
let stdout: string;

// Both suites write under `work`: removed once, after the last of them.
after(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench --tiny', () => {
  before(() => {
    const out = join(work, 'report.json');
    stdout = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'run.ts'), '--tiny', '--json', out], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, AWS_PATTERNS_BENCH_CACHE: join(work, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  });

  it('prints one table with every row', () => {
    const tableLines = stdout.split('\n').filter((l) => l.startsWith('|'));
    assert.equal(tableLines.length, report.rows.length + 2);
    assert.match(stdout, /\| metric +\| measured +\| baseline \(same run\) +\| ratio +\| target +\| verdict +\|/);
  });

  it('reports positive, finite figures and ratios', () => {
    for (const row of report.rows) {
      if (row.measured === undefined) continue;
      assert.ok(Number.isFinite(row.measured) && row.measured > 0, `${row.metric}: measured ${row.measured}`);
      if (row.baseline !== undefined) {
        assert.ok(Number.isFinite(row.baseline) && row.baseline > 0, `${row.metric}: baseline ${row.baseline}`);
        assert.ok(row.ratio !== undefined && Number.isFinite(row.ratio) && row.ratio > 0, `${row.metric}: ratio ${row.ratio}`);
      }
      if (row.budget) assert.ok(row.verdict === 'pass' || row.verdict === 'MISS', `${row.metric}: verdict ${row.verdict}`);
    }
  });

  it('measures every section whose build output exists', () => {
    const byMetric = (re: RegExp) => report.rows.filter((r) => re.test(r.metric));
    const mustMeasure = (re: RegExp) => {
      const rows = byMetric(re);
      assert.ok(rows.length > 0, `no row matches ${re}`);
      for (const r of rows) assert.equal(r.missing, undefined, `${r.metric}: ${r.missing}`);
    };
    mustMeasure(/full analysis/);
    mustMeasure(/stack file: analysis in-process/);
    if (existsSync(join(repoRoot, 'dist', 'server.js'))) {
      mustMeasure(/keystroke/);
      mustMeasure(/cold start/);
      assert.ok(report.latency.pull!.samples.length > 0);
    }
    if (existsSync(join(repoRoot, 'dist', 'cli.js'))) mustMeasure(/peak RSS/);
    if (existsSync(join(repoRoot, 'dist', 'client.js'))) mustMeasure(/client bundle load/);
  });

  it('analyzed a corpus of both kinds, with findings and no rule crashing on it', () => {
    assert.ok(report.analysis.tsFiles > 10 && report.analysis.jsonFiles > 10);
    assert.ok(report.corpus.managedPolicies > 0);
    assert.ok(report.analysis.rules > 0);
    assert.ok(report.analysis.findings > 0);
    assert.equal(report.analysis.internalErrors, 0);
  });
});

describe('the corpus generator', () => {
  it('writes the same bytes for the same seed', () => {
    const options = JSON.stringify({ seed: 7, lines: 800, bigFileLines: 200, managedPolicies: 0 });
    const generate = (dir: string) =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'corpus', 'generate.ts'), dir, options], { cwd: repoRoot, encoding: 'utf8' })) as { files: number; contentHash: string };
    const a = generate(join(work, 'a'));
    const b = generate(join(work, 'b'));
    assert.deepEqual(a, b);
    const files = readdirSync(join(work, 'a', 'workspace'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    assert.equal(files.length, a.files);
    const other = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'corpus', 'generate.ts'), join(work, 'c'), options.replace('"seed":7', '"seed":8')], { cwd: repoRoot, encoding: 'utf8' });
    assert.notEqual((JSON.parse(other) as { contentHash: string }).contentHash, a.contentHash);
  });
});
