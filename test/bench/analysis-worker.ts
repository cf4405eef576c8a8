// One part of the in-process figures (`engine` or `peer`), in a process of its own: spawned by
// run.ts as `node --expose-gc --import tsx analysis-worker.ts <part> <corpus> <profile-json> <out>`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTexts, measureAnalysis, type Part, type Rounds } from './analysis';
import { cacheDir, ensureCorpus } from './corpus/ensure';
import type { CorpusOptions } from './corpus/generate';
import { loadShippedEngine } from './engine-bundle';
import { tenureByAgeOnly } from '../../server/src/heap';

// The V8 setting of every process that runs the engine (the CLI's and the server's loaders), for
// both parts: the peer's parser runs under it too.
tenureByAgeOnly();

const repoRoot = join(__dirname, '..', '..');
const [part, corpusName, profileJson, out] = process.argv.slice(2);
const profile = JSON.parse(profileJson) as Rounds & { corpus: CorpusOptions };
const engine = loadShippedEngine(repoRoot, cacheDir('engine'));
const iam = engine.loadIamKnowledge(join(repoRoot, 'dist', 'iam-data'));
const corpus = ensureCorpus(corpusName, profile.corpus);
const files = loadTexts(corpus);
const figures = measureAnalysis(engine, files, corpus.root, iam, profile, part as Part, join(corpus.root, corpus.manifest.bigFile));
writeFileSync(out, JSON.stringify(figures));
