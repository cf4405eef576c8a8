// analyze(file, options) → findings. Picks the front end by file kind, parses once, walks once
// dispatching to every enabled rule, and isolates rule failures so one broken rule never takes
// the others (or the server) down.
import * as ts from './typescript/api';
import type { IamKnowledge } from '../iam/knowledge';
import { allRules } from '../rules/index';
import { defaultConfig, ruleSeverity, type ResolvedConfig } from './config';
import { forEachJsonString, parseJsonFile } from './json/front';
import { statementsOfSite } from './json/statements';
import { isEndpointPolicyPath } from './json/recognize';
import { formatMessage, type FileFacts, type RuleContext, type RuleDefinition, type Visitor } from './rule';
import { applySuppressions, UNUSED_SUPPRESSION_ID } from './suppress';
import { lineIndex } from './text';
import { extractTsPolicyStatements } from './typescript/policies';
import { TsFile, parseTypeScriptNodes, syntaxErrors, type DocumentTree } from './typescript/file';
import type { AnalysisResult, FileKind, FileNotice, Finding, InternalError, SourceFileInput } from './types';

export interface AnalyzeOptions {
  iam: IamKnowledge;
  config?: ResolvedConfig;
  /** Defaults to every registered rule. */
  rules?: readonly RuleDefinition[];
  /** Record milliseconds per rule in `result.timings`. */
  timing?: boolean;
  /** Checked between parsing and walking: a stale run stops early. */
  isCancelled?: () => boolean;
  /** An open document's previous syntax tree: TypeScript is reparsed incrementally from it. */
  tree?: DocumentTree;
}

const TS_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const JSON_EXTENSIONS = /\.(json|jsonc|json5)$/i;
const TS_LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);
const JSON_LANGUAGES = new Set(['json', 'jsonc']);

export function fileKindOf(path: string, languageId?: string): FileKind | undefined {
  if (/\.d\.[cm]?ts$/i.test(path)) return undefined; // declarations hold no runtime code
  if (TS_EXTENSIONS.test(path)) return 'typescript';
  if (JSON_EXTENSIONS.test(path)) return 'json';
  if (languageId && TS_LANGUAGES.has(languageId)) return 'typescript';
  if (languageId && JSON_LANGUAGES.has(languageId)) return 'json';
  return undefined;
}

export function isTestPath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return /[._-](test|spec)\.[cm]?[jt]sx?$/i.test(p) || /(^|\/)(__tests__|__mocks__|tests?|spec)\//i.test(p);
}

let registeredIds: ReadonlySet<string> | undefined;
function allRuleIds(): ReadonlySet<string> {
  return (registeredIds ??= new Set(allRules.map((r) => r.id)));
}

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

