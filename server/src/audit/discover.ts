// Which files an audit reads, for the CLI and the editor's "Audit Workspace" alike: the files
// named, and every file the engine can analyze under the folders named, minus dependency, VCS
// and build-output folders, CDK synth output under any name, what `.gitignore` files exclude,
// the config's `ignore` patterns and, in the editor, `files.exclude`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { fileKindOf } from '../engine/analyze';
import { CONFIG_FILE_NAME } from '../engine/config';
import { UsageError } from './args';

/** Folders that hold dependencies, VCS data or generated output, never the user's own source. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'cdk.out',
  'dist',
  'build',
  'out',
  'coverage',
  '.aws-sam',
  '.serverless',
  '.cdk.staging',
]);

/**
 * Whether a folder holds generated output rather than source: the names above, the snapshot
 * folders of CDK integration tests (`integ.app.ts.snapshot/`, written by integ-runner), which hold
 * synthesized templates whose findings belong to the stack's source, and the folders CDK stages
 * assets in (`asset.<sha256>/`: copies of a construct's source folder, bundled Lambda code).
 */
export function isSkippedFolder(name: string): boolean {
  return SKIPPED_FOLDERS.has(name) || /\.[cm]?[jt]sx?\.snapshot$/i.test(name) || /^asset\.[0-9a-f]{64}$/i.test(name);
}

/** Artifact types of a cloud assembly manifest: only `cdk synth` writes them. */
const ASSEMBLY_ARTIFACT = /"type"\s*:\s*"(?:aws:cloudformation:stack|cdk:cloud-assembly|cdk:asset-manifest|cdk:tree)"/;

/**
 * Whether `dir` is a CDK cloud assembly under a name of its own (`cdk synth --output synth-out`,
 * committed as `OUTDIR/`): its `manifest.json` lists the assembly's artifacts. Its templates,
 * tree and staged assets repeat the source's findings, and grants CDK wrote, not the user.
 */
export function isCloudAssembly(dir: string): boolean {
  try {
    const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
    return /"artifacts"\s*:/.test(text) && ASSEMBLY_ARTIFACT.test(text);
  } catch {
    return false;
  }
}

/** What only synthesis writes in a template: construct paths, the CDK metadata resource, the bootstrap check. */
const CDK_SYNTH_MARK = /"aws:cdk:path"|"AWS::CDK::Metadata"|"CheckBootstrapVersion"/;

/**
 * A template `cdk synth` wrote (`Stack.template.json`, CDK's name for them) that was copied out of
 * its assembly, as snapshot tests do (`__snapshots__/Stack.template.json`): its findings belong to
 * the stack's source, or to grants CDK wrote. A hand-written template has none of CDK's marks.
 */
export function isSynthesizedTemplate(path: string): boolean {
  if (!/\.template\.json$/i.test(path)) return false;
  try {
    return CDK_SYNTH_MARK.test(readFileSync(path, 'utf8'));
  } catch {
    return false; // unreadable: the analysis will say so
  }
}

const COMPILED = /\.[cm]?jsx?$/i;
const SOURCE_OF: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** What `tsc` leaves in its output: the CommonJS interop flag, or a source map comment. */
const TSC_MARKER = /\b__esModule\b|^\/\/# sourceMappingURL=/m;

/**
 * A JavaScript file beside the TypeScript file it was compiled from (`stack.js` next to
 * `stack.ts`, as `tsc` writes them when a CDK app has no `outDir` and the output is committed):
 * its findings are the source's, reported twice. It must also carry a mark of `tsc` output, so a
 * hand-written file that happens to share a name is kept. Skipped in a walk; a file named
 * explicitly or opened in the editor is still analyzed.
 */
export function isCompiledOutput(path: string, siblings: ReadonlySet<string>): boolean {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const base = name.slice(0, dot);
  if (!(SOURCE_OF[name.slice(dot).toLowerCase()] ?? []).some((ext) => siblings.has(base + ext))) return false;
  try {
    return TSC_MARKER.test(readFileSync(path, 'utf8'));
  } catch {
    return false; // unreadable: the analysis will say so
  }
}

export interface DiscoverOptions {
  /** The folder the `ignore` patterns and the `exclude` globs are relative to. */
  root: string;
  /** `.aws-patterns.json` `ignore`: .gitignore-style patterns, relative to `root`. */
  ignore?: readonly string[];
  /** VS Code `files.exclude` globs (the ones set to `true`), relative to `root`. */
  exclude?: readonly string[];
  /** Honor `.gitignore` files (default: true). */
  gitignore?: boolean;
}

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Files named explicitly that the engine has no front end for. */
  unsupported: string[];
  /** Files named explicitly that the config's `ignore` patterns exclude. */
  ignored: string[];
}

