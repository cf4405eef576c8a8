// dynamodb-point-in-time-recovery must stay linear in the number of tables: for each table
// without point-in-time recovery it once searched the whole file for the newer spelling, so a
// stack of many tables took time quadratic in its size. The rule's own time (the engine's
// `timing`) at 8× the tables must stay well under the 64× a quadratic pass takes; the best of three
// runs each, and a generous bound (linear is ~8×), keep it clear of noise.
import { describe, it } from 'node:test';
import { dynamodbPointInTimeRecovery } from '../../../server/src/rules/dynamodb/dynamodb-point-in-time-recovery';
import { assertLinearTime } from '../../helpers/scale';

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

describe('dynamodb-point-in-time-recovery on a stack of many tables', () => {
  it('takes time linear in the number of tables (8× the tables, well under 64× the time)', (t) => {
    assertLinearTime(t, dynamodbPointInTimeRecovery, 'lib/tables-stack.ts', stack, 250, 'tables');
  });
});
