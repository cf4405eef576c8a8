// `onDifferentLines` answers what comparing TypeScript's line numbers answered before (the fix
// helpers' "is this on its own line" checks), for every line break TypeScript counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { detectIndentUnit, onDifferentLines } from '../../server/src/engine/text';

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

describe('detectIndentUnit', () => {
  it('a top-level JSDoc does not make the unit one space', () =>
    assert.equal(detectIndentUnit("/**\n * Reads an order.\n * @param {string} id\n */\nexports.get = async (id) => {\n  return id;\n};\n"), '  '));
  it('a tab-indented block comment atop a space-indented file (Amplify\'s parameter list) does not make it tabs', () =>
    assert.equal(detectIndentUnit('/* Generated - keep\n\tTABLE_A\n\tTABLE_B\n\tREGION\nGenerated - keep */\nconst run = async () => {\n    await a();\n    await b();\n};\n'), '    '));
  it('a tab-indented file stays tabs, with its JSDoc and a glob in a string', () =>
    assert.equal(detectIndentUnit("/**\n * Stack.\n */\nclass S {\n\tconstructor() {\n\t\tthis.glob = 'src/**/*.js';\n\t\tthis.n = 1;\n\t}\n}\n"), '\t'));
  it('four spaces, a one-line comment, and the two-space default', () => {
    assert.equal(detectIndentUnit('/* one line */\nif (a) {\n    b();\n}\n'), '    ');
    assert.equal(detectIndentUnit('const a = 1;\n'), '  ');
  });
  it('lines end at any line terminator: CRLF, a lone CR, U+2028', () => {
    assert.equal(detectIndentUnit('if (a) {\r\n   b();\r\n}\r\n'), '   ');
    assert.equal(detectIndentUnit('if (a) {\r   b();\r}\r'), '   ');
    assert.equal(detectIndentUnit('if (a) {\u2028\tb();\u2028}'), '\t');
  });
  it('blank lines, and lines whose indentation ends in other whitespace, do not count', () => {
    assert.equal(detectIndentUnit('a {\n \n\t\n    b;\n}\n'), '    ');
    assert.equal(detectIndentUnit('a {\n \fx;\n \u00a0y;\n    b;\n}\n'), '    ');
  });
  it('a block comment opened and closed on later lines hides what is between, not what follows', () =>
    assert.equal(detectIndentUnit('x {\n/* open\n\tstill comment\n  close */ y;\n   z;\n}\n'), '   '));
});
