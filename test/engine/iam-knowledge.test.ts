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

  it('answers a concrete action name the same however often, however written, and after its memory is full', () => {
    const first = iam.action('s3:GetObject');
    assert.ok(first);
    for (let round = 0; round < 2; round++) {
      assert.equal(iam.action('s3:GetObject'), first);
      assert.equal(iam.action(' S3:getobject '), first);
      assert.deepEqual(iam.expand('s3:GetObject'), [first]);
      assert.deepEqual(iam.expand('s3:NoSuchAction'), [], 'a known service, no such action');
      assert.equal(iam.action('s3:NoSuchAction'), undefined);
      assert.equal(iam.expand('nosuchservice:GetObject'), undefined, 'an unknown service');
      assert.equal(iam.expand('not an action'), undefined);
      assert.equal(iam.action('s3:Get*'), undefined, 'a pattern is not an action');
      assert.ok((iam.expand('s3:GetObject*') ?? []).length > 1);
      // Fill the remembered names past their bound, then ask again.
      for (let i = 0; i < 20_100; i++) iam.action(`s3:Made${i}`);
    }
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
