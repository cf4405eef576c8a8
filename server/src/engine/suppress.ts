// Inline suppression comments, the same in TypeScript/JavaScript and JSONC files:
//   // aws-patterns-disable-next-line <rule-id>[, <rule-id>] -- reason
//   // aws-patterns-disable-line <rule-id>                     (a comment at the end of the line)
//   /* aws-patterns-disable <rule-id> */ ... /* aws-patterns-enable <rule-id> */
// Without rule IDs a directive covers every rule. Everything after `--` is the reason.
// Suppressed findings are dropped. A directive that names an unknown rule, or suppresses nothing
// of a rule that ran, is reported under the rule ID `unused-suppression` (information by default).
import { createScanner, SyntaxKind as JsonSyntaxKind } from 'jsonc-parser';
import * as ts from './typescript/api';
import { formatMessage, type FileFacts } from './rule';
import { lineIndex } from './text';
import type { Finding, Severity } from './types';
import { parseTypeScript } from './typescript/file';

export const UNUSED_SUPPRESSION_ID = 'unused-suppression';

export interface SuppressionOptions {
  /**
   * Whether a rule ran on this file to the end: only its suppressions can be judged unused. Asked
   * only of files with directives, so analysis does not build a set of rules for every file.
   */
  isActive?: (ruleId: string) => boolean;
  /** Whether every registered rule ran, so a directive without IDs can be judged unused too. */
  completeRun?: boolean;
  /** Severity of the `unused-suppression` reports; undefined = do not report. */
  reportSeverity?: Severity;
  /** The parsed TypeScript file, when analysis already has it. */
  sourceFile?: ts.SourceFile;
  /** Message templates of the `unused-suppression` rule (`unused`, `unusedAll`, `unknownRule`). */
  messages?: Readonly<Record<string, string>>;
}

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface RuleToken {
  id: string;
  start: number;
  end: number;
}

export interface Directive {
  kind: DirectiveKind;
  /** Empty = every rule. */
  rules: RuleToken[];
  /** The whole comment. */
  commentStart: number;
  commentEnd: number;
  /** 0-based lines of the comment's first and last characters. */
  line: number;
  endLine: number;
}

interface CommentRange {
  start: number;
  end: number;
}

const DIRECTIVE = /^(\s*)aws-patterns-(disable-next-line|disable-line|disable|enable)(?=\s|$|\*\/)/;

/** Every suppression directive of a file, in order. */
export function findDirectives(file: FileFacts, sourceFile?: ts.SourceFile): Directive[] {
  if (!file.text.includes('aws-patterns-')) return [];
  const comments = file.kind === 'json' ? jsonComments(file.text) : tsComments(sourceFile ?? parseTypeScript(file.path, file.text));
  const lines = lineIndex(file.text);
  const out: Directive[] = [];
  for (const c of comments) {
    const raw = file.text.slice(c.start, c.end);
    const isBlock = raw.startsWith('/*');
    const bodyStart = c.start + 2;
    const body = isBlock ? raw.slice(2, raw.endsWith('*/') ? -2 : undefined) : raw.slice(2);
    const m = DIRECTIVE.exec(body);
    if (!m) continue;
    const kind = m[2] as DirectiveKind;
    let restStart = bodyStart + m[0].length;
    let rest = body.slice(m[0].length);
    const reason = rest.search(/(^|\s)--(\s|$)/);
    if (reason >= 0) rest = rest.slice(0, reason);
    const rules: RuleToken[] = [];
    const idRe = /[^\s,]+/g;
    let t: RegExpExecArray | null;
    while ((t = idRe.exec(rest))) rules.push({ id: t[0], start: restStart + t.index, end: restStart + t.index + t[0].length });
    out.push({ kind, rules, commentStart: c.start, commentEnd: c.end, line: lines.position(c.start).line, endLine: lines.position(Math.max(c.start, c.end - 1)).line });
  }
  return out;
}

/**
 * Drops suppressed findings, and reports unknown or unused directives as `unused-suppression`
 * findings. Those reports can themselves be suppressed, only by a directive that names
 * `unused-suppression` (a blanket directive never hides its own uselessness).
 */
