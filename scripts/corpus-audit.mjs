#!/usr/bin/env node
// Precision/recall audit helper: runs the built CLI over a local corpus of third-party files
// (default `.corpus/`, gitignored, listed in test/corpus/real-world-manifest.json) and prints
// each finding next to the source line it points at, grouped by rule, for classification by hand.
// Nothing is fetched: the corpus is whatever is on disk. Tests never use this script.
//   node scripts/corpus-audit.mjs [dir] [--rule <id>] [--counts]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--rule') ?? '.corpus';
const onlyRule = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
const countsOnly = args.includes('--counts');

const started = process.hrtime.bigint();
let out;
try {
  // The files are passed one by one: the CLI skips gitignored folders such as .corpus/ when it searches one.
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(json|[cm]?[jt]sx?)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
  out = execFileSync(process.execPath, ['dist/cli.js', 'audit', ...files, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 1 << 28 });
} catch (e) {
  process.stderr.write(String(e.stderr ?? e));
  process.exit(2);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const report = JSON.parse(out);

const byRule = new Map();
for (const file of report.files) {
  const lines = readFileSync(join(process.cwd(), file.path), 'utf8').split(/\r?\n/);
  for (const f of file.findings) {
    if (!byRule.has(f.ruleId)) byRule.set(f.ruleId, []);
    byRule.get(f.ruleId).push({ path: file.path, line: f.line, messageId: f.messageId, severity: f.severity, text: (lines[f.line - 1] ?? '').trim() });
  }
}

console.log(`${report.summary.filesChecked} files, ${report.summary.findings} findings, ${ms.toFixed(0)} ms (whole CLI run)`);
for (const [rule, list] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) {
  if (onlyRule && rule !== onlyRule) continue;
  console.log(`\n## ${rule}: ${list.length}`);
  if (countsOnly) continue;
  for (const f of list) console.log(`  ${f.path}:${f.line} [${f.messageId}/${f.severity}] ${f.text.slice(0, 140)}`);
}