export function analyze(input: SourceFileInput, options: AnalyzeOptions): AnalysisResult {
  const config = options.config ?? defaultConfig();
  const kind = fileKindOf(input.path, input.languageId);
  const result: AnalysisResult = { kind, findings: [], notices: [], internalErrors: [] };
  if (!kind) return result;
  const notice = (n: FileNotice) => result.notices.push(n);

  if (input.text.length > config.settings.maxFileBytes) {
    notice({
      severity: 'information',
      message: `AWS Patterns skipped this file: ${(input.text.length / 1048576).toFixed(1)} MB is over the ${(config.settings.maxFileBytes / 1048576).toFixed(1)} MB limit (maxFileBytes).`,
      start: 0,
      end: 0,
    });
    return result;
  }
  if (input.text.slice(0, 8192).includes('\u0000')) {
    notice({ severity: 'information', message: 'AWS Patterns skipped this file: it looks binary.', start: 0, end: 0 });
    return result;
  }

  const facts: FileFacts = { path: input.path, text: input.text, kind, isTest: isTestPath(input.path) };
  const registered = options.rules ?? allRules;
  const rules = registered.filter((r) => r.meta.languages.includes(kind) && ruleSeverity(config, r.id, r.meta.severity) !== 'off');
  // Rules whose gate the text fails cannot find anything here: they are not created at all, and
  // count as having run (to the end, with no finding) for the suppression checks below.
  const gates = new Map<RegExp, boolean>();
  const passes = (gate: RegExp): boolean => {
    let ok = gates.get(gate);
    if (ok === undefined) gates.set(gate, (ok = gate.test(input.text)));
    return ok;
  };
  const runnable = rules.filter((r) => !r.meta.gate || passes(r.meta.gate));
  const runner = new RuleRunner(facts, config, options, result);
  let sourceFile: ts.SourceFile | undefined;

  if (kind === 'json') {
    const { file, notices } = parseJsonFile(input.text);
    notices.forEach(notice);
    if (options.isCancelled?.()) throw new CancelledError();
    const visitors = runner.instantiate(runnable, undefined);
    const statementHooks = runner.hooks(visitors, 'policyStatement');
    if (statementHooks.length) {
      const endpointFile = file.policies.length > 0 && isEndpointPolicyPath(input.path);
      runner.dispatchEach(statementHooks, file.policies.flatMap((site) => statementsOfSite(site, input.text, endpointFile)));
    }
    const stringHooks = runner.hooks(visitors, 'jsonString');
    if (stringHooks.length) forEachJsonString(file.root, (v) => runner.dispatch(stringHooks, v));
    runner.fileEnd(visitors);
  } else {
    const parsed = parseTypeScriptNodes(input.path, input.text, options.tree);
    sourceFile = parsed.sourceFile;
    const nodes = parsed.nodes;
    const errors = syntaxErrors(sourceFile);
    if (errors.length) {
      const first = errors[0];
      notice({
        severity: 'information',
        message: `AWS Patterns found a syntax error here (${ts.flattenDiagnosticMessageText(first.messageText, ' ')}); findings may be incomplete until it is fixed.`,
        start: first.start,
        end: first.start + Math.max(1, first.length),
      });
    }
    if (options.isCancelled?.()) throw new CancelledError();
    const tsFile = new TsFile(sourceFile, nodes);
    const visitors = runner.instantiate(runnable, tsFile);
    runner.walk(visitors, nodes);
    const statementHooks = runner.hooks(visitors, 'policyStatement');
    if (statementHooks.length) runner.dispatchEach(statementHooks, runner.guard('(policy extraction)', () => extractTsPolicyStatements(tsFile)) ?? []);
    runner.fileEnd(visitors);
  }

  // Suppressions: IDs are checked against every registered rule; only rules that ran to the end
  // can have an unused suppression; `unused-suppression` reports only when it is itself enabled.
  const reporter = rules.find((r) => r.id === UNUSED_SUPPRESSION_ID);
  const reportSeverity = reporter ? ruleSeverity(config, reporter.id, reporter.meta.severity) : 'off';
  result.findings = applySuppressions(result.findings, facts, options.rules ? new Set([...allRuleIds(), ...options.rules.map((r) => r.id)]) : allRuleIds(), {
    isActive: (id) => !runner.failed.has(id) && rules.some((r) => r.id === id),
    completeRun: !options.rules && runner.failed.size === 0,
    reportSeverity: reportSeverity === 'off' ? undefined : reportSeverity,
    sourceFile,
    messages: reporter?.meta.messages,
  });
  result.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return result;
}

const defaultOptions = new WeakMap<RuleDefinition, Readonly<Record<string, unknown>>>();

/** A rule's options: its defaults (built once per rule), overridden by the configured ones. */
function ruleOptions(config: ResolvedConfig, rule: RuleDefinition): Readonly<Record<string, unknown>> {
  let defaults = defaultOptions.get(rule);
  if (!defaults) {
    defaults = Object.freeze(Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, o]) => [k, o.default])));
    defaultOptions.set(rule, defaults);
  }
  const configured = config.rules[rule.id]?.options;
  return configured ? { ...defaults, ...configured } : defaults;
}

interface Hook<A> {
  active: ActiveVisitor;
  handler: (arg: A) => void;
}

interface ActiveVisitor {
  rule: RuleDefinition;
  visitor: Visitor;
  failed: boolean;
}

