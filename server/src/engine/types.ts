// Shared vocabulary of the engine. Offsets are UTF-16 code-unit offsets into the file text,
// the same unit both `ts.Node.getStart()` and jsonc-parser use; consumers convert to lines.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type FileKind = 'json' | 'typescript';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** `safe` keeps behaviour and may run unattended; `unsafe` inserts placeholders or changes behaviour. */
export type FixKind = 'safe' | 'unsafe';

export interface Fix {
  /** Imperative title: "Add `enforceSSL: true`". */
  title: string;
  kind: FixKind;
  edits: TextEdit[];
}

export type DiagnosticTag = 'unnecessary' | 'deprecated';

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  start: number;
  end: number;
  /** Stable identity of the offending item within the file (e.g. `Action::s3:*`). */
  key?: string;
  /** The one fix of this finding (ESLint's `fix`). */
  fix?: Fix;
  /** Alternatives the user picks from (ESLint's `suggest`); never applied unattended. */
  suggestions?: Fix[];
  tags?: DiagnosticTag[];
  data?: Record<string, string | number>;
}

/** A rule callback that threw: logged by the consumer, never shown as a finding. */
export interface InternalError {
  ruleId: string;
  file: string;
  line?: number;
  message: string;
  stack?: string;
}

/** Something about the file itself (unparseable, too big...), shown once at the top of the file. */
export interface FileNotice {
  severity: Severity;
  message: string;
  start: number;
  end: number;
}

export interface SourceFileInput {
  /** Path or URI; its extension picks the front end. */
  path: string;
  text: string;
  /** Optional editor language id (`json`, `jsonc`, `typescript`...), used when the path has no known extension. */
  languageId?: string;
}

export interface AnalysisResult {
  kind: FileKind | undefined;
  findings: Finding[];
  notices: FileNotice[];
  internalErrors: InternalError[];
  /** Milliseconds per rule, filled when timing is requested. */
  timings?: Record<string, number>;
}
