// Answers about IAM names, remembered: a policy file (or a workspace audit) repeats the same few
// patterns, services and names many times, and each answer scans a whole service's actions.
import { detached } from '../../engine/text';
import { hasWildcard, type IamAction, type IamKnowledge } from '../../iam/knowledge';

const MAX_ENTRIES = 5000;

/**
 * `compute` remembered per owner (an IAM knowledge or service, held weakly) and per `keyOf(input)`;
 * an owner's answers start afresh past `max` of them. The first input of a key computes its answer.
 */
export function rememberedPer<O extends object, I, T>(keyOf: (input: I) => string, compute: (owner: O, input: I) => T, max = MAX_ENTRIES): (owner: O, input: I) => T {
  const caches = new WeakMap<O, Map<string, T>>();
  return (owner, input) => {
    let cache = caches.get(owner);
    if (!cache) caches.set(owner, (cache = new Map()));
    const key = keyOf(input);
    if (cache.has(key)) return cache.get(key) as T;
    const answer = compute(owner, input);
    if (cache.size >= max) cache.clear();
    cache.set(detached(key), answer); // a key may be a slice of a file's text: see `detached`
    return answer;
  };
}

/**
 * `compute` remembered per IAM knowledge and wildcard pattern (case-insensitive). Only wildcard
 * patterns are remembered: a concrete action is one map lookup, and the thousands of distinct
 * concrete actions a workspace names (13,000 in the AWS managed policies) kept filling the cache
 * and evicting the answers that are expensive to redo.
 */
export function perPattern<T>(compute: (iam: IamKnowledge, pattern: string) => T): (iam: IamKnowledge, pattern: string) => T {
  const remembered = rememberedPer((pattern: string) => pattern.trim().toLowerCase(), compute);
  return (iam, pattern) => (hasWildcard(pattern) ? remembered(iam, pattern) : compute(iam, pattern));
}

/** `iam.expand`, remembered per pattern. */
export const expandCached: (iam: IamKnowledge, pattern: string) => IamAction[] | undefined = perPattern((iam, pattern) => iam.expand(pattern));
