// The rule format: metadata plus `create(ctx)` returning a visitor, as ESLint rules do.
// Visitor keys are `ts.SyntaxKind` names for TypeScript nodes (`CallExpression`), or model hooks.
import type * as ts from 'typescript';
import type { IamKnowledge } from '../iam/knowledge';
import type { JsonStringValue } from './json/front';
import type { PolicyStatement } from './policy/model';
import type { EngineSettings } from './config';
import type { TsFile } from './typescript/file';
import type { DiagnosticTag, FileKind, Fix, Severity } from './types';

export type Service = 'iam' | 's3' | 'lambda' | 'dynamodb' | 'sqs' | 'secrets' | 'sdk' | 'general';

export interface RuleExample {
  /** The extension picks the front end: `policy.json`, `stack.ts`, `handler.js`... */
  filename: string;
  code: string;
}

export interface RuleOption {
  description: string;
  default: unknown;
  /** JSON schema of the value. */
  schema: Record<string, unknown>;
}

export interface RuleMeta<M extends string> {
  /** Short title, e.g. "Wildcard IAM action". */
  title: string;
  /** One line: what the rule finds. Feeds docs, README, settings schema and SARIF. */
  description: string;
  /** Why it matters and what to do instead (hover and docs). */
  rationale: string;
  severity: Severity;
  service: Service;
  /** The guide section whose ✅ pattern is the cure, e.g. "IAM / Least Privilege". */
  guide: string;
  fix: 'none' | 'safe' | 'unsafe';
  languages: FileKind[];
  messages: Record<M, string>;
  options?: Record<string, RuleOption>;
  tags?: DiagnosticTag[];
  /**
   * What the file's text must contain for the rule to find anything, e.g. `CDK_GATE` for rules
   * about CDK constructs (a construct is only recognized through an import or require of an
   * `aws-cdk` module). The engine tests each pattern object once per file and skips the rules
   * whose gate fails without creating them: a family of rules that cannot apply costs nothing.
   * It must be a necessary condition: the rule's invalid cases prove it (a rule gated off finds nothing).
   */
  gate?: RegExp;
  examples: { invalid: RuleExample[]; valid: RuleExample[] };
}

export interface FileFacts {
  path: string;
  text: string;
  kind: FileKind;
  /** Test code (`*.test.ts`, `__tests__/`...): some rules stay silent there. */
  isTest: boolean;
}

export interface ReportDescriptor<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  start: number;
  end: number;
  key?: string;
  fix?: Fix;
  suggestions?: Fix[];
  /** Overrides the rule's default when the finding itself sets a level (e.g. `*` on `*`). */
  severity?: Severity;
}

export interface RuleContext<M extends string> {
  file: FileFacts;
  settings: EngineSettings;
  options: Readonly<Record<string, unknown>>;
  iam: IamKnowledge;
  /** Present for TypeScript/JavaScript files. */
  ts?: TsFile;
  report(descriptor: ReportDescriptor<M>): void;
}

type NodeHandler = (node: ts.Node) => void;

/** A node kind as a visitor names it: a `ts.SyntaxKind` member (`CallExpression`), not a range marker. */
export type NodeKindName = Exclude<keyof typeof ts.SyntaxKind, `First${string}` | `Last${string}` | 'Count'>;

/**
 * Handlers are named by kind rather than keyed by the kind's number: an object with a numeric key
 * near 300 carries an element store that large (~3 KB per visitor, per rule, per file), and
 * finding its handlers meant probing every kind.
 *
 * Return one object literal with every handler in it (`undefined` for one that does not apply),
 * never an object given handlers after it is made (`visitor.fileEnd = ...`, `v[kind] = ...`). V8
 * then kept each file's handlers, and through their closures the file's tree and facts, alive
 * through young collections until they were promoted: one rule doing it made every young
 * collection of the corpus pass copy ~4 MB (docs/benchmark.md, 39.; `test/engine/visitor-shape.test.ts`).
 */
export type Visitor = { [K in NodeKindName]?: NodeHandler } & {
  /** Every IAM statement found in the file, from any front end. */
  policyStatement?: (statement: PolicyStatement) => void;
  /** Every string value of a JSON file, with its property key. */
  jsonString?: (value: JsonStringValue) => void;
  /** After the walk: for rules that collect first and decide at the end. */
  fileEnd?: () => void;
};

export interface RuleDefinition<M extends string = string> {
  id: string;
  meta: RuleMeta<M>;
  create(ctx: RuleContext<M>): Visitor;
}

/** Types messageIds from `meta.messages`, as typescript-eslint's createRule does. */
export function defineRule<M extends string>(rule: RuleDefinition<M>): RuleDefinition<M> {
  return rule;
}

/** `{{name}}` placeholders filled from data; unknown placeholders stay visible rather than vanish. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  // Templates are the rules' own (a fixed set), split once: every finding formats one.
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = template.split(/(\{\{\s*(\w+)\s*\}\})/)));
  // parts: text, placeholder as written, its name, text, ...
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i + 1];
    out += (data && Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : parts[i]) + parts[i + 2];
  }
  return out;
}

const templates = new Map<string, string[]>();
