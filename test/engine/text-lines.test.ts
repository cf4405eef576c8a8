// `onDifferentLines` answers what comparing TypeScript's line numbers answered before (the fix
// helpers' "is this on its own line" checks), for every line break TypeScript counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { onDifferentLines } from '../../server/src/engine/text';

describe('onDifferentLines', () => {
  it('agrees with TypeScript line numbers for every pair of offsets', () => {
    const texts = ['a\nb', 'a\r\nb\r\n', 'a\rb', 'x\u2028y\u2029z', '\n\n\r\n\r\r\n', 'const a = {\r\n  b: 1, /* c */\n  d\r};', ''];
    for (const text of texts) {
      const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest);
      for (let a = 0; a <= text.length; a++) {
        for (let b = 0; b <= text.length; b++) {
          const expected = sf.getLineAndCharacterOfPosition(a).line !== sf.getLineAndCharacterOfPosition(b).line;
          assert.equal(onDifferentLines(text, a, b), expected, `${JSON.stringify(text)} ${a} ${b}`);
        }
      }
    }
  });
});