export function applySuppressions(findings: Finding[], file: FileFacts, knownRules: ReadonlySet<string>, options: SuppressionOptions = {}): Finding[] {
  const directives = findDirectives(file, options.sourceFile);
  if (directives.length === 0) return findings;
  const lines = lineIndex(file.text);
  const ranges = blockRanges(directives, file.text.length);
  // Which rules each directive suppressed something of.
  const used = new Map<Directive, Set<string>>();
  const mark = (d: Directive, ruleId: string) => {
    let set = used.get(d);
    if (!set) used.set(d, (set = new Set()));
    set.add(ruleId);
  };
  /** Suppresses `f` when a directive covers it; `explicitOnly` ignores directives without IDs. */
  const suppress = (f: Finding, explicitOnly: boolean): boolean => {
    const line = lines.position(f.start).line;
    let suppressed = false;
    for (const d of directives) {
      const covers = (d.kind === 'disable-next-line' && line === d.endLine + 1) || (d.kind === 'disable-line' && line === d.line);
      const named = d.rules.some((r) => r.id === f.ruleId) || (!explicitOnly && d.rules.length === 0);
      if (covers && named) {
        mark(d, f.ruleId);
        suppressed = true;
      }
    }
    for (const r of ranges) {
      const named = r.rule === f.ruleId || (!explicitOnly && r.rule === '*' && !r.except.has(f.ruleId));
      if (named && f.start >= r.start && f.start < r.end) {
        mark(r.disable, f.ruleId);
        if (r.enable) mark(r.enable, f.ruleId);
        suppressed = true;
      }
    }
    return suppressed;
  };

  const kept = findings.filter((f) => f.ruleId === UNUSED_SUPPRESSION_ID || !suppress(f, false));
  if (!options.reportSeverity) return kept;
  const severity = options.reportSeverity;
  const isActive = options.isActive ?? ((id: string) => knownRules.has(id));
  const reports: Finding[] = [];
  const report = (d: Directive, rule: RuleToken | undefined, paired: Paired[] = []) => reports.push(unusedFinding(file, d, rule, severity, paired, options.messages));
  const judge = (d: Directive, ownRule: boolean) => {
    if (d.kind === 'enable') {
      // An `enable` that closes a `disable` goes with it (reported and removed with it); one that closes nothing is unused.
      const closes = new Set(ranges.filter((r) => r.enable === d).map((r) => r.rule));
      if (!ownRule && d.rules.length === 0 && closes.size === 0) report(d, undefined);
      for (const r of d.rules) {
        if ((r.id === UNUSED_SUPPRESSION_ID) !== ownRule) continue;
        if (!knownRules.has(r.id)) reports.push(unknownFinding(file, d, r, knownRules, severity, options.messages));
        else if (!closes.has(r.id) && !closes.has('*')) report(d, r);
      }
      return;
    }
    const usedRules = used.get(d) ?? new Set<string>();
    // The `enable` comments paired with this `disable`, removed with it.
    const paired = (rule: string) => ranges.filter((r) => r.disable === d && r.rule === rule && r.enable).map((r) => ({ enable: r.enable!, rule }));
    if (d.rules.length === 0) {
      if (!ownRule && options.completeRun && usedRules.size === 0) report(d, undefined, paired('*'));
      return;
    }
    for (const r of d.rules) {
      if ((r.id === UNUSED_SUPPRESSION_ID) !== ownRule) continue;
      if (!knownRules.has(r.id)) reports.push(unknownFinding(file, d, r, knownRules, severity, options.messages));
      else if ((ownRule || isActive(r.id)) && !usedRules.has(r.id)) report(d, r, paired(r.id));
    }
  };
  // First the suppressions of other rules; then those of `unused-suppression` itself, which only
  // directives naming it can hide.
  for (const d of directives) judge(d, false);
  const shown = reports.filter((f) => !suppress(f, true));
  reports.length = 0;
  for (const d of directives) judge(d, true);
  return [...kept, ...shown, ...reports];
}

type Paired = { enable: Directive; rule: string };

interface BlockRange {
  start: number;
  end: number;
  /** A rule ID, or `*` for every rule. */
  rule: string;
  /** For `*` ranges: rules re-enabled by name inside it. */
  except: ReadonlySet<string>;
  disable: Directive;
  enable?: Directive;
}

/** The ranges `disable` ... `enable` cover (to the end of the file when never re-enabled). */
function blockRanges(directives: Directive[], textEnd: number): BlockRange[] {
  const out: BlockRange[] = [];
  const open = new Map<string, { start: number; disable: Directive; except: Set<string> }>();
  for (const d of directives) {
    if (d.kind === 'disable') {
      const ids = d.rules.length ? d.rules.map((r) => r.id) : ['*'];
      for (const id of ids) if (!open.has(id)) open.set(id, { start: d.commentEnd, disable: d, except: new Set() });
    } else if (d.kind === 'enable') {
      const ids = d.rules.length ? d.rules.map((r) => r.id) : [...open.keys()];
      for (const id of ids) {
        const o = open.get(id);
        if (o) {
          out.push({ start: o.start, end: d.commentStart, rule: id, except: o.except, disable: o.disable, enable: d });
          open.delete(id);
        } else if (open.has('*')) {
          // `enable x` inside `disable` (all): x is back on from here.
          const all = open.get('*')!;
          out.push({ start: all.start, end: d.commentStart, rule: '*', except: new Set(all.except), disable: all.disable, enable: d });
          all.start = d.commentEnd;
          all.except.add(id);
        }
      }
    }
  }
  for (const [id, o] of open) out.push({ start: o.start, end: textEnd, rule: id, except: o.except, disable: o.disable });
  return out;
}

