// The IAM rules look each action item up once between them (`knownAction`), and a concrete
// action's wildcard-resource answer is the same in any casing and through the shared lookup.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IamKnowledge } from '../../../server/src/iam/knowledge';
import { analyzeText, iam } from '../../helpers/engine';

/** The real IAM knowledge, counting its `action` lookups. */
function counting(): { iam: IamKnowledge; lookups: string[] } {
  const lookups: string[] = [];
  const counted: IamKnowledge = Object.create(iam);
  counted.action = (name: string) => {
    lookups.push(name);
    return iam.action(name);
  };
  return { iam: counted, lookups };
}

const policy = (actions: string[], resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] }, null, 2);

describe('knownAction: one lookup per action item for all IAM rules', () => {
  it('looks each concrete action of a statement up once, though two rules ask of it', () => {
    const { iam: counted, lookups } = counting();
    const actions = ['s3:GetObject', 'dynamodb:Query', 's3:GetObjet', 'sqs:SendMessage'];
    const result = analyzeText('policy.json', policy(actions), { iam: counted });
    assert.deepEqual(lookups.sort(), [...actions].sort());
    // Both rules still answered: the typo is unknown, the rest act on "*".
    assert.ok(result.findings.some((f) => f.ruleId === 'iam-unknown-action' && f.message.includes('s3:GetObjet')));
    assert.ok(result.findings.some((f) => f.ruleId === 'iam-wildcard-resource' && f.message.includes('s3:GetObject and 2 more actions')));
  });

  it('gives the same wildcard-resource finding for a concrete action in any casing', () => {
    const lower = analyzeText('a.json', policy(['dynamodb:getitem'])).findings.find((f) => f.ruleId === 'iam-wildcard-resource');
    const upper = analyzeText('b.json', policy(['DynamoDB:GetItem'])).findings.find((f) => f.ruleId === 'iam-wildcard-resource');
    assert.ok(lower && upper);
    assert.deepEqual(lower.fix?.edits.map((e) => e.newText), upper.fix?.edits.map((e) => e.newText));
    assert.match(lower.message, /every table/);
  });

  it('says nothing about an unknown concrete action on "*" (iam-unknown-action does)', () => {
    const ids = analyzeText('c.json', policy(['dynamodb:GetItemz'])).findings.map((f) => f.ruleId);
    assert.deepEqual(ids, ['iam-unknown-action']);
  });
});
