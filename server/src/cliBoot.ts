// dist/cli.js, the `aws-patterns` command: runs the CLI bundle (dist/cli-main.js) from a V8 code
// cache (see codeCache.ts).
import { join } from 'node:path';
import { runFromCodeCache } from './codeCache';
import { paceHeap, tenureByAgeOnly } from './heap';

// Before compiling: V8 accepts cached code only under the flags it was produced with.
paceHeap('audit');
tenureByAgeOnly();
runFromCodeCache(join(__dirname, 'cli-main.js'), 'cli', 'now');