function unusedFinding(file: FileFacts, d: Directive, rule: RuleToken | undefined, severity: Severity, paired: Paired[], messages?: Readonly<Record<string, string>>): Finding {
  const start = rule ? rule.start : d.commentStart;
  const end = rule ? rule.end : d.commentEnd;
  const edits = rule && d.rules.length > 1 ? removeRuleToken(d, rule) : [removeComment(file.text, d)];
  for (const p of paired) {
    const token = p.enable.rules.find((t) => t.id === p.rule);
    if (token && p.enable.rules.length > 1) edits.push(...removeRuleToken(p.enable, token));
    else if (token || p.enable.rules.length === 0) edits.push(removeComment(file.text, p.enable));
  }
  const data = { ruleId: rule?.id ?? '*', rules: rule ? rule.id : 'every rule' };
  return {
    ruleId: UNUSED_SUPPRESSION_ID,
    messageId: 'unused',
    message: formatMessage(messages?.unused ?? 'unused', data),
    severity,
    start,
    end,
    key: `unused::${rule?.id ?? '*'}::${d.commentStart}`,
    tags: ['unnecessary'],
    data,
    fix: { title: rule && d.rules.length > 1 ? `Remove ${rule.id} from the suppression` : 'Remove the unused suppression comment', kind: 'safe', edits },
  };
}

function unknownFinding(file: FileFacts, d: Directive, rule: RuleToken, known: ReadonlySet<string>, severity: Severity, messages?: Readonly<Record<string, string>>): Finding {
  const closest = closestRule(rule.id, known);
  const data = { ruleId: rule.id, didYouMean: closest ? ` (did you mean ${closest}?)` : '' };
  const finding: Finding = {
    ruleId: UNUSED_SUPPRESSION_ID,
    messageId: 'unknownRule',
    message: formatMessage(messages?.unknownRule ?? 'unknownRule', data),
    severity,
    start: rule.start,
    end: rule.end,
    key: `unknownRule::${rule.id}::${d.commentStart}`,
    data,
  };
  const suggestions = [];
  if (closest) suggestions.push({ title: `Change to ${closest}`, kind: 'unsafe' as const, edits: [{ start: rule.start, end: rule.end, newText: closest }] });
  suggestions.push({
    title: d.rules.length > 1 ? `Remove ${rule.id} from the suppression` : 'Remove the suppression comment',
    kind: 'safe' as const,
    edits: d.rules.length > 1 ? removeRuleToken(d, rule) : [removeComment(file.text, d)],
  });
  finding.suggestions = suggestions;
  return finding;
}

/** `a, b, c` without `b`: the token and the separator before it (or after it, for the first). */
function removeRuleToken(d: Directive, rule: RuleToken): { start: number; end: number; newText: string }[] {
  const i = d.rules.indexOf(rule);
  if (i > 0) return [{ start: d.rules[i - 1].end, end: rule.end, newText: '' }];
  return [{ start: rule.start, end: d.rules[1].start, newText: '' }];
}

/** The comment, with its line when it stands alone, or with the spaces before it when it ends a line of code. */
function removeComment(text: string, d: Directive): { start: number; end: number; newText: string } {
  const lineStart = text.lastIndexOf('\n', d.commentStart - 1) + 1;
  const before = text.slice(lineStart, d.commentStart);
  const after = text.slice(d.commentEnd).match(/^[ \t]*(\r?\n|$)/);
  if (before.trim() === '' && after) return { start: lineStart, end: d.commentEnd + after[0].length, newText: '' };
  const spaces = before.match(/[ \t]*$/)![0].length;
  return { start: d.commentStart - (after ? spaces : 0), end: d.commentEnd, newText: '' };
}

/** The registered rule ID closest to a misspelling (edit distance at most a third of its length). */
function closestRule(id: string, known: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function jsonComments(text: string): CommentRange[] {
  const scanner = createScanner(text, false);
  const out: CommentRange[] = [];
  for (let kind = scanner.scan(); kind !== JsonSyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === JsonSyntaxKind.LineCommentTrivia || kind === JsonSyntaxKind.BlockCommentTrivia) {
      out.push({ start: scanner.getTokenOffset(), end: scanner.getTokenOffset() + scanner.getTokenLength() });
    }
  }
  return out;
}

/** Every comment of a TypeScript file, from the trivia around its real tokens (so strings, templates and regexes never count). */
function tsComments(sf: ts.SourceFile): CommentRange[] {
  const text = sf.text;
  const seen = new Set<number>();
  const out: CommentRange[] = [];
  const add = (pos: number, end: number) => {
    if (!seen.has(pos)) {
      seen.add(pos);
      out.push({ start: pos, end });
    }
  };
  const visitToken = (token: ts.Node) => {
    ts.forEachLeadingCommentRange(text, token.pos, add);
    ts.forEachTrailingCommentRange(text, token.end, add);
  };
  const walk = (node: ts.Node): void => {
    if (ts.isJSDoc(node) || node.kind === ts.SyntaxKind.JsxText) return;
    const children = node.getChildren(sf);
    if (children.length === 0) visitToken(node);
    else for (const c of children) walk(c);
  };
  walk(sf);
  visitToken(sf.endOfFileToken);
  return out.sort((a, b) => a.start - b.start);
}
