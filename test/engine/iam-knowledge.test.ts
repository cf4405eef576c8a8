// IAM knowledge built from the shipped data: repeated values (access levels, resource references,
// condition-key lists) are shared between actions and read-only, so one action cannot change another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iam } from '../helpers/engine';

describe('IAM knowledge', () => {
  it('reads an action as the data describes it', () => {
    const get = iam.action('s3:getobject')!;
    assert.equal(get.fullName, 's3:GetObject');
    assert.equal(get.accessLevel, 'Read');
    assert.deepEqual(
      get.resourceTypes.map((r) => [r.name, r.required]),
      [
        ['accesspointobject', false],
        ['object', false],
      ],
    );
    assert.ok(get.conditionKeys.includes('s3:ExistingObjectTag/<key>'));
    // A trailing `*` in the data marks a required resource type.
    assert.ok(iam.service('s3')!.actions.some((a) => a.resourceTypes.some((r) => r.required)));
    assert.ok(get.description.length > 0);
  });

  it('shares equal resource references and condition-key lists between actions, frozen', () => {
    const actions = iam.service('s3')!.actions;
    const byList = new Map<string, readonly string[]>();
    let shared = 0;
    for (const a of actions) {
      assert.ok(Object.isFrozen(a.conditionKeys) && Object.isFrozen(a.resourceTypes));
      for (const r of a.resourceTypes) assert.ok(Object.isFrozen(r));
      const id = a.conditionKeys.join(',');
      const seen = byList.get(id);
      if (seen) {
        assert.equal(seen, a.conditionKeys, `${a.name}: one array per distinct list`);
        shared++;
      } else byList.set(id, a.conditionKeys);
    }
    assert.ok(shared > 10, `${shared} actions share a list`);
    assert.throws(() => (actions[0].conditionKeys as string[]).push('x'), TypeError);
  });
});
