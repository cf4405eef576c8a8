// The file a handler or SDK rule checks: TypeScript or JavaScript that is deployed. Test code is
// not: its handlers, fixtures and mocks are not the application's, so these rules skip it.
import type { RuleContext } from '../engine/rule';
import type { TsFile } from '../engine/typescript/file';

export function applicationCode(ctx: RuleContext<string>): TsFile | undefined {
  return ctx.file.isTest ? undefined : ctx.ts;
}