/** The handlers of the walk in progress, per `ts.SyntaxKind`: each rule's, in the rules' order. */
interface Slot {
  actives: ActiveVisitor[];
  handlers: ((n: ts.Node) => void)[];
}
const SLOTS: Slot[] = Array.from({ length: ts.SyntaxKind.Count }, () => ({ actives: [], handlers: [] }));
/** The slots of the kinds the walk in progress handles; `undefined` for the rest. */
const ACTIVE_SLOTS: (Slot | undefined)[] = new Array<Slot | undefined>(ts.SyntaxKind.Count).fill(undefined);

/** `CallExpression` → its `ts.SyntaxKind` number: the names visitors key their handlers by. */
const KIND_OF_NAME: ReadonlyMap<string, number> = new Map(Object.entries(ts.SyntaxKind).filter((e): e is [string, number] => typeof e[1] === 'number'));

/** Runs rule callbacks: each guarded (a throw disables that rule for this file) and optionally timed. */
class RuleRunner {
  private lines?: ReturnType<typeof lineIndex>;
  /** Rules that threw (in `create` or a callback) and were turned off for this file. */
  readonly failed = new Set<string>();

  constructor(
    private readonly file: FileFacts,
    private readonly config: ResolvedConfig,
    private readonly options: AnalyzeOptions,
    private readonly result: AnalysisResult,
  ) {
    if (options.timing) result.timings = {};
  }

  instantiate(rules: readonly RuleDefinition[], tsFile: TsFile | undefined): ActiveVisitor[] {
    const out: ActiveVisitor[] = [];
    for (const rule of rules) {
      const active: ActiveVisitor = { rule, visitor: {}, failed: false };
      const ctx = this.context(rule, tsFile);
      const visitor = this.run(active, () => rule.create(ctx));
      if (visitor) {
        active.visitor = visitor;
        out.push(active);
      }
    }
    return out;
  }

