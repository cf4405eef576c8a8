// The CLI in a terminal: colors only when standard output is a TTY (or FORCE_COLOR asks; NO_COLOR
// forbids), never in a file; a progress line on standard error for long runs on a TTY.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { version } from '../../package.json';
import { runCli } from '../../server/src/audit/main';
import { iam } from '../helpers/engine';
import { generateWorkspace, writeFiles } from '../helpers/workspace';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const ADMIN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "*", "Resource": "*" }\n  ]\n}\n';
const ESC = '\u001b[';

function run(cwd: string, env: Record<string, string | undefined>, ...args: string[]) {
  const clean = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env };
  return spawnSync(process.execPath, [cli, 'audit', ...args], { cwd, encoding: 'utf8', env: clean as NodeJS.ProcessEnv });
}

describe('aws-patterns audit in a terminal', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-tty-'));
    writeFiles(ws, { 'admin.json': ADMIN });
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('writes no color codes into a pipe or a file', () => {
    const piped = run(ws, {});
    assert.equal(piped.status, 1);
    assert.ok(!piped.stdout.includes(ESC), piped.stdout);
    run(ws, { FORCE_COLOR: '1' }, '--output', 'report.txt');
    assert.ok(!readFileSync(join(ws, 'report.txt'), 'utf8').includes(ESC), 'a report file is never colored');
  });

  it('colors severities, paths and the summary when asked, and not with NO_COLOR', () => {
    const forced = run(ws, { FORCE_COLOR: '1' });
    assert.ok(forced.stdout.includes(`${ESC}31merror  ${ESC}0m`), JSON.stringify(forced.stdout));
    assert.ok(forced.stdout.includes(`${ESC}4madmin.json${ESC}0m`));
    assert.ok(!run(ws, { FORCE_COLOR: '0' }).stdout.includes(ESC));
    assert.ok(!run(ws, { NO_COLOR: '1' }).stdout.includes(ESC));
  });

  it('colors on a real terminal (a pseudo-TTY from script(1))', () => {
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" audit --fail-on never`, '/dev/null'], {
      cwd: ws,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, TERM: 'xterm' } as NodeJS.ProcessEnv,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes(`${ESC}31merror`), JSON.stringify(r.stdout));
  });
});

describe('aws-patterns audit progress', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'aws-patterns-progress-'));
    generateWorkspace(ws, 30);
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  function audit(stderrIsTTY: boolean) {
    let clock = 0;
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(['audit', '--fail-on', 'never'], {
      cwd: ws,
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      iam: () => iam,
      version,
      stdoutIsTTY: false,
      stderrIsTTY,
      // Every reading of the clock is 150 ms later: a long run, without waiting for one.
      now: () => (clock += 150),
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  it('redraws one stderr line on a terminal after the first second, then clears it', () => {
    const r = audit(true);
    assert.equal(r.code, 0);
    const lines = r.stderr.split('\r').filter(Boolean);
    assert.ok(lines.length >= 2, JSON.stringify(r.stderr));
    assert.match(lines[0], /^\u001b\[Kaws-patterns: checked \d+\/30 files$/);
    assert.equal(lines.at(-1), '\u001b[K', 'the line is cleared at the end');
    assert.ok(!r.stdout.includes('checked 1/'), 'progress never goes to stdout');
  });

  it('prints no progress when standard error is not a terminal', () => {
    assert.equal(audit(false).stderr, '');
  });
});
