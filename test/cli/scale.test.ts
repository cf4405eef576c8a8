// A generated workspace of 2,000 files (CDK stacks, Lambda handlers, IAM policies, CloudFormation
// templates, plain code) audited by the bundled CLI under a 256 MB heap limit: it finishes, reads
// every file, and its peak memory stays bounded. Time and peak RSS are printed as diagnostics.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateWorkspace } from '../helpers/workspace';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const FILES = 2000;
const HEAP_MB = 256;
const MAX_RSS_MB = 512;

describe(`aws-patterns audit over ${FILES} generated files`, () => {
  let ws: string;
  let hook: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-scale-'));
    generateWorkspace(ws, FILES);
    // Reports the process's own peak resident set size on exit (Linux: kilobytes).
    hook = join(ws, '..', `${ws.split(/[\\/]/).pop()}-rss.js`);
    writeFileSync(hook, "process.on('exit', () => process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\\n`));\n");
  });
  after(() => {
    rmSync(ws, { recursive: true, force: true });
    rmSync(hook, { force: true });
  });

  it(`finishes within a ${HEAP_MB} MB heap and under ${MAX_RSS_MB} MB peak RSS`, (t) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--require', hook, cli, 'audit', '--format', 'json', '--fail-on', 'never'], {
      cwd: ws,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(r.status, 0, r.stderr.slice(0, 2000));
    const report = JSON.parse(r.stdout);
    assert.equal(report.summary.filesChecked, FILES);
    assert.ok(report.summary.findings > FILES, `findings: ${report.summary.findings}`);
    const rssMb = Number(/maxRSS=(\d+)/.exec(r.stderr)![1]) / 1024;
    t.diagnostic(`${FILES} files in ${seconds.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB, ${report.summary.findings} findings`);
    assert.ok(rssMb < MAX_RSS_MB, `peak RSS ${rssMb.toFixed(0)} MB`);
  });
});
