import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFinding } from '../helpers/rule-tester';
import { analyzeText } from '../helpers/engine';
import { handlerDecoys } from './handler-decoys';

describe('handler decoys: no rule reports them', () => {
  for (const c of handlerDecoys) {
    it(c.name!, () => {
      const result = analyzeText(c.filename, c.code);
      assert.deepEqual(result.internalErrors, []);
      assert.deepEqual(result.findings.map(describeFinding), []);
    });
  }
});
