import { dynamodbProvisionedBilling } from '../../../server/src/rules/dynamodb/dynamodb-provisioned-billing';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';
import { notDynamoDb } from './not-dynamodb';

const formCases: InvalidCase[] = importForms('aws-dynamodb', 'ddb', 'Table')
  .filter((f) => f.cls.includes('.'))
  .map((f) => {
    const mode = f.cls.replace(/Table$/, 'BillingMode');
    return {
      name: `PROVISIONED without autoscaling, ${f.name}`,
      filename: f.filename,
      code: `${f.header}new ${f.cls}(this, 'Orders', { billingMode: ${mode}.PROVISIONED, readCapacity: 5, writeCapacity: 5 });\n`,
      errors: [{ messageId: 'provisioned', line: 2, severity: 'information', data: { name: 'Orders' } }],
      output: `${f.header}new ${f.cls}(this, 'Orders', { billingMode: ${mode}.PAY_PER_REQUEST });\n`,
    };
  });
const D = "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\n";

ruleTester(dynamodbProvisionedBilling, {
  valid: [
    ...notDynamoDb,
    { name: 'on demand through a const spread', filename: 'stack.ts', code: D + "const od = { billingMode: dynamodb.BillingMode.PAY_PER_REQUEST };\nnew dynamodb.Table(this, 'T', { ...od });\n" },
    { name: 'table props we cannot see', filename: 'stack.ts', code: D + "declare const props: dynamodb.TableProps;\nnew dynamodb.Table(this, 'T', { ...props });\n" },
    { name: 'on demand', filename: 'stack.ts', code: D + "new dynamodb.Table(this, 'T', { billingMode: dynamodb.BillingMode.PAY_PER_REQUEST });\n" },
    {
      name: 'provisioned with autoscaling in the file',
      filename: 'stack.ts',
      code: D + "const t = new dynamodb.Table(this, 'T', { billingMode: dynamodb.BillingMode.PROVISIONED, readCapacity: 5, writeCapacity: 5 });\nt.autoScaleReadCapacity({ minCapacity: 5, maxCapacity: 50 });\n",
    },
    { name: 'TableV2 on demand by default', filename: 'stack.ts', code: D + "new dynamodb.TableV2(this, 'T', {});\n" },
    {
      name: 'TableV2 provisioned with autoscaled writes',
      filename: 'stack.ts',
      code: D + "new dynamodb.TableV2(this, 'T', { billing: dynamodb.Billing.provisioned({ readCapacity: dynamodb.Capacity.fixed(5), writeCapacity: dynamodb.Capacity.autoscaled({ maxCapacity: 20 }) }) });\n",
    },
    { name: 'global table (replicationRegions) defaults to on demand', filename: 'stack.ts', code: D + "new dynamodb.Table(this, 'T', { replicationRegions: ['eu-west-1'] });\n" },
    { name: 'billing mode from context', filename: 'stack.ts', code: D + "new dynamodb.Table(this, 'T', { billingMode: this.node.tryGetContext('billing') });\n" },
    { name: 'L1 on demand', filename: 'stack.ts', code: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [], billingMode: 'PAY_PER_REQUEST' });\n" },
    {
      name: 'L1 with an Application Auto Scaling target in the file',
      filename: 'stack.ts',
      code: D + "import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';\nnew dynamodb.CfnTable(this, 'T', { keySchema: [], provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 } });\nnew appscaling.ScalableTarget(this, 'S', {} as any);\n",
    },
  ],
  invalid: [
    ...formCases,
    {
      name: 'PROVISIONED through a const (capacities in the const too)',
      filename: 'stack.ts',
      code: D + "const fixed = { billingMode: dynamodb.BillingMode.PROVISIONED, readCapacity: 1, writeCapacity: 1 };\nnew dynamodb.Table(this, 'T', fixed);\n",
      errors: [{ messageId: 'provisioned', line: 2, column: 17 }],
      output: D + "const fixed = { billingMode: dynamodb.BillingMode.PAY_PER_REQUEST };\nnew dynamodb.Table(this, 'T', fixed);\n",
    },
    {
      name: 'Table without billingMode: CDK provisions 5/5',
      filename: 'stack.ts',
      code: D + "new dynamodb.Table(this, 'T', {\n  partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },\n});\n",
      errors: [{ messageId: 'implicitProvisioned', line: 2, column: 5 }],
      output: D + "new dynamodb.Table(this, 'T', {\n  partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },\n  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,\n});\n",
    },
    {
      name: 'Table without billingMode but with capacities: the capacities are replaced',
      filename: 'stack.ts',
      code: D + "new dynamodb.Table(this, 'T', {\n  readCapacity: 10,\n  writeCapacity: 10,\n});\n",
      errors: [{ messageId: 'implicitProvisionedCapacity' }],
      output: D + "new dynamodb.Table(this, 'T', {\n  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,\n});\n",
    },
    {
      name: 'JavaScript app, no billingMode, capacities read from a settings object: not the 5 / 5 default',
      filename: 'lib/orders-stack.js',
      code: "const { Stack } = require('aws-cdk-lib');\nconst { Table, AttributeType } = require('aws-cdk-lib/aws-dynamodb');\n\nclass OrdersStack extends Stack {\n  constructor(scope, id, props) {\n    super(scope, id, props);\n    const settings = props.tables.orders;\n    new Table(this, 'Orders', {\n      partitionKey: { name: 'orderId', type: AttributeType.STRING },\n      writeCapacity: settings.writeUnits,\n    });\n  }\n}\nmodule.exports = { OrdersStack };\n",
      errors: [{ messageId: 'implicitProvisionedCapacity', line: 8 }],
      output: "const { Stack } = require('aws-cdk-lib');\nconst { Table, AttributeType, BillingMode } = require('aws-cdk-lib/aws-dynamodb');\n\nclass OrdersStack extends Stack {\n  constructor(scope, id, props) {\n    super(scope, id, props);\n    const settings = props.tables.orders;\n    new Table(this, 'Orders', {\n      partitionKey: { name: 'orderId', type: AttributeType.STRING },\n      billingMode: BillingMode.PAY_PER_REQUEST,\n    });\n  }\n}\nmodule.exports = { OrdersStack };\n",
    },
    {
      name: 'a GSI with its own capacity: reported, no fix',
      filename: 'stack.ts',
      code: D + "const t = new dynamodb.Table(this, 'T', { billingMode: dynamodb.BillingMode.PROVISIONED });\nt.addGlobalSecondaryIndex({ indexName: 'g', partitionKey: { name: 'g', type: dynamodb.AttributeType.STRING }, readCapacity: 5 });\n",
      errors: [{ messageId: 'provisioned' }],
      output: null,
    },
    {
      name: 'TableV2 with fixed provisioned capacity',
      filename: 'stack.ts',
      code: D + "new dynamodb.TableV2(this, 'T', { billing: dynamodb.Billing.provisioned({ readCapacity: dynamodb.Capacity.fixed(5), writeCapacity: dynamodb.Capacity.fixed(5) }) });\n",
      errors: [{ messageId: 'provisioned', line: 2, column: 35 }],
      output: D + "new dynamodb.TableV2(this, 'T', { billing: dynamodb.Billing.onDemand() });\n",
    },
    {
      name: 'L1 PROVISIONED',
      filename: 'stack.ts',
      code: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [], billingMode: 'PROVISIONED', provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 } });\n",
      errors: [{ messageId: 'provisioned' }],
      output: D + "new dynamodb.CfnTable(this, 'T', { keySchema: [], billingMode: 'PAY_PER_REQUEST' });\n",
    },
  ],
});
