// Copies the real-editor tests' screenshots (test/e2e saves them as test-results/e2e/NN-name.png)
// into docs/images/ under stable names, and turns the README's placeholder for each copied one
// into the image. `npm run screenshots [-- --from DIR]`, after `npm run test:e2e` (or the e2e step
// of .ci/run). Screenshots the tests did not take (yet) keep their placeholders.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
/** README image name ← the name the e2e test gives its screenshot. */
const SHOTS = {
  'walkthrough.png': 'walkthrough-sample',
  'hover.png': 'hover-guidance',
  'construct-hover.png': 'hover-construct-checklist',
  'quick-fix.png': 'quick-fix-menu',
  'snippet.png': 'snippet-suggested',
  'audit.png': 'audit-summary',
};

const fromIndex = process.argv.indexOf('--from');
const from = fromIndex > 0 ? process.argv[fromIndex + 1] : join(root, 'test-results', 'e2e');
const images = join(root, 'docs', 'images');
mkdirSync(images, { recursive: true });

const available = existsSync(from) ? readdirSync(from) : [];
for (const [target, name] of Object.entries(SHOTS)) {
  // The newest passing run's picture: NN-name.png, never NN-name-FAILED.png.
  const candidates = available.filter((f) => new RegExp(`^\\d+-${name}\\.png$`).test(f)).map((f) => join(from, f));
  const newest = candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest) {
    copyFileSync(newest, join(images, target));
    console.log(`docs/images/${target} ← ${newest}`);
  } else {
    console.log(`docs/images/${target}: no ${name} screenshot in ${from}${existsSync(join(images, target)) ? ' (kept the one there)' : ''}`);
  }
}

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8').replace(/<!-- screenshot ([\w.-]+\.png): (.+?) -->/g, (placeholder, file, alt) =>
  existsSync(join(images, file)) ? `![${alt}](docs/images/${file})` : placeholder,
);
writeFileSync(readmePath, readme);
