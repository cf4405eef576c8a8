// What outlives a file must not keep its text: caches remembered per name (the IAM knowledge's and
// the IAM rules'), and an audit's report. In V8 a substring or a concatenation can be a view into
// the text it came from, and parsers hand out such views: a cache keyed by one, or a finding's
// message naming one, kept the whole text, so an open policy file retained a copy of itself per
// new action name typed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { toAuditFile } from '../../server/src/audit/run';
import { allowFullCollection } from '../../server/src/heap';
import { lineIndex } from '../../server/src/engine/text';
import { analyzeText } from '../helpers/engine';

allowFullCollection(); // V8's gc, for the contexts made after this
const gc = runInNewContext('gc') as () => void;

const FILES = 30;
const PADDING = 1_000_000;

/** A policy of about 1 MB whose action names (known, unknown, misspelled) are new in each file. */
function policy(i: number): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Pad' + 'x'.repeat(PADDING),
          Effect: 'Allow',
          Action: [`s3:GetObjectVersionTaggingNew${i}`, `unknownservicename${i}:GetObject`, `dynamodb:BatchGetItemsAll${i}`, `s3:Get*Version${i}*`],
          Resource: '*',
        },
        // An ARN for every resource of its type, new in each file, with actions it reaches.
        { Effect: 'Allow', Action: [`s3:GetObject`, `s3:PutObjectRetentionX${i}`], Resource: `arn:aws-partition-number-${i}:s3:::*` },
      ],
    },
    null,
    2,
  );
}

describe('caches that outlive a file', () => {
  it('do not keep the texts of the files whose names they remember', () => {
    analyzeText('warm/policy.json', policy(-1));
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < FILES; i++) {
      const result = analyzeText(`p${i}/policy.json`, policy(i));
      assert.ok(result.findings.some((f) => f.ruleId === 'iam-unknown-action'), 'the names reach the IAM rules');
    }
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 1048576;
    // Retaining the texts would be ~30 MB (one per file); the caches' own entries are well under 5.
    assert.ok(grownMb < 10, `the heap grew by ${grownMb.toFixed(1)} MB over ${FILES} files of ~1 MB`);
  });

  it('nor do an audit report\'s findings, whose messages and keys name what the files wrote', () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const files = [];
    for (let i = 0; i < FILES; i++) {
      const text = policy(100 + i);
      const file = toAuditFile(`a${i}/policy.json`, analyzeText(`a${i}/policy.json`, text), lineIndex(text), text);
      assert.ok(file.findings.some((f) => f.message.includes(`GetObjectVersionTaggingNew${100 + i}`)), 'a message names the file\'s action');
      files.push(file);
    }
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 1048576;
    assert.ok(grownMb < 10, `the report of ${files.length} files of ~1 MB holds ${grownMb.toFixed(1)} MB`);
  });
});
