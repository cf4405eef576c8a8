import { defaultConfig, type ResolvedConfig } from '../../../server/src/engine/config';
import { dynamodbPointInTimeRecovery } from '../../../server/src/rules/dynamodb/dynamodb-point-in-time-recovery';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';
import { notDynamoDb } from './not-dynamodb';

const cdk = (awsCdkLibVersion: string): ResolvedConfig => {
  const c = defaultConfig();
  c.settings.awsCdkLibVersion = awsCdkLibVersion;
  return c;
};
const KEY = "{ partitionKey: { name: 'PK', type: 'S' as any } }";
const formCases: InvalidCase[] = ['Table', 'TableV2'].flatMap((cls) =>
  importForms('aws-dynamodb', 'ddb', cls).map((f) => ({
    name: `${cls} without PITR, ${f.name} (version unknown: the spelling every CDK v2 has)`,
    filename: f.filename,
    code: `${f.header}new ${f.cls}(this, 'Orders', ${KEY});\n`,
    errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'warning' as const, data: { name: 'Orders' } }],
    output: `${f.header}new ${f.cls}(this, 'Orders', { partitionKey: { name: 'PK', type: 'S' as any }, pointInTimeRecovery: true });\n`,
  })),
);
const D = "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\n";

ruleTester(dynamodbPointInTimeRecovery, {
  valid: [
    ...notDynamoDb,
    { name: 'pointInTimeRecovery: true', filename: 'stack.ts', code: D + "new dynamodb.Table(this, 'T', { pointInTimeRecovery: true });\n" },
    { name: 'pointInTimeRecoverySpecification enabled', filename: 'stack.ts', code: D + "new dynamodb.TableV2(this, 'T', { pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 7 } });\n" },
    { name: 'PITR per environment (unknown)', filename: 'stack.ts', code: D + "declare const prod: boolean;\nnew dynamodb.Table(this, 'T', { pointInTimeRecovery: prod });\n" },
    { name: 'table props from a parameter', filename: 'stack.ts', code: D + "export const t = (s: any, p: dynamodb.TableProps) => new dynamodb.Table(s, 'T', p);\n" },
    { name: 'L1 with the specification', filename: 'stack.ts', code: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [], pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });\n" },
    { name: 'spread of a const that enables it', filename: 'stack.ts', code: D + "const durable = { pointInTimeRecovery: true };\nnew dynamodb.Table(this, 'T', { ...durable });\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'a project on aws-cdk-lib >= 2.177.0 gets pointInTimeRecoverySpecification',
      filename: 'stack.ts',
      config: cdk('2.180.0'),
      code: D + "new dynamodb.Table(this, 'T', {\n  partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },\n});\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: D + "new dynamodb.Table(this, 'T', {\n  partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },\n  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },\n});\n",
    },
    {
      name: 'a project on aws-cdk-lib 2.150.0 gets pointInTimeRecovery',
      filename: 'stack.ts',
      config: cdk('2.150.0'),
      code: D + "new dynamodb.TableV2(this, 'T', {});\n",
      errors: [{ messageId: 'missing' }],
      output: D + "new dynamodb.TableV2(this, 'T', { pointInTimeRecovery: true });\n",
    },
    {
      name: 'version unknown but the file already uses the new spelling',
      filename: 'stack.ts',
      code: D + "new dynamodb.Table(this, 'A', { pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });\nnew dynamodb.Table(this, 'B', {});\n",
      errors: [{ messageId: 'missing', line: 3, data: { name: 'B' } }],
      output: D + "new dynamodb.Table(this, 'A', { pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });\nnew dynamodb.Table(this, 'B', { pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });\n",
    },
    {
      name: 'set but weakened: pointInTimeRecovery: false',
      filename: 'stack.ts',
      code: D + "new dynamodb.Table(this, 'T', { pointInTimeRecovery: false });\n",
      errors: [{ messageId: 'disabled', line: 2, column: 33 }],
      output: D + "new dynamodb.Table(this, 'T', { pointInTimeRecovery: true });\n",
    },
    {
      name: 'set but weakened: specification disabled',
      filename: 'stack.ts',
      code: D + "new dynamodb.TableV2(this, 'T', { pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: false } });\n",
      errors: [{ messageId: 'disabled', line: 2, column: 35 }],
      output: D + "new dynamodb.TableV2(this, 'T', { pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });\n",
    },
    {
      name: 'L1 CfnTable without the specification',
      filename: 'stack.ts',
      code: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [] });\n",
      errors: [{ messageId: 'missing' }],
      output: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [], pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });\n",
    },
    {
      name: 'props via a const',
      filename: 'stack.ts',
      code: D + "const props: dynamodb.TableProps = { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } };\nnew dynamodb.Table(this, 'T', props);\n",
      errors: [{ messageId: 'missing', line: 3 }],
      output: D + "const props: dynamodb.TableProps = { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, pointInTimeRecovery: true };\nnew dynamodb.Table(this, 'T', props);\n",
    },
  ],
});
