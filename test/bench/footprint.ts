// What the extension costs besides analysis time: peak memory of a full audit, the size of the
// .vsix, and the time to load the client bundle (activation cost), each in a fresh process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats';

/**
 * Peak RSS in kB of the running process: VmHWM from /proc (Linux), else getrusage. getrusage's
 * maxrss is not used on Linux: it carries over the parent's RSS at fork (a child of the large
 * benchmark process would report the benchmark's own size).
 */
const PEAK_RSS_KB = `(() => {
  try {
    const m = /VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
})()`;

/** A `--require` probe: at exit, the process writes its peak RSS (kB) to a file. */
function rssProbe(dir: string): { args: string[]; read: () => number } {
  const probe = join(dir, 'rss-probe.cjs');
  const out = join(dir, 'rss.txt');
  writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, String(${PEAK_RSS_KB})));\n`);
  return {
    args: ['--require', probe],
    read: () => Number(readFileSync(out, 'utf8')) / 1024,
  };
}

export interface AuditMemory {
  how: string;
  peakRssMb: number;
  wallMs: number;
  exitCode: number | null;
  findings: number | undefined;
}

/** Peak RSS of `aws-patterns audit <root>` over the whole corpus (the CLI bundle, JSON output). */
export async function cliAuditMemory(repoRoot: string, workspace: string): Promise<AuditMemory> {
  const dir = mkdtempSync(join(tmpdir(), 'aws-patterns-rss-'));
  try {
    const probe = rssProbe(dir);
    const report = join(dir, 'report.json');
    const t0 = performance.now();
    const child = spawn(process.execPath, [...probe.args, join(repoRoot, 'dist', 'cli.js'), 'audit', workspace, '--format', 'json', '--output', report, '--fail-on', 'never'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const wallMs = performance.now() - t0;
    if (exitCode !== 0 && exitCode !== 1) throw new Error(`audit exited with ${exitCode}: ${stderr.slice(-800)}`);
    return { how: 'CLI `aws-patterns audit` (dist/cli.js)', peakRssMb: probe.read(), wallMs, exitCode, findings: countFindings(report) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function countFindings(reportPath: string): number | undefined {
  if (!existsSync(reportPath)) return undefined;
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as unknown;
    if (Array.isArray(report)) return report.length;
    const r = report as { findings?: unknown[]; files?: { findings?: unknown[] }[]; summary?: { findings?: number } };
    if (typeof r.summary?.findings === 'number') return r.summary.findings;
    if (Array.isArray(r.findings)) return r.findings.length;
    if (Array.isArray(r.files)) return r.files.reduce((s, f) => s + (f.findings?.length ?? 0), 0);
  } catch {
    // An unreadable report only loses the count; the memory figure stands.
  }
  return undefined;
}

/** Peak RSS of a bare Node process: the floor under any Node-based server. */
export function nodeBaselineRssMb(): number {
  const r = spawnSync(process.execPath, ['-e', `process.stdout.write(String(${PEAK_RSS_KB}))`], { encoding: 'utf8' });
  return Number(r.stdout) / 1024;
}

/** Spawn to exit of `node -e 0`, median of `runs`: the floor under any cold start. */
export function nodeStartMs(runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

export interface VsixFigures {
  bytes: number;
  path: string;
  packageMs: number;
}

/** Runs `npm run package` and measures the .vsix it writes (vsce names it on its last line). */
export function packageVsix(repoRoot: string): VsixFigures {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const packageMs = performance.now() - t0;
  const path = /Packaged: (.+\.vsix)/.exec(r.stdout)?.[1];
  if (r.status !== 0 || !path || !existsSync(path)) throw new Error(`npm run package failed (${r.status}): ${(r.stderr || r.stdout).slice(-800)}`);
  return { bytes: statSync(path).size, path, packageMs };
}

/**
 * Loads a CommonJS module in a fresh Node process and times the `require` alone. The client
 * imports `vscode`, which exists only inside the editor: for this timing only, a stub module
 * (a proxy that answers every property) is put in the require cache under that name.
 */
const LOADER = `
const Module = require('module');
const stub = () => new Proxy(function () {}, {
  get: (target, key) => (key === 'prototype' ? target.prototype : typeof key === 'symbol' || key === 'then' ? undefined : stub()),
  construct: () => stub(),
  apply: () => stub(),
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub() };
const target = process.argv[1];
const t0 = performance.now();
const loaded = require(target);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, exports: Object.keys(loaded) }));
`;

export interface ModuleLoad {
  ms: number;
  exports: string[];
}

export function moduleLoadMs(modulePath: string, runs: number, cwd: string): ModuleLoad {
  const xs: number[] = [];
  let exports: string[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', LOADER, modulePath], { encoding: 'utf8', cwd });
    if (r.status !== 0) throw new Error(`loading ${modulePath} failed: ${r.stderr.slice(-800)}`);
    const out = JSON.parse(r.stdout) as ModuleLoad;
    xs.push(out.ms);
    exports = out.exports;
  }
  return { ms: median(xs), exports };
}
