// `aws-patterns`: the command-line face of the engine (see audit/main.ts).
import { version } from '../../package.json';
import { runCli } from './audit/main';
import { loadIamKnowledge } from './iam/fsLoader';

try {
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    iam: () => loadIamKnowledge(),
    version,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  });
} catch (e) {
  process.stderr.write(`aws-patterns: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
