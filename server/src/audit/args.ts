// `aws-patterns audit [paths…] --format text|json|sarif [--output FILE] [--fail-on LEVEL] [--fix] [--config FILE]`
import { parseArgs } from 'node:util';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'information', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface AuditOptions {
  paths: string[];
  format: Format;
  output?: string;
  failOn: FailOn;
  config?: string;
  fix: boolean;
}

export type Command = { kind: 'audit'; options: AuditOptions } | { kind: 'help' } | { kind: 'version' };

export const USAGE = `Usage: aws-patterns audit [paths...] [options]

Finds AWS anti-patterns in IAM policy JSON, CloudFormation JSON templates, CDK stacks and
Lambda handlers. Paths are files or folders (default: the current folder); folders are searched
for .json, .ts and .js files, skipping node_modules, .git, cdk.out, build output, CDK integ
snapshots, what .gitignore files exclude and the config's "ignore" patterns.

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of standard output
  --fail-on LEVEL            error|warning|information|never: exit 1 when a finding is at or
                             above LEVEL (default: error)
  --fix                      apply the safe fixes and rewrite the files; the report shows what
                             is left
  --config FILE              configuration file (default: ./.aws-patterns.json if present)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or config error.`;

export class UsageError extends Error {}

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { kind: 'help' };
  if (command !== 'audit') throw new UsageError(`Unknown command "${command}". The command is "audit".`);
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
  const failOn = values['fail-on'] ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}.`);
  if (values.output === '') throw new UsageError('--output needs a file name.');
  return {
    kind: 'audit',
    options: { paths: paths.length ? paths : ['.'], format: format as Format, output: values.output, failOn: failOn as FailOn, config: values.config, fix: values.fix === true },
  };
}
