// The file a handler or SDK rule checks: TypeScript or JavaScript that is deployed. Test code is
// not: its handlers, fixtures and mocks are not the application's, so these rules skip it. Test
// data folders count as test code too: a codemod's or generator's expected output under
// `__fixtures__/` shows the anti-pattern on purpose and never runs.
import type { RuleContext } from '../engine/rule';
import type { TsFile } from '../engine/typescript/file';

const FIXTURE_DIR = /(^|\/)(__fixtures__|fixtures|__snapshots__|testdata|test-data)\//i;

export function applicationCode(ctx: RuleContext<string>): TsFile | undefined {
  return ctx.file.isTest || FIXTURE_DIR.test(ctx.file.path.replace(/\\/g, '/')) ? undefined : ctx.ts;
}
