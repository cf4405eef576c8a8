import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SnippetSyntaxError, expandSnippet, parseSnippet, snippetTabStops } from '../../server/src/features/snippet-syntax';

describe('snippet syntax: expansion with defaults', () => {
  const cases: [string, string | string[], string, Record<string, string>?][] = [
    ['plain tab stops expand to nothing', 'a$1b$0c', 'abc'],
    ['braced tab stop', 'a${1}b', 'ab'],
    ['placeholder text', "new Bucket(this, '${1:Bucket}')", "new Bucket(this, 'Bucket')"],
    ['nested placeholders', '${1:foo ${2:bar}}', 'foo bar'],
    ['first choice', 'runtime: ${1|NODEJS_24_X,NODEJS_22_X|}', 'runtime: NODEJS_24_X'],
    ['escaped comma and pipe in a choice', '${1|a\\,b,c\\|d|}', 'a,b'],
    ['mirror takes the placeholder of its first defined occurrence', '$1 = ${1:x}; use($1)', 'x = x; use(x)'],
    ['mirror of a choice', '"${1|s3,sqs|}:Get", "$1:Put"', '"s3:Get", "s3:Put"'],
    ['escaped dollar and brace', '`\\${id}` ${1:a\\}b}', '`${id}` a}b'],
    ['escaped backslash', 'a\\\\b', 'a\\b'],
    ['a lone dollar stays', 'cost: 5$ and $', 'cost: 5$ and $'],
    ['body as lines', ['a', '  ${1:b}'], 'a\n  b'],
    ['known variable', 'file: $TM_FILENAME', 'file: stack.ts', { TM_FILENAME: 'stack.ts' }],
    ['braced variable with default, unset', '${TM_SELECTED_TEXT:nothing}', 'nothing'],
    ['empty variable takes its default', '${TM_SELECTED_TEXT:none}', 'none', { TM_SELECTED_TEXT: '' }],
    ['unknown variable without default shows its name', '$UNKNOWN_VAR', 'UNKNOWN_VAR'],
    ['transform of a tab stop', "import { ${1|DynamoDBClient,S3Client|} } from '@aws-sdk/client-${1/(.*)Client$/${1:/downcase}/}'", "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'"],
    ['transform of a variable', '${TM_FILENAME_BASE/(.*)/${1:/pascalcase}Stack/}', 'MyAppStack', { TM_FILENAME_BASE: 'my-app' }],
    ['transform with if/else and global flag', '${1:a-b-c}/${1/-/${0:+_}/g}', 'a-b-c/a_b_c'],
    ['capitalize and upcase', '${1:queue} ${1/(.*)/${1:/capitalize}/} ${1/(.*)/${1:/upcase}/}', 'queue Queue QUEUE'],
  ];
  for (const [name, body, expected, vars] of cases) {
    it(name, () => assert.equal(expandSnippet(body, vars), expected));
  }

  it('lists tab stops with their choices', () => {
    assert.deepEqual(snippetTabStops('${2:x} ${1|a,b|} $1 $0'), [{ index: 0 }, { index: 1, choices: ['a', 'b'] }, { index: 2 }]);
  });

  it('rejects malformed placeholders', () => {
    assert.throws(() => parseSnippet('${1:unclosed'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1|a,b'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1/x/y'), SnippetSyntaxError);
  });
});
