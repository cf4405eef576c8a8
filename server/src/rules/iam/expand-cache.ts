// Answers about IAM action patterns, remembered per pattern: a policy file (or a workspace audit)
// repeats the same few patterns many times, and each answer scans a whole service's actions.
import type { IamAction, IamKnowledge } from '../../iam/knowledge';

const MAX_ENTRIES = 5000;
const WILDCARD = /[*?]/;

/**
 * `compute` remembered per IAM knowledge and wildcard pattern (case-insensitive). Only wildcard
 * patterns are remembered: a concrete action is one map lookup, and the thousands of distinct
 * concrete actions a workspace names (13,000 in the AWS managed policies) kept filling the cache
 * and evicting the answers that are expensive to redo.
 */
export function perPattern<T>(compute: (iam: IamKnowledge, pattern: string) => T): (iam: IamKnowledge, pattern: string) => T {
  const caches = new WeakMap<IamKnowledge, Map<string, T>>();
  return (iam, pattern) => {
    if (!WILDCARD.test(pattern)) return compute(iam, pattern);
    let cache = caches.get(iam);
    if (!cache) caches.set(iam, (cache = new Map()));
    const key = pattern.trim().toLowerCase();
    if (cache.has(key)) return cache.get(key) as T;
    const answer = compute(iam, pattern);
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, answer);
    return answer;
  };
}

/** `iam.expand`, remembered per pattern. */
export const expandCached: (iam: IamKnowledge, pattern: string) => IamAction[] | undefined = perPattern((iam, pattern) => iam.expand(pattern));