  walk(visitors: ActiveVisitor[], nodes: readonly ts.Node[]): void {
    // Handlers indexed by SyntaxKind (a small integer): an array lookup per node, `undefined` for
    // the kinds no rule handles. The table is shared by every walk (a walk never starts inside
    // another) and emptied after each: built afresh per file it was a sparse array of ~360 slots
    // plus an entry object per handler.
    const kinds: number[] = [];
    for (const active of visitors) {
      const visitor = active.visitor as Record<string, unknown>;
      for (const name in visitor) {
        const kind = KIND_OF_NAME.get(name);
        const handler = visitor[name];
        if (kind === undefined || typeof handler !== 'function') continue; // a model hook
        const slot = SLOTS[kind];
        if (ACTIVE_SLOTS[kind] === undefined) {
          ACTIVE_SLOTS[kind] = slot;
          kinds.push(kind);
        }
        slot.actives.push(active);
        slot.handlers.push(handler as (n: ts.Node) => void);
      }
    }
    if (kinds.length === 0) return;
    try {
      // The nodes in source order, recorded by the pass that linked the parents: no second tree
      // walk, and every parent is set before the first rule runs.
      // Index loops: this runs for every node of every file.
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        const slot = ACTIVE_SLOTS[node.kind];
        if (slot === undefined) continue;
        const handlers = slot.handlers;
        for (let j = 0; j < handlers.length; j++) {
          const active = slot.actives[j];
          if (!active.failed) this.runHandler(active, handlers[j], node, node);
        }
      }
    } finally {
      for (const kind of kinds) {
        SLOTS[kind].actives.length = 0;
        SLOTS[kind].handlers.length = 0;
        ACTIVE_SLOTS[kind] = undefined;
      }
    }
  }

  /**
   * The visitors' `key` hooks with their rules, found once per file. The loops over statements and
   * strings (~110,000 strings in a pass over the benchmark's JSON files) then call only those,
   * rather than reading `key` off every rule's visitor (a different shape each) per item.
   */
  hooks<K extends 'policyStatement' | 'jsonString'>(visitors: ActiveVisitor[], key: K): Hook<Parameters<NonNullable<Visitor[K]>>[0]>[] {
    const out: Hook<Parameters<NonNullable<Visitor[K]>>[0]>[] = [];
    for (const active of visitors) {
      const handler = active.visitor[key];
      if (handler) out.push({ active, handler: handler as (arg: Parameters<NonNullable<Visitor[K]>>[0]) => void });
    }
    return out;
  }

  dispatchEach<A>(hooks: readonly Hook<A>[], args: readonly A[]): void {
    for (const arg of args) this.dispatch(hooks, arg);
  }

  /** Calls each hook with `arg`, guarded, with no closure per call. */
  dispatch<A>(hooks: readonly Hook<A>[], arg: A): void {
    for (let i = 0; i < hooks.length; i++) {
      const h = hooks[i];
      if (!h.active.failed) this.runHandler(h.active, h.handler, arg, undefined);
    }
  }

  fileEnd(visitors: ActiveVisitor[]): void {
    for (const active of visitors) {
      const handler = active.visitor.fileEnd;
      if (handler && !active.failed) this.run(active, handler);
    }
  }


  /** Runs engine-side work (not a rule) under the same protection. */
  guard<T>(label: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      this.recordError(label, e, undefined);
      return undefined;
    }
  }

  /** `run` for hot loops: the same guard and timing without a closure per call. `node` locates a failure. */
  private runHandler<A>(active: ActiveVisitor, handler: (a: A) => void, arg: A, node: ts.Node | undefined): void {
    if (!this.options.timing) {
      try {
        handler(arg);
      } catch (e) {
        this.fail(active, e, node);
      }
      return;
    }
    this.run(active, () => handler(arg), node);
  }

  private fail(active: ActiveVisitor, e: unknown, node: ts.Node | undefined): void {
    active.failed = true;
    this.failed.add(active.rule.id);
    this.recordError(active.rule.id, e, node);
    // Findings of a rule that failed midway may be half-formed: drop them.
    this.result.findings = this.result.findings.filter((f) => f.ruleId !== active.rule.id);
  }

  private run<T>(active: ActiveVisitor, fn: () => T, node?: ts.Node): T | undefined {
    const t0 = this.options.timing ? performance.now() : 0;
    try {
      return fn();
    } catch (e) {
      this.fail(active, e, node);
      return undefined;
    } finally {
      if (this.options.timing) this.result.timings![active.rule.id] = (this.result.timings![active.rule.id] ?? 0) + performance.now() - t0;
    }
  }

  private recordError(ruleId: string, e: unknown, node: ts.Node | undefined): void {
    const err: InternalError = {
      ruleId,
      file: this.file.path,
      message: e instanceof Error ? e.message : String(e),
      stack: e instanceof Error ? e.stack : undefined,
    };
    if (node) {
      this.lines ??= lineIndex(this.file.text);
      err.line = this.lines.position(node.pos).line + 1;
    }
    this.result.internalErrors.push(err);
  }

  private context(rule: RuleDefinition, tsFile: TsFile | undefined): RuleContext<string> {
    const setting = this.config.rules[rule.id];
    const configured = setting?.severity && setting.severity !== 'off' ? setting.severity : undefined;
    return {
      file: this.file,
      settings: this.config.settings,
      options: ruleOptions(this.config, rule),
      iam: this.options.iam,
      ts: tsFile,
      report: (d) => {
        const finding: Finding = {
          ruleId: rule.id,
          messageId: d.messageId,
          message: formatMessage(rule.meta.messages[d.messageId] ?? d.messageId, d.data),
          severity: configured ?? d.severity ?? rule.meta.severity,
          start: d.start,
          end: d.end,
        };
        if (d.key !== undefined) finding.key = d.key;
        if (d.fix) finding.fix = d.fix;
        if (d.suggestions?.length) finding.suggestions = d.suggestions;
        if (rule.meta.tags) finding.tags = rule.meta.tags;
        if (d.data) finding.data = d.data;
        this.result.findings.push(finding);
      },
    };
  }
}
