// Same-named classes from other modules: never DynamoDB tables. Every DynamoDB rule table uses them.
import type { ValidCase } from '../../helpers/rule-tester';

export const notDynamoDb: ValidCase[] = [
  { name: 'a Glue Table (alpha module)', filename: 'stack.ts', code: "import * as glue from '@aws-cdk/aws-glue-alpha';\nnew glue.Table(this, 'Events', { database: undefined as any, columns: [], dataFormat: glue.DataFormat.JSON });\n" },
  { name: 'a Glue CfnTable', filename: 'stack.ts', code: "import { aws_glue as glue } from 'aws-cdk-lib';\nnew glue.CfnTable(this, 'Events', { catalogId: 'x', databaseName: 'd', tableInput: {} });\n" },
  { name: 'a dynamodb-toolbox Table', filename: 'db.ts', code: "import { Table } from 'dynamodb-toolbox';\nexport const table = new Table({ name: 'app', partitionKey: { name: 'PK', type: 'string' } });\nnew Table(this, 'Id', {});\n" },
  { name: 'a Timestream CfnTable', filename: 'stack.ts', code: "import * as timestream from 'aws-cdk-lib/aws-timestream';\nnew timestream.CfnTable(this, 'Metrics', { databaseName: 'db', tableName: 'metrics' });\n" },
  { name: 'a local Table class', filename: 'stack.ts', code: "class Table { constructor(a: any, b: string, c: any) {} }\nnew Table(this, 'T', { billingMode: 'PROVISIONED' });\n" },
];
