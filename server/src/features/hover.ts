// Hover content, as markdown with the range it belongs to. Pure: the server hands in the text,
// the offset, the file kind and the IAM knowledge, and turns the result into an LSP Hover.
import type * as ts from 'typescript';
import type { RuleDefinition } from '../engine/rule';
import type { FileKind } from '../engine/types';
import { parseActionPattern, type IamAction, type IamKnowledge } from '../iam/knowledge';
import { actionSiteAt } from './iam-sites';
import { guideAnchor, snippetCode, snippetsForRule } from './patterns';

export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

/**
 * The Service Authorization Reference page of a service, named after its prefix
 * (`list_s3.html`, `list_lambda.html`), at the table of its actions.
 */
export function serviceReferenceUrl(prefix: string): string {
  return `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${prefix}.html#list_${prefix}-actions-as-permissions`;
}

/** Access levels in the order AWS lists them, least to most powerful; combined levels follow their strongest part. */
const LEVEL_ORDER = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'];

function levelRank(level: string): number {
  const parts = level.split(',').map((p) => LEVEL_ORDER.indexOf(p.trim()));
  return Math.max(...parts) * 10 + parts.length;
}

const FIRST_NAMES = 5;
const MAX_CONDITION_KEYS = 12;

/** Hover over an IAM action or wildcard in an action position; undefined anywhere else. */
export function iamHover(text: string, offset: number, kind: FileKind, iam: IamKnowledge, path?: string, sourceFile?: ts.SourceFile): HoverResult | undefined {
  const site = actionSiteAt(text, offset, kind, path, sourceFile);
  if (!site) return undefined;
  const value = site.value.trim();
  const markdown = /[*?]/.test(value) ? wildcardMarkdown(value, iam) : actionMarkdown(value, iam);
  return markdown ? { markdown, start: site.start, end: site.end } : undefined;
}

function actionMarkdown(name: string, iam: IamKnowledge): string | undefined {
  const parsed = parseActionPattern(name);
  if (!parsed) return undefined;
  const service = iam.service(parsed.service);
  if (!service) return undefined;
  const action = iam.action(name);
  const link = `[${service.name} in the Service Authorization Reference](${serviceReferenceUrl(service.prefix)})`;
  if (!action) {
    return `**${code(name)}**: ${service.name} defines no action named \`${parsed.action}\`.\n\n${link}`;
  }
  const lines = [`**${code(action.fullName)}** · ${action.accessLevel}`, '', action.description || '_No description in the IAM data._', ''];
  if (action.resourceTypes.length) {
    lines.push('| Resource type | ARN |', '|---|---|');
    for (const r of action.resourceTypes) {
      const arn = service.resourceTypes[r.name];
      lines.push(`| ${r.name}${r.required ? ' (required)' : ''} | ${arn ? code(arn) : ''} |`);
    }
  } else {
    lines.push('Resource types: none, so the statement needs `"Resource": "*"` for this action.');
  }
  lines.push('');
  if (action.conditionKeys.length) {
    const shown = action.conditionKeys.slice(0, MAX_CONDITION_KEYS).map(code);
    const more = action.conditionKeys.length - shown.length;
    lines.push(`Condition keys: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`, '');
  }
  lines.push(link);
  return lines.join('\n');
}

