// Which finding "Go to Next Finding" moves to: the first one that starts after the cursor, in
// document order, wrapping to the first. No `vscode` import, so it is tested in plain Node.
export interface Position {
  line: number;
  character: number;
}

export interface Located {
  range: { start: Position };
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The next finding after `cursor` (or at it, when `atCursor` is set: "Quick Fix" acts on the
 * finding under the cursor first). Undefined when there is none.
 */
export function nextFinding<T extends Located>(findings: readonly T[], cursor: Position, atCursor = false): T | undefined {
  const sorted = [...findings].sort((a, b) => compare(a.range.start, b.range.start));
  return sorted.find((f) => (atCursor ? compare(f.range.start, cursor) >= 0 : compare(f.range.start, cursor) > 0)) ?? sorted[0];
}
