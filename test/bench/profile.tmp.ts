import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze';
import { loadIamKnowledge } from '../../server/src/iam/fsLoader';
import { loadTexts } from './analysis';
import { ensureCorpus } from './corpus/ensure';
import { FULL } from './corpus/generate';
const iam = loadIamKnowledge(join(__dirname, '../../dist/iam-data'));
const corpus = ensureCorpus('full', FULL);
const files = loadTexts(corpus);
const which = process.argv[2] === 'json' ? files.json : files.ts;
for (let i = 0; i < 4; i++) {
  const c = process.cpuUsage();
  for (const f of which) analyze({ path: f.path, text: f.text }, { iam });
  const d = process.cpuUsage(c);
  console.log(((d.user + d.system) / 1000).toFixed(0), 'ms cpu');
}
