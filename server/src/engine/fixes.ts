// Fix-all: the one function behind `source.fixAll.awsPatterns`, `aws-patterns audit --fix` (both
// safe fixes only) and "Fix All in Workspace" (every preferred fix, after the user confirmed).
// Applies every chosen fix whose edits do not touch another's, re-analyzes, and repeats (as ESLint
// does) for at most 10 passes; the result is the final text and the minimal edits that produce it.
import diff from 'fast-diff';
import { analyze, type AnalyzeOptions } from './analyze';
import { applyEdits } from './text';
import type { AnalysisResult, Finding, SourceFileInput, TextEdit } from './types';

export const MAX_FIX_PASSES = 10;

/**
 * Which fixes run: `safe` ones only (unattended: on save, `--fix`), or each finding's preferred
 * fix whatever its kind (a command the user confirmed, knowing some change behaviour).
 */
export type FixSelection = 'safe' | 'preferred';

export interface FixAllOptions extends AnalyzeOptions {
  /** Default `safe`. */
  include?: FixSelection;
}

export interface FixAllResult {
  /** The text after every pass. */
  text: string;
  /** Minimal edits from the input text to `text` (offsets into the input), sorted, non-overlapping. */
  edits: TextEdit[];
  /** Fixes applied, over all passes. */
  applied: number;
  /** Of those, the ones of kind `unsafe` (only with `include: 'preferred'`). */
  appliedUnsafe: number;
  /** Passes that changed the text. */
  passes: number;
  /** The analysis of `text`: what is left after fixing. */
  result: AnalysisResult;
}

export function fixAll(input: SourceFileInput, options: FixAllOptions, maxPasses = MAX_FIX_PASSES): FixAllResult {
  let text = input.text;
  let result = analyze(input, options);
  let applied = 0;
  let appliedUnsafe = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const chosen = chooseFixes(result.findings, options.include ?? 'safe');
    if (chosen.length === 0) break;
    const next = applyEdits(text, chosen.flatMap((f) => f.fix!.edits));
    if (next === text) break;
    const nextResult = analyze({ ...input, text: next }, options);
    // A fix that breaks the syntax would lose the user's work on save: keep the last good text.
    if (nextResult.notices.length > result.notices.length) break;
    text = next;
    result = nextResult;
    applied += chosen.length;
    appliedUnsafe += chosen.filter((f) => f.fix!.kind === 'unsafe').length;
    passes++;
  }
  return { text, edits: minimalEdits(input.text, text), applied, appliedUnsafe, passes, result };
}

/** Whether a finding has a fix that `include` lets run. */
export function hasFixToApply(f: Finding, include: FixSelection = 'safe'): boolean {
  return f.fix !== undefined && f.fix.edits.length > 0 && (include === 'preferred' || f.fix.kind === 'safe');
}

/** Fixes in file order, skipping any whose edits touch or overlap an edit already chosen. */
function chooseFixes(findings: readonly Finding[], include: FixSelection): Finding[] {
  const taken: TextEdit[] = [];
  const chosen: Finding[] = [];
  const candidates = findings.filter((f) => hasFixToApply(f, include));
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const f of candidates) {
    const edits = [...f.fix!.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    if (edits.some((e, i) => i > 0 && e.start < edits[i - 1].end)) continue; // a malformed fix
    // Touching counts as a conflict (two insertions at one offset have no defined order); the
    // later fix waits for the next pass, where it is recomputed on the new text.
    if (edits.some((e) => taken.some((t) => touches(e, t)))) continue;
    taken.push(...edits);
    chosen.push(f);
  }
  return chosen;
}

function touches(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The smallest set of edits turning `before` into `after` (a character diff). */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const edits: TextEdit[] = [];
  let offset = 0;
  let current: TextEdit | undefined;
  for (const [op, chunk] of diff(before, after)) {
    if (op === diff.EQUAL) {
      if (current) edits.push(current);
      current = undefined;
      offset += chunk.length;
      continue;
    }
    current ??= { start: offset, end: offset, newText: '' };
    if (op === diff.DELETE) {
      offset += chunk.length;
      current.end = offset;
    } else {
      current.newText += chunk;
    }
  }
  if (current) edits.push(current);
  return edits;
}
