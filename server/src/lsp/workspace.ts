// What analysis of a document depends on besides its text: the `awsPatterns` settings for its
// resource and the `.aws-patterns.json` of its workspace folder. Both are cached (settings per
// document URI, configs per folder) and dropped together by `clear()` when anything changes.
import { readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings, type AwsPatternsSettings } from '../../../shared/settings';
import { CONFIG_FILE_NAME, defaultConfig, parseConfig, type ConfigProblem, type ResolvedConfig } from '../engine/config';
import { rulesById } from '../rules/index';

export interface FolderConfig {
  /** URI of the `.aws-patterns.json` file. */
  uri: string;
  /** Its text on disk, when it exists. */
  text: string | undefined;
  config: ResolvedConfig;
  problems: ConfigProblem[];
}

export interface WorkspaceDeps {
  /** `workspace/configuration` for one resource; absent when the client cannot answer it. */
  fetchSettings?: (scopeUri: string) => Promise<unknown>;
  /** Reads a file, or undefined when it does not exist (I/O stays out of the engine). */
  readFile?: (path: string) => string | undefined;
}

export function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export class Workspace {
  private folders: WorkspaceFolder[] = [];
  private readonly settings = new Map<string, Promise<AwsPatternsSettings>>();
  private readonly configs = new Map<string, FolderConfig>();
  /** Settings pushed with `workspace/didChangeConfiguration`, for clients without `workspace/configuration`. */
  private globalSettings: AwsPatternsSettings = DEFAULT_SETTINGS;
  /** Bumped on every change of environment: cached analyses of an older generation are stale. */
  generation = 0;

  constructor(private readonly deps: WorkspaceDeps) {}

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined): void {
    // Longest first, so a nested folder wins over its parent.
    this.folders = [...(folders ?? [])].sort((a, b) => b.uri.length - a.uri.length);
  }

  addFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    this.setFolders([...this.folders.filter((f) => !gone.has(f.uri)), ...added]);
  }

  /** The workspace folders, innermost first. */
  allFolders(): readonly WorkspaceFolder[] {
    return this.folders;
  }

  folderOf(uri: string): WorkspaceFolder | undefined {
    return this.folders.find((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`));
  }

  /**
   * The path the engine sees: relative to the workspace folder, as the CLI's are relative to
   * its working directory, so `tests/` above the project never makes every file a test file.
   */
  displayPath(uri: string): string {
    const path = uriToPath(uri);
    if (!path) return uri;
    const folder = this.folderOf(uri);
    const root = folder && uriToPath(folder.uri);
    // Outside every folder, the file name alone: path conventions (test folders, local tooling)
    // must not read the user's home layout (`~/dev/`, `~/tests/`).
    return root ? relative(root, path).split(sep).join('/') : basename(path);
  }

  setGlobalSettings(raw: unknown): void {
    this.globalSettings = normalizeSettings(raw);
  }

  settingsFor(uri: string): Promise<AwsPatternsSettings> {
    const fetch = this.deps.fetchSettings;
    if (!fetch) return Promise.resolve(this.globalSettings);
    let cached = this.settings.get(uri);
    if (!cached) {
      cached = fetch(uri).then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.settings.set(uri, cached);
    }
    return cached;
  }

  /** The config of the document's workspace folder (read from disk once), or undefined outside any folder. */
  configFor(uri: string): FolderConfig | undefined {
    const folder = this.folderOf(uri);
    return folder ? this.configOfFolder(folder) : undefined;
  }

  /** Every folder's config: used to publish the problems of the config files. */
  allConfigs(): FolderConfig[] {
    return this.folders.map((f) => this.configOfFolder(f));
  }

  /** Settings of one closed document. */
  forget(uri: string): void {
    this.settings.delete(uri);
  }

  /** One change of environment (settings, folders, a config file): every cache goes. */
  clear(): void {
    this.settings.clear();
    this.configs.clear();
    this.generation++;
  }

  configOfFolder(folder: WorkspaceFolder): FolderConfig {
    let cached = this.configs.get(folder.uri);
    if (!cached) {
      cached = this.readConfig(folder);
      this.configs.set(folder.uri, cached);
    }
    return cached;
  }

  private readConfig(folder: WorkspaceFolder): FolderConfig {
    const base = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
    const uri = `${base}${CONFIG_FILE_NAME}`;
    const dir = uriToPath(folder.uri);
    const text = dir ? (this.deps.readFile ?? readIfExists)(join(dir, CONFIG_FILE_NAME)) : undefined;
    if (text === undefined) return { uri, text, config: defaultConfig(), problems: [] };
    const { config, problems } = parseConfig(text, new Set(rulesById.keys()));
    return { uri, text, config, problems };
  }
}

/**
 * The config file with the editor settings over it: severities replace the file's rule by rule,
 * `presignedUrlMaxSeconds` replaces the file's, and the `ignore` and `trustedAccounts` lists add
 * to the file's. The cached config is never mutated; without overrides it is returned as is.
 */
export function effectiveConfig(folderConfig: FolderConfig | undefined, settings: AwsPatternsSettings): ResolvedConfig {
  const base = folderConfig?.config ?? defaultConfig();
  const overrides = Object.entries(settings.rules);
  const max = settings.presignedUrlMaxSeconds;
  if (overrides.length === 0 && settings.ignore.length === 0 && settings.trustedAccounts.length === 0 && max === null) return base;
  const rules = { ...base.rules };
  for (const [id, severity] of overrides) rules[id] = { ...rules[id], severity };
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
  return {
    rules,
    ignore: union(base.ignore, settings.ignore),
    settings: {
      ...base.settings,
      trustedAccounts: union(base.settings.trustedAccounts, settings.trustedAccounts),
      ...(max !== null ? { presignedUrlMaxSeconds: max } : {}),
    },
  };
}
