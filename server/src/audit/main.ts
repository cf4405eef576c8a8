// The `aws-patterns` command line: parse arguments, load config and IAM data, discover files,
// analyze, format, and choose the exit code (0 clean, 1 findings at or above --fail-on, 2 usage
// or config error). I/O goes through `io` so each piece stays testable on its own.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, type ResolvedConfig } from '../engine/config';
import { lineIndex } from '../engine/text';
import type { IamKnowledge } from '../iam/knowledge';
import { allRules, rulesById } from '../rules/index';
import { USAGE, UsageError, parseCommand, type AuditOptions } from './args';
import { discoverFiles } from './discover';
import { jsonPieces } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { auditFiles, displayPath, exitCodeFor } from './run';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  iam: () => IamKnowledge;
  version: string;
  /** Whether each stream is a terminal: colors on stdout, progress on stderr. */
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** `NO_COLOR` and `FORCE_COLOR` are honored, as most command-line tools do. */
  env?: Record<string, string | undefined>;
  now?: () => number;
}

export function runCli(argv: string[], io: CliIo): number {
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command.kind === 'version') {
      io.stdout(`${io.version}\n`);
      return 0;
    }
    return audit(command.options, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      io.stderr(`aws-patterns: ${e.message}\n`);
      if (e instanceof UsageError) io.stderr('Run "aws-patterns --help" for usage.\n');
      return 2;
    }
    throw e;
  }
}

class ConfigError extends Error {}

function audit(options: AuditOptions, io: CliIo): number {
  const { config, root } = loadConfig(options.config, io.cwd);
  const { files, unsupported, ignored } = discoverFiles(options.paths, io.cwd, { root, ignore: config.ignore });
  for (const u of unsupported) io.stderr(`aws-patterns: skipped ${u}: only JSON, TypeScript and JavaScript files are analyzed.\n`);
  for (const u of ignored) io.stderr(`aws-patterns: skipped ${u}: it matches an "ignore" pattern of the configuration.\n`);
  const progress = io.stderrIsTTY ? progressLine(io) : undefined;
  const report = auditFiles(files, io.cwd, config, io.iam(), { fix: options.fix, onFile: progress?.update });
  progress?.done();
  for (const e of report.internalErrors) {
    io.stderr(`aws-patterns: internal error: rule ${e.ruleId} failed on ${e.file}${e.line ? `:${e.line}` : ''} and was turned off for that file.\n${e.stack ?? e.message}\n`);
  }
  const output: Iterable<string> =
    options.format === 'sarif'
      ? [formatSarif(report, allRules, io.version)]
      : options.format === 'json'
        ? jsonPieces(report, io.version)
        : [formatText(report, { color: !options.output && useColor(io) })];
  if (options.output) {
    const target = resolve(io.cwd, options.output);
    mkdirSync(dirname(target), { recursive: true });
    writeFile(target, output);
  } else {
    for (const text of output) for (const piece of pieces(text, PIECE)) io.stdout(piece);
  }
  return exitCodeFor(report, options.failOn);
}

/**
 * `text` in pieces of `size` UTF-16 code units that never split a surrogate pair: a report is
 * turned into bytes a piece at a time rather than all at once (test/bench: the whole 8 MB JSON
 * report at once added ~20 MB to the audit's peak RSS).
 */
export function* pieces(text: string, size: number): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    // A piece that would end on the first half of a pair ends before it (or after it, if that
    // half is all the piece holds).
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += end - 1 > start ? -1 : 1;
    yield text.slice(start, end);
    start = end;
  }
}

const PIECE = 1 << 16;

function writeFile(path: string, output: Iterable<string>): void {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: one buffer holds any piece.
  const buffer = Buffer.allocUnsafe(PIECE * 3);
  const fd = openSync(path, 'w');
  try {
    for (const text of output) {
      for (const piece of pieces(text, PIECE)) {
        const length = buffer.write(piece, 'utf8');
        for (let done = 0; done < length; ) done += writeSync(fd, buffer, done, length - done);
      }
    }
  } finally {
    closeSync(fd);
  }
}

function useColor(io: CliIo): boolean {
  const env = io.env ?? {};
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return io.stdoutIsTTY === true && !env.NO_COLOR;
}

/** After the first second, "checked N/M files" on one stderr line, redrawn at most ten times a second. */
function progressLine(io: CliIo) {
  const now = io.now ?? Date.now;
  const started = now();
  let drawn = 0;
  return {
    update: (done: number, total: number) => {
      const t = now();
      if (t - started < 1000 || t - drawn < 100) return;
      drawn = t;
      io.stderr(`\r\u001b[Kaws-patterns: checked ${done}/${total} files`);
    },
    done: () => {
      if (drawn) io.stderr('\r\u001b[K');
    },
  };
}

/**
 * `--config FILE`, else `./.aws-patterns.json` when present, else the defaults. Any problem stops
 * the run. `root` is the folder the config's `ignore` patterns are relative to: the config's own.
 */
function loadConfig(explicit: string | undefined, cwd: string): { config: ResolvedConfig; root: string } {
  const path = explicit !== undefined ? resolve(cwd, explicit) : resolve(cwd, CONFIG_FILE_NAME);
  if (!existsSync(path)) {
    if (explicit !== undefined) throw new ConfigError(`config file not found: ${explicit}`);
    return { config: defaultConfig(), root: cwd };
  }
  const text = readFileSync(path, 'utf8');
  const { config, problems } = parseConfig(text, new Set(rulesById.keys()));
  if (problems.length) {
    const lines = lineIndex(text);
    const shown = displayPath(cwd, path);
    const detail = problems.map((p) => {
      const pos = lines.position(p.start);
      return `  ${shown}:${pos.line + 1}:${pos.character + 1}: ${p.message}`;
    });
    throw new ConfigError(`invalid configuration in ${shown}:\n${detail.join('\n')}`);
  }
  return { config, root: dirname(path) };
}
