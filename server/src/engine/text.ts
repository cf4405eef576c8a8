// Small text utilities shared by the front ends, fixes and consumers.
import type { TextEdit } from './types';

export interface LineIndex {
  /** 0-based line and character of an offset. */
  position(offset: number): { line: number; character: number };
  offset(line: number, character: number): number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: offset - starts[lo] };
    },
    offset(line, character) {
      if (line >= starts.length) return text.length;
      return Math.min(starts[line] + character, line + 1 < starts.length ? starts[line + 1] : text.length);
    },
  };
}

/**
 * Whether offsets `a` and `b` sit on different lines, by the line breaks TypeScript counts (CR,
 * LF, CRLF, U+2028, U+2029). Looks only at the text between them: asking a freshly parsed
 * SourceFile for line numbers builds its line table over the whole file, on every keystroke.
 */
export function onDifferentLines(text: string, a: number, b: number): boolean {
  const end = Math.max(a, b);
  for (let i = Math.min(a, b); i < end; i++) {
    const c = text.charCodeAt(i);
    // A CR directly followed by LF is one break, counted at the LF.
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(i + 1) !== 10)) return true;
  }
  return false;
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/**
 * The file's formatting, read once per text. Fix builders call these per statement or per
 * finding; each call scans the whole text when it has no indented lines or no CRLF (a minified
 * policy), which made a policy with thousands of statements quadratic.
 */
let formatOf: { text: string; unit?: string; eol?: string } = { text: '' };
function format(text: string): typeof formatOf {
  if (formatOf.text !== text) formatOf = { text };
  return formatOf;
}

/** The file's indentation unit: a tab, or the smallest run of leading spaces (default two). */
export function detectIndentUnit(text: string): string {
  const f = format(text);
  return (f.unit ??= scanIndentUnit(text));
}

function scanIndentUnit(text: string): string {
  // Lines of a block comment do not count: a JSDoc's ` * ` (one space), or the tab-indented parameter
  // list Amplify writes atop its functions, would otherwise decide the unit of a file's code.
  // Read in place: a regular expression's match per line (`^([ \t]*)(\S.*)$`) allocated ~13 MB
  // in a pass over the benchmark's TypeScript files (docs/benchmark.md, 40.).
  let smallest = 0;
  let tabs = 0;
  let spaces = 0;
  let inComment = false;
  for (let start = 0; start <= text.length && tabs + spaces < 200; ) {
    const end = lineEndAt(text, start);
    const next = end + 1;
    let i = start;
    while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    // The line's code starts at `i`; a line with none (blank, or whitespace such as a form feed
    // after the indentation) does not count.
    if (i === end || WHITESPACE.test(text[i])) {
      start = next;
      continue;
    }
    if (inComment) inComment = !includesBefore(text, '*/', i, end);
    // A comment opened at the start of a line and not closed on it (a trailing `/*` is rare enough).
    else if (text.startsWith('/*', i) && !includesBefore(text, '*/', i + 2, end)) inComment = true;
    else if (i > start && text.charCodeAt(i) !== STAR) {
      if (text.charCodeAt(start) === TAB) tabs++;
      else {
        spaces++;
        if (smallest === 0 || i - start < smallest) smallest = i - start;
      }
    }
    start = next;
  }
  if (tabs > spaces) return '\t';
  return ' '.repeat(smallest === 0 || smallest > 8 ? 2 : smallest);
}

const SPACE = 32;
const TAB = 9;
const STAR = 42;
const WHITESPACE = /\s/;

/** Where the line starting at `start` ends: its first line terminator (as a regular expression's `$` sees them), or the text's end. */
function lineEndAt(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i;
  }
  return text.length;
}

/** Whether `search` occurs within `text` from `start`, ending by `end`. */
function includesBefore(text: string, search: string, start: number, end: number): boolean {
  const at = text.indexOf(search, start);
  return at >= 0 && at + search.length <= end;
}

/**
 * A copy of `s` that holds no other string. V8 builds substrings and concatenations as views into
 * the strings they came from, and parsers hand out such views (jsonc-parser's string values, a
 * regular expression's captures, a message with a name from the source): a cache that outlives a
 * file, or an audit report, that keeps one keeps the file's whole text (5 MB of source held by the
 * 15,000 findings of the bench corpus). Slicing a new concatenation copies its characters into a
 * string of its own, exactly, lone surrogates included (docs/benchmark.md, 40.).
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

export function detectEol(text: string): string {
  const f = format(text);
  return (f.eol ??= text.includes('\r\n') ? '\r\n' : '\n');
}

/** Applies non-overlapping edits (any order). Throws on overlap: callers filter first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`Overlapping edits at ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** `AKIAIOSFODNN7EXAMPLE` → `AKIA…MPLE`: enough to find it, never enough to use it. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return '…';
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}
