// One lookup per action item for every IAM rule that asks: the AWS managed policies name ~66,000
// actions a pass, and each lookup hashes a fresh string (jsonc-parser makes one per value) and
// compares it with a key of a 13,000-entry table. The answer is kept on the item, which lives as
// long as its statement, in one analysis with one IAM data set.
import type { PolicyValue } from '../../engine/policy/model';
import type { IamAction, IamKnowledge } from '../../iam/knowledge';

/** The action `name` (the item's value, trimmed) is, when it has no wildcard and its service defines it. */
export function knownAction(iam: IamKnowledge, item: PolicyValue, name: string): IamAction | undefined {
  let known = item.known;
  if (known === undefined) item.known = known = iam.action(name) ?? null;
  return known ?? undefined;
}
