// `iam.expand` remembered per pattern: a policy file (or a workspace audit) repeats the same few
// patterns many times, and each expansion scans a whole service's actions.
import type { IamAction, IamKnowledge } from '../../iam/knowledge';

const caches = new WeakMap<IamKnowledge, Map<string, IamAction[] | undefined>>();
const MAX_ENTRIES = 5000;

export function expandCached(iam: IamKnowledge, pattern: string): IamAction[] | undefined {
  let cache = caches.get(iam);
  if (!cache) caches.set(iam, (cache = new Map()));
  const key = pattern.trim().toLowerCase();
  if (cache.has(key)) return cache.get(key);
  const result = iam.expand(pattern);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, result);
  return result;
}
