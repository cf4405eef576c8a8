// `iam.expand` remembered per pattern: a policy file (or a workspace audit) repeats the same few
// patterns many times, and each expansion scans a whole service's actions.
import type { IamAction, IamKnowledge } from '../../iam/knowledge';

const caches = new WeakMap<IamKnowledge, Map<string, IamAction[] | undefined>>();
const MAX_ENTRIES = 5000;
const WILDCARD = /[*?]/;

export function expandCached(iam: IamKnowledge, pattern: string): IamAction[] | undefined {
  // Only wildcard patterns are remembered: a concrete action is one map lookup, and the thousands
  // of distinct concrete actions a workspace names (13,000 in the AWS managed policies) kept
  // filling the cache and evicting the expansions that are expensive to redo.
  if (!WILDCARD.test(pattern)) return iam.expand(pattern);
  let cache = caches.get(iam);
  if (!cache) caches.set(iam, (cache = new Map()));
  const key = pattern.trim().toLowerCase();
  if (cache.has(key)) return cache.get(key);
  const result = iam.expand(pattern);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, result);
  return result;
}