function wildcardMarkdown(pattern: string, iam: IamKnowledge): string | undefined {
  const matched = iam.expand(pattern);
  if (!matched) return undefined;
  const parsed = parseActionPattern(pattern);
  const service = parsed ? iam.service(parsed.service) : undefined;
  const scope = pattern === '*' ? `${iam.servicePrefixes().length} AWS services` : (service?.name ?? parsed?.service ?? '');
  if (matched.length === 0) return `**${code(pattern)}** matches no action of ${scope}.`;
  const byLevel = new Map<string, IamAction[]>();
  for (const a of matched) {
    const list = byLevel.get(a.accessLevel);
    if (list) list.push(a);
    else byLevel.set(a.accessLevel, [a]);
  }
  const levels = [...byLevel.keys()].sort((a, b) => levelRank(a) - levelRank(b));
  const lines = [
    `**${code(pattern)}** grants ${matched.length} action${matched.length === 1 ? '' : 's'} of ${scope}, today and whatever ${pattern === '*' ? 'AWS adds' : 'the service adds'} later.`,
    '',
    '| Access level | Actions | First of them |',
    '|---|---:|---|',
  ];
  for (const level of levels) {
    const names = byLevel.get(level)!.map((a) => (pattern === '*' || !service ? a.fullName : a.name)).sort((a, b) => a.localeCompare(b));
    const first = names.slice(0, FIRST_NAMES).join(', ');
    lines.push(`| ${level} | ${names.length} | ${first}${names.length > FIRST_NAMES ? ', …' : ''} |`);
  }
  if (service) lines.push('', `[${service.name} in the Service Authorization Reference](${serviceReferenceUrl(service.prefix)})`);
  return lines.join('\n');
}

export interface RuleHoverOptions {
  /** The rule's documentation page (the server knows the base URL). */
  docsUrl?: string;
  /** Link target for the guide; the anchor of the rule's section is appended. */
  guideUrl?: string;
}

export interface PatternBlock {
  code: string;
  /** Fence language. */
  lang: string;
  /** The snippet that writes it, when a snippet does. */
  snippet?: string;
}

const FENCE_LANGUAGE: Record<string, string> = { json: 'json', jsonc: 'jsonc', ts: 'typescript', tsx: 'tsx', js: 'javascript', jsx: 'jsx', mjs: 'javascript', cjs: 'javascript', mts: 'typescript', cts: 'typescript' };

/**
 * The guide's ✅ pattern for a rule: the snippet(s) that teach its section, in the file's
 * language (current where the guide is stale); the rule's own ✅ example when no snippet does.
 */
export function rulePatterns(rule: RuleDefinition, kind: FileKind | undefined): PatternBlock[] {
  const shown = snippetsForRule(rule.id, rule.meta.guide, kind);
  if (shown.length) return shown.map((s) => ({ code: snippetCode(s), lang: s.kind === 'json' ? 'json' : 'typescript', snippet: s.prefix }));
  const example = rule.meta.examples.valid[0];
  if (!example) return [];
  const ext = /\.(\w+)$/.exec(example.filename)?.[1]?.toLowerCase() ?? '';
  return [{ code: example.code.replace(/\n$/, ''), lang: FENCE_LANGUAGE[ext] ?? '' }];
}

/**
 * Hover over a finding: what the rule is, why it matters, and the guide's ✅ pattern. The
 * message is left out: the editor shows it beside the hover.
 */
export function ruleHoverMarkdown(rule: RuleDefinition, kind: FileKind | undefined, options: RuleHoverOptions = {}): string {
  const lines = [`**${rule.meta.title}** · ${code(rule.id)}`, '', rule.meta.rationale];
  const patterns = rulePatterns(rule, kind);
  if (patterns.length) {
    const section = options.guideUrl ? `[${rule.meta.guide}](${options.guideUrl}#${guideAnchor(rule.meta.guide)})` : rule.meta.guide;
    const names = patterns.flatMap((p) => (p.snippet ? [code(p.snippet)] : []));
    lines.push('', `✅ **${section}**${names.length ? ` (snippet ${names.join(', ')})` : ''}`);
    for (const p of patterns) lines.push('', fence(p.code, p.lang));
  }
  if (options.docsUrl) lines.push('', `[${rule.id} documentation](${options.docsUrl})`);
  return lines.join('\n');
}

export function ruleHoverPlainText(rule: RuleDefinition, kind: FileKind | undefined, docsUrl?: string): string {
  const patterns = rulePatterns(rule, kind);
  return [
    `${rule.meta.title} (${rule.id})`,
    rule.meta.rationale,
    ...(patterns.length ? [`✅ ${rule.meta.guide}:`, ...patterns.map((p) => p.code)] : []),
    ...(docsUrl ? [docsUrl] : []),
  ].join('\n\n');
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${text}${ticks}`;
}

/** A fence longer than any backtick run inside keeps the code intact. */
function fence(body: string, lang: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${body}\n${ticks}`;
}
