// What the client and the server agree on: the settings section and its shape, the languages we
// analyze, the command IDs and the fix-all code action kind. Both sides import this one module.
import type { SeveritySetting } from '../server/src/engine/types';

export const SETTINGS_SECTION = 'awsPatterns';

/** The `awsPatterns.*` settings, read per resource. */
export interface AwsPatternsSettings {
  /** Analyze documents at all. */
  enable: boolean;
  /** Per-rule severity overrides (`off` turns a rule off); they win over `.aws-patterns.json`. */
  rules: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: AwsPatternsSettings = { enable: true, rules: {} };

export const LANGUAGES = ['json', 'jsonc', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

export const FIX_ALL_KIND = 'source.fixAll.awsPatterns';

export const COMMANDS = {
  showOutput: 'awsPatterns.showOutput',
  restartServer: 'awsPatterns.restartServer',
  fixAll: 'awsPatterns.fixAll',
  // The first-run walkthrough's steps (client-only helpers).
  getStarted: 'awsPatterns.getStarted',
  openSamplePolicy: 'awsPatterns.openSamplePolicy',
  goToNextFinding: 'awsPatterns.goToNextFinding',
  quickFixNextFinding: 'awsPatterns.quickFixNextFinding',
  insertSnippet: 'awsPatterns.insertSnippet',
} as const;

/** The walkthrough's ID in `contributes.walkthroughs` (opened as `<publisher>.<name>#<id>`). */
export const WALKTHROUGH_ID = 'gettingStarted';

/** The walkthrough's sample, shipped in the package and opened as an untitled JSON document. */
export const SAMPLE_POLICY = 'media/walkthrough/sample-policy.json';

/** The `source` of our diagnostics (the server sets it; the client's walkthrough commands look for it). */
export const DIAGNOSTIC_SOURCE = 'aws-patterns';

const SEVERITY_VALUES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Settings as the client sent them, with anything malformed replaced by its default. */
export function normalizeSettings(raw: unknown): AwsPatternsSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITY_VALUES.includes(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  return { enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable, rules };
}
