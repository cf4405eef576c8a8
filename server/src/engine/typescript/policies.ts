// IAM statements written in TypeScript, fed into the same model as JSON policies. Filled in by
// the TypeScript IAM work (issue 3).
import type { PolicyStatement } from '../policy/model';
import type { TsFile } from './file';

export function extractTsPolicyStatements(_file: TsFile): PolicyStatement[] {
  return [];
}
