// Nearest names by edit distance, for "did you mean" suggestions on misspelled IAM actions and
// service prefixes. Case-insensitive: IAM matches action names without regard to case.

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps); gives up above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length];
}

/** A misspelling close enough to be a typo: one edit in names under 12 characters, two in longer ones. */
export function typoDistance(name: string): number {
  return name.length < 12 ? 1 : 2;
}

/** The names nearest to `name` within `max` edits, nearest first (ties alphabetical), at most `limit`. */
export function closestNames(name: string, candidates: Iterable<string>, max: number, limit: number): { name: string; distance: number }[] {
  const found: { name: string; distance: number }[] = [];
  for (const c of candidates) {
    const distance = editDistance(name, c, max);
    if (distance <= max) found.push({ name: c, distance });
  }
  found.sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name));
  return found.slice(0, limit);
}
