import { dynamodbEncryption } from '../../../server/src/rules/dynamodb/dynamodb-encryption';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';
import { notDynamoDb } from './not-dynamodb';

const refs: Record<string, [string, string]> = {
  'namespace import': ["import * as ddb from 'aws-cdk-lib/aws-dynamodb';\n", 'ddb.TableEncryption'],
  'named import': ["import { Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';\n", 'TableEncryption'],
  'aliased named import': ["import { Table as Aliased, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';\n", 'TableEncryption'],
  'aws_dynamodb as ddb': ["import { aws_dynamodb as ddb } from 'aws-cdk-lib';\n", 'ddb.TableEncryption'],
  'cdk.aws_dynamodb': ["import * as cdk from 'aws-cdk-lib';\n", 'cdk.aws_dynamodb.TableEncryption'],
  'require namespace (JavaScript)': ["const ddb = require('aws-cdk-lib/aws-dynamodb');\n", 'ddb.TableEncryption'],
  'require destructuring (JavaScript)': ["const { Table, TableEncryption } = require('aws-cdk-lib/aws-dynamodb');\n", 'TableEncryption'],
  'CDK v1 module': ["import * as ddb from '@aws-cdk/aws-dynamodb';\n", 'ddb.TableEncryption'],
};
const formCases: InvalidCase[] = importForms('aws-dynamodb', 'ddb', 'Table').map((f) => ({
  name: `Table without encryption, ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Orders', { tableName: 'orders' });\n`,
  errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'information', data: { name: 'Orders' } }],
  output: `${refs[f.name][0]}new ${f.cls}(this, 'Orders', { tableName: 'orders', encryption: ${refs[f.name][1]}.AWS_MANAGED });\n`,
}));
const D = "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\n";

ruleTester(dynamodbEncryption, {
  valid: [
    ...notDynamoDb,
    { name: 'AWS_MANAGED', filename: 'stack.ts', code: D + "new dynamodb.Table(this, 'T', { encryption: dynamodb.TableEncryption.AWS_MANAGED });\n" },
    { name: 'DEFAULT stated explicitly is a choice', filename: 'stack.ts', code: D + "new dynamodb.Table(this, 'T', { encryption: dynamodb.TableEncryption.DEFAULT });\n" },
    { name: 'a customer key', filename: 'stack.ts', code: D + "declare const key: any;\nnew dynamodb.Table(this, 'T', { encryptionKey: key });\n" },
    { name: 'TableV2 with a key', filename: 'stack.ts', code: D + "new dynamodb.TableV2(this, 'T', { encryption: dynamodb.TableEncryptionV2.dynamoOwnedKey() });\n" },
    { name: 'L1 with sseSpecification', filename: 'stack.ts', code: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [], sseSpecification: { sseEnabled: false } });\n" },
    { name: 'unknown props', filename: 'stack.ts', code: D + "declare const base: object;\nnew dynamodb.Table(this, 'T', { ...base });\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'TableV2 gets TableEncryptionV2.awsManagedKey()',
      filename: 'stack.ts',
      code: D + "new dynamodb.TableV2(this, 'T', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING } });\n",
      errors: [{ messageId: 'missing' }],
      output: D + "new dynamodb.TableV2(this, 'T', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING }, encryption: dynamodb.TableEncryptionV2.awsManagedKey() });\n",
    },
    {
      name: 'L1 CfnTable',
      filename: 'stack.ts',
      code: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [] });\n",
      errors: [{ messageId: 'missing' }],
      output: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [], sseSpecification: { sseEnabled: true } });\n",
    },
  ],
});
