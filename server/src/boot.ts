// dist/server.js: starts the language server bundle (dist/server-main.js) from a V8 code cache
// (see codeCache.ts).
import { join } from 'node:path';
import { runFromCodeCache } from './codeCache';
import { allowFullCollection, tenureByAgeOnly } from './heap';

// Before compiling: V8 accepts cached code only under the flags it was produced with. The heap
// keeps V8's own pace until a workspace pass (heap.ts).
allowFullCollection();
tenureByAgeOnly();
runFromCodeCache(join(__dirname, 'server-main.js'), 'server', 'warm');
