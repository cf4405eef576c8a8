import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { loadIamKnowledge } from '../../server/src/iam/fsLoader';
import { loadTexts } from './analysis';
import { ensureCorpus } from './corpus/ensure';
import { FULL } from './corpus/generate';
const iam = loadIamKnowledge(join(__dirname, '../../dist/iam-data'));
const files = loadTexts(ensureCorpus('full', FULL));
const which = process.argv[2] === 'json' ? files.json : files.ts;
for (let i = 0; i < 2; i++) which.forEach((f) => analyze({ path: f.path, text: f.text }, { iam }));
const ms: Record<string, number> = {};
for (let i = 0; i < 3; i++) for (const f of which) { const r = analyze({ path: f.path, text: f.text }, { iam, timing: true }); for (const [k, v] of Object.entries(r.timings ?? {})) ms[k] = (ms[k] ?? 0) + v / 3; }
console.log(Object.entries(ms).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
