// dynamodb-point-in-time-recovery must stay linear in the number of tables: for each table
// without point-in-time recovery it once searched the whole file for the newer spelling, so a
// stack of many tables took time quadratic in its size. The rule's own time (the engine's
// `timing`) at 8× the tables must stay well under the 64× a quadratic pass takes; the best of three
// runs each, and a generous bound (linear is ~8×), keep it clear of noise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dynamodbPointInTimeRecovery } from '../../../server/src/rules/dynamodb/dynamodb-point-in-time-recovery';
import { analyzeText } from '../../helpers/engine';

/** A CDK stack of `tables` tables without point-in-time recovery, each with a queue and a function beside it (file size grows with them). */
function stack(tables: number): string {
  let s = "import * as cdk from 'aws-cdk-lib';\nimport * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nimport * as lambda from 'aws-cdk-lib/aws-lambda';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\n";
  s += 'export class Tables extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n';
  for (let i = 0; i < tables; i++) {
    s += `    const orders${i} = new dynamodb.Table(this, 'Orders${i}', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });\n`;
    s += `    const queue${i} = new sqs.Queue(this, 'Queue${i}', { visibilityTimeout: cdk.Duration.seconds(30) });\n`;
    s += `    new lambda.Function(this, 'Fn${i}', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromAsset('lambda'), environment: { TABLE: orders${i}.tableName, QUEUE: queue${i}.queueUrl } });\n`;
  }
  return `${s}  }\n}\n`;
}

function ruleMs(text: string, expected: number): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const r = analyzeText('lib/tables-stack.ts', text, { rules: [dynamodbPointInTimeRecovery], timing: true });
    assert.equal(r.findings.length, expected);
    best = Math.min(best, r.timings![dynamodbPointInTimeRecovery.id]);
  }
  return best;
}

describe('dynamodb-point-in-time-recovery on a stack of many tables', () => {
  it('takes time linear in the number of tables (8× the tables, well under 64× the time)', (t) => {
    ruleMs(stack(50), 50); // warm-up
    const small = ruleMs(stack(250), 250);
    const large = ruleMs(stack(2000), 2000);
    t.diagnostic(`250 tables: ${small.toFixed(1)} ms, 2,000 tables: ${large.toFixed(1)} ms (${(large / small).toFixed(1)}×)`);
    assert.ok(large < Math.max(small, 1) * 24, `2,000 tables took ${(large / small).toFixed(1)}× 250 tables (${small.toFixed(1)} → ${large.toFixed(1)} ms)`);
  });
});