/** A path relative to `base` with forward slashes, or undefined when it is outside `base`. */
function within(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

// One matcher per pattern list: a config's list is the same array for every file it covers.
const configMatchers = new WeakMap<readonly string[], Ignore>();

/** Whether the config's `ignore` patterns exclude `path` (absolute), relative to `root`. */
export function isIgnoredByConfig(patterns: readonly string[], root: string, path: string, isDir = false): boolean {
  if (patterns.length === 0) return false;
  const rel = within(root, path);
  if (rel === undefined) return false;
  let matcher = configMatchers.get(patterns);
  if (!matcher) {
    matcher = ignore({ allowRelativePaths: true }).add([...patterns]);
    configMatchers.set(patterns, matcher);
  }
  return matcher.ignores(isDir ? `${rel}/` : rel);
}

/** The `files.exclude` globs in force: VS Code maps each glob to `true`, `false` or a `when` clause. */
export function enabledGlobs(filesExclude: unknown): string[] {
  if (!filesExclude || typeof filesExclude !== 'object') return [];
  // `when` clauses (exclude a file when a sibling exists) are not followed: the file is kept.
  return Object.entries(filesExclude as Record<string, unknown>)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
}

interface GitIgnore {
  base: string;
  matcher: Ignore;
}

function readGitIgnore(dir: string): GitIgnore | undefined {
  try {
    return { base: dir, matcher: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined; // none, or unreadable: nothing excluded
  }
}

/**
 * The `.gitignore` files above `dir` that git applies to it: from the repository root (the
 * nearest folder holding `.git`) down to `dir`'s parent. None when `dir` is in no repository.
 */
function ancestorGitIgnores(dir: string): GitIgnore[] {
  if (existsSync(join(dir, '.git'))) return []; // `dir` is the repository root itself
  const chain: string[] = [];
  for (let current = dirname(dir); chain.length < 64; current = dirname(current)) {
    chain.push(current);
    if (existsSync(join(current, '.git'))) {
      return chain
        .reverse()
        .map(readGitIgnore)
        .filter((g): g is GitIgnore => g !== undefined);
    }
    if (dirname(current) === current) break; // the file-system root: no repository
  }
  return [];
}

/** Deepest `.gitignore` first: the nearest file that has a say decides, as in git. */
function gitIgnored(chain: readonly GitIgnore[], path: string, isDir: boolean): boolean {
  for (let i = chain.length - 1; i >= 0; i--) {
    const rel = within(chain[i].base, path);
    if (rel === undefined) continue;
    const r = chain[i].matcher.test(isDir ? `${rel}/` : rel);
    if (r.ignored) return true;
    if (r.unignored) return false;
  }
  return false;
}

export class FileFilter {
  private readonly exclude: picomatch.Matcher | undefined;

  constructor(readonly options: DiscoverOptions) {
    this.exclude = options.exclude?.length ? picomatch([...options.exclude], { dot: true }) : undefined;
  }

  /** Excluded by the config's `ignore` patterns or `files.exclude`. */
  excluded(path: string, isDir: boolean): boolean {
    if (isIgnoredByConfig(this.options.ignore ?? [], this.options.root, path, isDir)) return true;
    if (this.exclude) {
      const rel = within(this.options.root, path);
      if (rel !== undefined && this.exclude(rel)) return true;
    }
    return false;
  }

  /**
   * Every analyzable file under `dir`, depth first. Iterative, and symlinks are not followed:
   * no cycles, no escaping the tree. A generator, so a caller can pause between files.
   */
  *walk(dir: string): Generator<string> {
    const useGit = this.options.gitignore !== false;
    // A folder of generated output named explicitly (`audit cdk.out`) is audited as it is.
    const keepSynth = isSkippedFolder(basename(dir)) || isCloudAssembly(dir);
    const stack: { dir: string; chain: readonly GitIgnore[] }[] = [{ dir, chain: useGit ? ancestorGitIgnores(dir) : [] }];
    while (stack.length) {
      const current = stack.pop()!;
      let entries;
      try {
        entries = readdirSync(current.dir, { withFileTypes: true });
      } catch {
        continue; // unreadable folder: nothing to audit there
      }
      // A cloud assembly below the folder named: synth output under a name of its own.
      if (!keepSynth && entries.some((e) => e.name === 'manifest.json' && e.isFile()) && isCloudAssembly(current.dir)) continue;
      const own = useGit && entries.some((e) => e.name === '.gitignore' && e.isFile()) ? readGitIgnore(current.dir) : undefined;
      const chain = own ? [...current.chain, own] : current.chain;
      const subfolders: string[] = [];
      let names: Set<string> | undefined;
      for (const e of entries) {
        const full = join(current.dir, e.name);
        if (e.isDirectory()) {
          if (!isSkippedFolder(e.name) && !this.excluded(full, true) && !gitIgnored(chain, full, true)) subfolders.push(full);
        } else if (e.isFile() && e.name !== CONFIG_FILE_NAME && fileKindOf(e.name) && !this.excluded(full, false) && !gitIgnored(chain, full, false)) {
          if (COMPILED.test(e.name) && isCompiledOutput(full, (names ??= new Set(entries.map((x) => x.name))))) continue;
          if (!keepSynth && isSynthesizedTemplate(full)) continue;
          yield full;
        }
      }
      // Reversed, so folders pop in name order.
      for (const f of subfolders.reverse()) stack.push({ dir: f, chain });
    }
  }
}

/**
 * The files under `paths` (relative to `cwd`). A folder named explicitly is walked even when it
 * would be skipped inside a walk; a file named explicitly is analyzed unless the config's
 * `ignore` patterns exclude it (as a pre-commit hook that passes staged files expects).
 */
export function discoverFiles(paths: readonly string[], cwd: string, options: DiscoverOptions = { root: cwd }): Discovery {
  const filter = new FileFilter(options);
  const files = new Set<string>();
  const unsupported: string[] = [];
  const ignored: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new UsageError(`No such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      for (const f of filter.walk(abs)) files.add(f);
    } else if (!fileKindOf(abs)) {
      unsupported.push(p);
    } else if (isIgnoredByConfig(options.ignore ?? [], options.root, abs)) {
      ignored.push(p);
    } else {
      files.add(abs);
    }
  }
  return { files: [...files].sort(), unsupported, ignored };
}
