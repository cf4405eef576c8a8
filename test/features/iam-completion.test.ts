import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iamCompletions } from '../../server/src/features/completion';
import { iam } from '../helpers/engine';

function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}
const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;

describe('IAM action completion', () => {
  it('an empty action string offers every service prefix, each a step to its actions', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": ["|"] }'));
    const r = iamCompletions(text, offset, 'json', iam)!;
    assert.equal(r.items.length, iam.servicePrefixes().length);
    assert.ok(r.items.every((i) => i.kind === 'service' && i.insertText === `${i.label}:` && i.retrigger));
    const s3 = r.items.find((i) => i.label === 's3')!;
    assert.equal(s3.detail, 'Amazon S3');
    assert.deepEqual([r.start, r.end], [offset, offset]);
  });

  it('filters prefixes as the user types, best matches first', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": "dyna|" }'));
    const r = iamCompletions(text, offset, 'json', iam)!;
    assert.equal(r.items[0].label, 'dynamodb');
    assert.ok(r.items.every((i) => i.label.includes('dyna')), r.items.map((i) => i.label).join());
    assert.equal(text.slice(r.start, r.end), 'dyna');
  });

  it('a whole prefix lists the service first, then its actions', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": "sqs|" }'));
    const r = iamCompletions(text, offset, 'json', iam)!;
    assert.equal(r.items[0].label, 'sqs');
    const actions = r.items.filter((i) => i.kind === 'action');
    assert.equal(actions.length, iam.service('sqs')!.actions.length);
    assert.ok(r.items.findIndex((i) => i.kind === 'action') > r.items.map((i) => i.kind).lastIndexOf('service'));
    assert.ok(actions.some((i) => i.label === 'sqs:SendMessage' && i.detail === 'Write'));
    const sorted = [...r.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(sorted.map((i) => i.label), r.items.map((i) => i.label), 'sortText keeps the order');
  });

  it("after the colon: the service's actions with their access levels, filtered by what is typed", () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": ["s3:GetObj|"] }'));
    const r = iamCompletions(text, offset, 'json', iam)!;
    assert.equal(r.items[0].label, 'GetObject');
    assert.equal(r.items[0].detail, 'Read');
    assert.ok(r.items[0].documentation?.includes(iam.action('s3:GetObject')!.description));
    assert.ok(r.items.every((i) => i.kind === 'action' && /getobj/i.test(i.label)));
    assert.ok(r.items.some((i) => i.label === 'GetObjectAcl'));
    assert.equal(text.slice(r.start, r.end), 'GetObj');
  });

  it("the capitals of an action's name find it", () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": ["s3:goa|"] }'));
    assert.ok(iamCompletions(text, offset, 'json', iam)!.items.some((i) => i.label === 'GetObjectAcl'));
  });

  it('replaces the whole action name when completing in its middle', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": "s3:Put|Object" }'));
    const r = iamCompletions(text, offset, 'json', iam)!;
    assert.equal(text.slice(r.start, r.end), 'PutObject');
  });

  it('works in TypeScript actions arrays and Action values, terminated or not', () => {
    for (const marked of [
      "new iam.PolicyStatement({ actions: ['sqs:Send|'] });",
      "new iam.PolicyStatement({\n  actions: ['sqs:Send|",
      "const doc = { Statement: [{ Effect: 'Allow', Action: 'sqs:Send|' }] };",
    ]) {
      const [text, offset] = at(marked);
      const r = iamCompletions(text, offset, 'typescript', iam);
      assert.ok(r, marked);
      assert.equal(r.items[0].label, 'SendMessage', marked);
      assert.equal(r.items[0].detail, 'Write');
      assert.equal(text.slice(r.start, offset), 'Send');
    }
  });

  it('offers nothing outside action strings or for an unknown service', () => {
    const [t1, o1] = at(policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:|" }'));
    assert.equal(iamCompletions(t1, o1, 'json', iam), undefined);
    const [t2, o2] = at("const x = { tags: ['s3:|'] };");
    assert.equal(iamCompletions(t2, o2, 'typescript', iam), undefined);
    const [t3, o3] = at(policy('{ "Effect": "Allow", "Action": "nosuch:|" }'));
    assert.deepEqual(iamCompletions(t3, o3, 'json', iam)!.items, []);
  });
});
