// `.aws-patterns.json`: per-rule severity or `off`, ignore globs, trusted account IDs, the
// presigned-URL maximum. Parsing is pure: the caller reads the file. A broken config yields
// problems (with offsets, for a diagnostic on the config file) and the defaults, never silence.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Severity, SeveritySetting } from './types';

export interface EngineSettings {
  /** Account IDs whose principals need no sts:ExternalId (your own organisation's accounts). */
  trustedAccounts: string[];
  /** s3-presigned-url-expiry warns above this many seconds. */
  presignedUrlMaxSeconds: number;
  /** Files larger than this are not analyzed (one notice instead). */
  maxFileBytes: number;
  /**
   * The project's `aws-cdk-lib` version (e.g. `2.180.0`), filled by the server/CLI from the nearest
   * package.json (see `server/src/projectInfo.ts`); undefined when unknown. Fixes that depend on
   * the CDK API (a prop renamed, a runtime constant added) read it.
   */
  awsCdkLibVersion?: string;
}

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  ignore: string[];
  settings: EngineSettings;
}

export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  trustedAccounts: [],
  presignedUrlMaxSeconds: 3600,
  maxFileBytes: 8 * 1024 * 1024,
};

export function defaultConfig(): ResolvedConfig {
  return { rules: {}, ignore: [], settings: { ...DEFAULT_SETTINGS, trustedAccounts: [] } };
}

export const CONFIG_FILE_NAME = '.aws-patterns.json';
const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Parses the config text. `knownRules` lets unknown rule IDs be reported (a typo would
 * otherwise silently keep a rule on). Problems never stop the rest of the file from applying.
 */
export function parseConfig(text: string, knownRules?: ReadonlySet<string>): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) problems.push({ message: `Invalid JSON: ${printParseErrorCode(e.error)}`, start: e.offset, end: e.offset + Math.max(1, e.length) });
  if (errors.length) return { config, problems };
  if (!root || root.type !== 'object') {
    problems.push({ message: 'The configuration must be a JSON object.', start: root?.offset ?? 0, end: (root?.offset ?? 0) + (root?.length ?? 0) });
    return { config, problems };
  }
  const bad = (node: Node, message: string) => problems.push({ message, start: node.offset, end: node.offset + node.length });

  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (value.type !== 'object') bad(value, '"rules" must be an object of rule IDs.');
        else for (const ruleProp of value.children ?? []) readRuleSetting(ruleProp, config, knownRules, bad);
        break;
      case 'ignore':
        if (value.type !== 'array' || value.children?.some((c) => c.type !== 'string')) bad(value, '"ignore" must be an array of glob strings.');
        else config.ignore = value.children!.map((c) => String(c.value));
        break;
      case 'trustedAccounts':
        if (value.type !== 'array' || value.children?.some((c) => c.type !== 'string' || !/^\d{12}$/.test(String(c.value))))
          bad(value, '"trustedAccounts" must be an array of 12-digit account IDs as strings.');
        else config.settings.trustedAccounts = value.children!.map((c) => String(c.value));
        break;
      case 'presignedUrlMaxSeconds':
        if (value.type !== 'number' || !(Number(value.value) > 0)) bad(value, '"presignedUrlMaxSeconds" must be a positive number of seconds.');
        else config.settings.presignedUrlMaxSeconds = Number(value.value);
        break;
      case 'maxFileBytes':
        if (value.type !== 'number' || !(Number(value.value) > 0)) bad(value, '"maxFileBytes" must be a positive number.');
        else config.settings.maxFileBytes = Number(value.value);
        break;
      default:
        bad(keyNode, `Unknown setting "${key}".`);
    }
  }
  return { config, problems };
}

function readRuleSetting(prop: Node, config: ResolvedConfig, knownRules: ReadonlySet<string> | undefined, bad: (n: Node, m: string) => void): void {
  const [keyNode, value] = prop.children ?? [];
  if (!keyNode || !value) return;
  const id = String(keyNode.value);
  if (knownRules && !knownRules.has(id)) {
    bad(keyNode, `Unknown rule "${id}".`);
    return;
  }
  if (value.type === 'string') {
    if (!SEVERITIES.includes(value.value)) return bad(value, `Severity must be one of ${SEVERITIES.join(', ')}.`);
    config.rules[id] = { severity: value.value };
    return;
  }
  if (value.type === 'object') {
    const setting: RuleSetting = {};
    for (const p of value.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      if (k.value === 'severity') {
        if (v.type !== 'string' || !SEVERITIES.includes(v.value)) bad(v, `Severity must be one of ${SEVERITIES.join(', ')}.`);
        else setting.severity = v.value;
      } else {
        (setting.options ??= {})[String(k.value)] = nodeValue(v);
      }
    }
    config.rules[id] = setting;
    return;
  }
  bad(value, 'A rule setting is a severity string or an object with "severity" and options.');
}

function nodeValue(node: Node): unknown {
  if (node.type === 'object') return Object.fromEntries((node.children ?? []).map((p) => [String(p.children![0].value), nodeValue(p.children![1])]));
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

/** Effective severity of a rule, or `off`. */
export function ruleSeverity(config: ResolvedConfig, ruleId: string, fallback: Severity): SeveritySetting {
  return config.rules[ruleId]?.severity ?? fallback;
}
