// What the client and the server agree on: the settings section and its shape, the languages we
// analyze, the command IDs, the fix-all code action kind and the custom requests (`awsPatterns/…`)
// behind the palette commands. Both sides import this one module.
import { RequestType, RequestType0, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { Severity, SeveritySetting } from '../server/src/engine/types';

export const SETTINGS_SECTION = 'awsPatterns';

/** The `awsPatterns.*` settings, read per resource. They override `.aws-patterns.json` for one user. */
export interface AwsPatternsSettings {
  /** Analyze documents at all. */
  enable: boolean;
  /** Per-rule severity overrides (`off` turns a rule off); they win over `.aws-patterns.json`. */
  rules: Record<string, SeveritySetting>;
  /** More .gitignore-style patterns of files not to analyze, added to the config file's. */
  ignore: string[];
  /** More account IDs that need no sts:ExternalId, added to the config file's. */
  trustedAccounts: string[];
  /** Replaces the config file's presigned-URL maximum when set. */
  presignedUrlMaxSeconds: number | null;
}

export const DEFAULT_SETTINGS: AwsPatternsSettings = { enable: true, rules: {}, ignore: [], trustedAccounts: [], presignedUrlMaxSeconds: null };

export const LANGUAGES = ['json', 'jsonc', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

export const FIX_ALL_KIND = 'source.fixAll.awsPatterns';

export const COMMANDS = {
  showOutput: 'awsPatterns.showOutput',
  restartServer: 'awsPatterns.restartServer',
  fixAll: 'awsPatterns.fixAll',
  auditWorkspace: 'awsPatterns.auditWorkspace',
  exportSarif: 'awsPatterns.exportSarif',
  fixAllInWorkspace: 'awsPatterns.fixAllInWorkspace',
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

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);

/** Settings as the client sent them, with anything malformed replaced by its default. */
export function normalizeSettings(raw: unknown): AwsPatternsSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITY_VALUES.includes(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const max = value.presignedUrlMaxSeconds;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    rules,
    ignore: strings(value.ignore),
    trustedAccounts: strings(value.trustedAccounts).filter((a) => /^\d{12}$/.test(a)),
    presignedUrlMaxSeconds: typeof max === 'number' && max > 0 ? max : null,
  };
}

// ---- Custom requests behind the palette commands. Each long one reports LSP work-done progress
// on the token the client passes, and stops when the client cancels the request.

export interface AuditWorkspaceParams extends WorkDoneProgressParams {
  /**
   * A `file:` URI where the client will save the summary to preview it: finding links are then
   * relative to its folder (Markdown previews follow relative links, not `file:` URIs). Without
   * it, links are absolute `file:` URIs.
   */
  summaryUri?: string;
}

export interface AuditWorkspaceResult {
  /** The summary to show: Markdown, each finding a link to its place. */
  markdown: string;
  filesChecked: number;
  filesWithFindings: number;
  findings: number;
  bySeverity: Record<Severity, number>;
}

/** "Audit Workspace": analyze every workspace folder, publish diagnostics for every file, return a summary. */
export const AuditWorkspaceRequest = new RequestType<AuditWorkspaceParams, AuditWorkspaceResult, void>('awsPatterns/auditWorkspace');

export interface SarifExport {
  /** The last completed audit as SARIF 2.1.0. */
  sarif: string;
  /** Where to offer saving it: `aws-patterns.sarif` in the outermost workspace folder. */
  defaultUri?: string;
}

/** "Export SARIF Report": the last audit, or null when no audit has completed yet. */
export const ExportSarifRequest = new RequestType0<SarifExport | null, void>('awsPatterns/exportSarif');

export interface WorkspaceFixPlan {
  /** Names this plan for `ApplyWorkspaceFixesRequest`. */
  id: string;
  /** Preferred fixes the plan applies, and how many of them change behaviour (kind `unsafe`). */
  fixes: number;
  unsafeFixes: number;
  /** Text edits, and the files they touch. */
  edits: number;
  files: number;
}

/** "Fix All in Workspace", step 1: compute every preferred fix of the workspace; nothing changes yet. */
export const PrepareWorkspaceFixesRequest = new RequestType<WorkDoneProgressParams, WorkspaceFixPlan, void>('awsPatterns/prepareWorkspaceFixes');

export interface ApplyWorkspaceFixesResult {
  applied: boolean;
  /** Why nothing was applied (files changed since the plan, the editor refused...). */
  reason?: string;
}

/** Step 2, after the user confirmed: the server sends the plan as one `workspace/applyEdit` (one undo). */
export const ApplyWorkspaceFixesRequest = new RequestType<{ id: string }, ApplyWorkspaceFixesResult, void>('awsPatterns/applyWorkspaceFixes');

/**
 * Node flags the client starts the server with: a young generation of at most 2 × 8 MB instead of
 * Node's 2 × 16 MB. A workspace audit keeps a slowly growing report and every file's tree lives
 * through its analysis, so the young generation grew to its maximum and the audit of the bench's
 * 4,261 files peaked at 206-212 MB (budget 200); with 8 MB, 183-198 MB. The cost is more frequent
 * scavenges while typing: keystroke p95 on a 5,000-line stack ~1 ms higher (within the machine's
 * noise in A/B runs), nothing on a typical file. A larger semi-space (32 MB) was tried earlier for
 * latency and dropped for memory (docs/benchmark.md, 9. and 35.). The server also paces its old
 * generation (server/src/heap.ts).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8'];
