// Every rule's metadata is complete and its one ID is its file name and its export's name.
// (Its documented examples are run by test/docs/rule-docs.test.ts, beside the pages they feed.)
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules/index';
import { repoRoot } from '../helpers/engine';

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('rule metadata and examples', () => {
  it('rule IDs are unique', () => {
    assert.equal(new Set(allRules.map((r) => r.id)).size, allRules.length);
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      it('metadata is complete', () => {
        const m = rule.meta;
        for (const field of ['title', 'description', 'rationale', 'guide'] as const) assert.ok(m[field].trim().length > 0, `${field} is empty`);
        assert.ok(!/[\r\n]/.test(m.description), 'description is one line');
        assert.ok(m.languages.length > 0 && Object.keys(m.messages).length > 0);
        assert.ok(m.examples.invalid.length > 0 && m.examples.valid.length > 0, 'needs invalid and valid examples');
        const file = join(repoRoot, 'server', 'src', 'rules', rule.meta.service, `${rule.id}.ts`);
        assert.ok(existsSync(file), `rule file ${file}`);
        // Catch a wrong import under the right name: the export named after the ID is this rule.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        assert.equal(require(file)[camel(rule.id)], rule, `export ${camel(rule.id)} of ${rule.id}.ts`);
      });

    });
  }
});
