// Findings per rule over every AWS managed policy (latest version of each).
//   node --import tsx scripts/managed-policy-report.ts [--rule <id>] [--sample N] [--seed S]
// --rule lists that rule's findings (policy, line, message); --sample picks N findings at random
// (deterministic for a seed) across rules, for reading by hand.
import { lineIndex } from '../server/src/engine/text';
import { analyzeManagedPolicies, countByRule } from '../test/corpus/managed-policies';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const t0 = performance.now();
const runs = analyzeManagedPolicies();
const total = performance.now() - t0;
const statements = runs.reduce((n, r) => n + (r.text.match(/"Effect"/g) ?? []).length, 0);
console.log(`${runs.length} managed policies, ${statements} statements, analyzed in ${total.toFixed(0)} ms`);
console.log(`internal errors: ${runs.reduce((n, r) => n + r.result.internalErrors.length, 0)}`);
console.table(Object.fromEntries(Object.entries(countByRule(runs)).map(([id, c]) => [id, { findings: c.findings, policies: c.policies, ...c.bySeverity }])));

const all = runs.flatMap((r) => r.result.findings.map((f) => ({ run: r, f })));
const show = ({ run, f }: (typeof all)[number]) => {
  const line = lineIndex(run.text).position(f.start).line + 1;
  const fix = f.fix ? ` [fix: ${f.fix.title}]` : f.suggestions ? ` [${f.suggestions.length} suggestions]` : '';
  console.log(`${run.name}:${line} ${f.ruleId} ${f.severity}: ${f.message}${fix}`);
};

const rule = opt('--rule');
if (rule) all.filter((x) => x.f.ruleId === rule).forEach(show);

const sample = Number(opt('--sample') ?? 0);
if (sample > 0) {
  let seed = Number(opt('--seed') ?? 1);
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const picked = new Set<number>();
  while (picked.size < Math.min(sample, all.length)) picked.add(Math.floor(random() * all.length));
  [...picked].sort((a, b) => a - b).forEach((i) => show(all[i]));
}
