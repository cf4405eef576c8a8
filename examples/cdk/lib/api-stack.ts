import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SnsEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ApiStackProps extends StackProps {
  stage: string;
  ordersTable: dynamodb.ITableV2;
  uploads: s3.IBucket;
}

// Shared settings for the request-path functions (resolved through the spread below).
const apiDefaults = {
  runtime: lambda.Runtime.NODEJS_22_X,
  architecture: lambda.Architecture.ARM_64,
  memorySize: 512,
  timeout: Duration.seconds(10),
};

export class ApiStack extends Stack {
  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    // ✅ Compliant synchronous function behind API Gateway (no DLQ needed for sync calls).
    const getOrder = new NodejsFunction(this, 'GetOrder', {
      ...apiDefaults,
      entry: 'src/handlers/get-order.ts',
      reservedConcurrentExecutions: 50,
      environment: { TABLE_NAME: props.ordersTable.tableName },
    });
    props.ordersTable.grantReadData(getOrder);
    const api = new apigw.RestApi(this, 'OrdersApi');
    api.root.addResource('orders').addResource('{id}').addMethod('GET', new apigw.LambdaIntegration(getOrder));

    // ✅ SQS consumer: the queue redrives failures, so no function DLQ is expected.
    const ordersDlq = new sqs.Queue(this, 'OrdersDLQ', { retentionPeriod: Duration.days(14) });
    const ordersQueue = new sqs.Queue(this, 'OrdersQueue', {
      visibilityTimeout: Duration.seconds(60),
      deadLetterQueue: { queue: ordersDlq, maxReceiveCount: 3 },
    });
    const processOrder = new NodejsFunction(this, 'ProcessOrder', {
      ...apiDefaults,
      entry: 'src/handlers/process-order.ts',
      reservedConcurrentExecutions: 10,
    });
    processOrder.addEventSource(new SqsEventSource(ordersQueue, { batchSize: 10, reportBatchItemFailures: true }));

    // ❌ The guide's Timeouts-and-Memory snippet, as often copied: NODEJS_20_X is deprecated
    // since 2026-04-30, x86 by default, and wired to SNS without a dead-letter queue.
    const orderEvents = new sns.Topic(this, 'OrderEvents');
    const notify = new lambda.Function(this, 'NotifyCustomer', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('dist/notify'),
      timeout: Duration.seconds(30),
      memorySize: 256,
      reservedConcurrentExecutions: 10,
    });
    notify.addEventSource(new SnsEventSource(orderEvents));

    // ❌ Nightly job: default timeout and memory, no reserved concurrency, EventBridge target
    // without a dead-letter queue.
    const nightly = new NodejsFunction(this, 'NightlyReport', {
      entry: 'src/jobs/nightly-report.ts',
      environment: { BUCKET: props.uploads.bucketName },
    });
    new events.Rule(this, 'NightlySchedule', {
      schedule: events.Schedule.cron({ hour: '2', minute: '0' }),
      targets: [new targets.LambdaFunction(nightly)],
    });

    // ❌ Over-broad inline policy on the nightly job (iam-wildcard-action).
    nightly.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:*'],
        resources: [props.uploads.bucketArn, `${props.uploads.bucketArn}/*`],
      }),
    );

    // ✅ Scoped statement.
    getOrder.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [props.ordersTable.tableArn],
      }),
    );

    // ❌ L1 function on a deprecated runtime string, x86, no memory/timeout.
    new lambda.CfnFunction(this, 'LegacyResizer', {
      role: 'arn:aws:iam::123456789012:role/legacy-resizer',
      handler: 'index.handler',
      runtime: 'python3.9',
      code: { s3Bucket: 'legacy-artifacts', s3Key: 'resizer.zip' },
    });

    // Helper-built functions: props come from a parameter, so nothing is reported for them.
    for (const name of ['Refund', 'Cancel']) this.workflowStep(name, { entry: `src/steps/${name.toLowerCase()}.ts` });
  }

  private workflowStep(name: string, props: { entry: string }): NodejsFunction {
    return new NodejsFunction(this, `${name}Step`, { ...props, ...this.node.tryGetContext('stepDefaults') });
  }
}
