import { lambdaDeadLetterQueue } from '../../../server/src/rules/lambda/lambda-dead-letter-queue';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const formCases: InvalidCase[] = importForms('aws-lambda', 'lambda', 'Function').map((f) => ({
  name: `invocation unknown, ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Fn', { handler: 'index.handler' });\n`,
  errors: [{ messageId: 'unknownInvocation', line: 2, column: 5, severity: 'information', data: { name: 'Fn' } }],
  output: `${f.header}new ${f.cls}(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\n`,
}));

const L = "import * as lambda from 'aws-cdk-lib/aws-lambda';\n";
const FN = "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler' });\n";
const SNS = "import * as sns from 'aws-cdk-lib/aws-sns';\nconst topic = new sns.Topic(this, 'T');\n";
const IAM = "import * as iam from 'aws-cdk-lib/aws-iam';\n";
const RAW = "const raw = new lambda.CfnFunction(this, 'Raw', { code: {}, role: 'r' });\n";
const SQS = "import * as sqs from 'aws-cdk-lib/aws-sqs';\nconst q = new sqs.Queue(this, 'Q');\n";

ruleTester(lambdaDeadLetterQueue, {
  valid: [
    { name: 'DLQ through a const spread', filename: 'stack.ts', code: L + "const resilient = { deadLetterQueueEnabled: true };\nnew lambda.Function(this, 'Fn', { ...resilient, handler: 'h' });\n" },
    { name: 'props we cannot see', filename: 'stack.ts', code: L + "declare const props: lambda.FunctionProps;\nnew lambda.Function(this, 'Fn', { ...props });\n" },
    { name: 'deadLetterQueue given', filename: 'stack.ts', code: L + SQS + "new lambda.Function(this, 'Fn', { deadLetterQueue: q, retryAttempts: 2 });\n" },
    { name: 'deadLetterQueueEnabled', filename: 'stack.ts', code: L + "new lambda.Function(this, 'Fn', { deadLetterQueueEnabled: true });\n" },
    { name: 'onFailure destination', filename: 'stack.ts', code: L + SQS + "import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';\nnew lambda.Function(this, 'Fn', { onFailure: new SqsDestination(q) });\n" },
    { name: 'an SQS source: the queue redrives, no DLQ needed', filename: 'stack.ts', code: L + SQS + FN + "import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nfn.addEventSource(new SqsEventSource(q));\n" },
    {
      name: 'an SQS source added to the latest version (a construct field)',
      filename: 'stack.ts',
      code: L + SQS + "import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nclass Delivery {\n  readonly worker: lambda.Function;\n  constructor() {\n    this.worker = new lambda.Function(this, 'Worker', { handler: 'index.handler' });\n    this.worker.latestVersion.addEventSource(new SqsEventSource(q, { reportBatchItemFailures: true }));\n  }\n}\n",
    },
    { name: 'a Kinesis source added to the current version', filename: 'stack.ts', code: L + FN + "import { KinesisEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\ndeclare const stream: any;\nfn.currentVersion.addEventSource(new KinesisEventSource(stream, { startingPosition: lambda.StartingPosition.LATEST }));\n" },
    { name: 'an SQS source on an alias from addAlias', filename: 'stack.ts', code: L + SQS + FN + "import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nconst live = fn.addAlias('live');\nlive.addEventSource(new SqsEventSource(q));\n" },
    { name: 'an Alias construct of the current version behind API Gateway', filename: 'stack.ts', code: L + FN + "import * as apigw from 'aws-cdk-lib/aws-apigateway';\nconst prod = new lambda.Alias(this, 'Prod', { aliasName: 'prod', version: fn.currentVersion });\nnew apigw.LambdaRestApi(this, 'Api', { handler: prod });\n" },
    { name: 'a Version construct behind an HTTP API integration', filename: 'stack.ts', code: L + FN + "import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';\nconst v1 = new lambda.Version(this, 'V1', { lambda: fn });\nnew HttpLambdaIntegration('Integration', v1);\n" },
    { name: 'a DynamoDB stream source', filename: 'stack.ts', code: L + FN + "import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\ndeclare const table: any;\nfn.addEventSource(new DynamoEventSource(table, { startingPosition: lambda.StartingPosition.LATEST }));\n" },
    { name: 'behind API Gateway (synchronous)', filename: 'stack.ts', code: L + FN + "import * as apigw from 'aws-cdk-lib/aws-apigateway';\nnew apigw.LambdaRestApi(this, 'Api', { handler: fn });\n" },
    { name: 'an SNS subscription with its own DLQ', filename: 'stack.ts', code: L + SNS + SQS + FN + "import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';\ntopic.addSubscription(new subs.LambdaSubscription(fn, { deadLetterQueue: q }));\n" },
    { name: 'an EventBridge target with its own DLQ', filename: 'stack.ts', code: L + SQS + FN + "import * as events from 'aws-cdk-lib/aws-events';\nimport * as targets from 'aws-cdk-lib/aws-events-targets';\nnew events.Rule(this, 'R', { targets: [new targets.LambdaFunction(fn, { deadLetterQueue: q })] });\n" },
    { name: 'configureAsyncInvoke with onFailure', filename: 'stack.ts', code: L + SQS + FN + "import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';\nfn.configureAsyncInvoke({ onFailure: new SqsDestination(q) });\n" },
    { name: 'a custom-resource provider handler (synchronous)', filename: 'stack.ts', code: L + FN + "import * as cr from 'aws-cdk-lib/custom-resources';\nnew cr.Provider(this, 'P', { onEventHandler: fn });\n" },
    { name: 'an AppSync data source (synchronous)', filename: 'stack.ts', code: L + FN + "declare const api: any;\napi.addLambdaDataSource('ds', fn);\n" },
    { name: 'an EventBridge Scheduler target with its own DLQ', filename: 'stack.ts', code: L + SQS + FN + "import * as st from 'aws-cdk-lib/aws-scheduler-targets';\nnew st.LambdaInvoke(fn, { deadLetterQueue: q });\n" },
    { name: 'L1 function behind API Gateway through an L1 permission (synchronous)', filename: 'stack.ts', code: L + RAW + "new lambda.CfnPermission(this, 'Invoke', { functionName: raw.attrArn, action: 'lambda:InvokeFunction', principal: 'apigateway.amazonaws.com' });\n" },
    { name: 'L2 permission for a load balancer (synchronous)', filename: 'stack.ts', code: L + IAM + FN + "fn.addPermission('Alb', { principal: new iam.ServicePrincipal('elasticloadbalancing.amazonaws.com') });\n" },
    { name: 'grantInvoke to Cognito (synchronous trigger)', filename: 'stack.ts', code: L + IAM + FN + "fn.grantInvoke(new iam.ServicePrincipal('cognito-idp.amazonaws.com'));\n" },
    {
      name: 'a provider handler in a field, with custom_resources imported from aws-cdk-lib',
      filename: 'stack.ts',
      code: "import { custom_resources as cr, aws_lambda as lambda } from 'aws-cdk-lib';\nclass Deployer {\n  private handler: lambda.SingletonFunction;\n  constructor() {\n    this.handler = new lambda.SingletonFunction(this, 'Handler', { uuid: 'u', handler: 'index.on_event' });\n    new cr.Provider(this, 'Provider', { onEventHandler: this.handler });\n  }\n}\n",
    },
    {
      name: 'a function built by a private method and kept in a field, invoked by a Step Functions task',
      filename: 'stack.ts',
      code: L + "import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';\nclass Loader {\n  readonly worker: lambda.Function;\n  constructor() {\n    this.worker = this.createWorker();\n    new tasks.LambdaInvoke(this, 'Run', { lambdaFunction: this.worker });\n  }\n  private createWorker(): lambda.Function {\n    const fn = new lambda.Function(this, 'Worker', { handler: 'index.handler' });\n    return fn;\n  }\n}\n",
    },
    {
      name: 'a function returned directly by a method, the field given to a synchronous API',
      filename: 'stack.ts',
      code: L + "import * as apigw from 'aws-cdk-lib/aws-apigateway';\nclass Api {\n  fn = this.build();\n  wire() {\n    new apigw.LambdaRestApi(this, 'Api', { handler: this.fn });\n  }\n  build() {\n    return new lambda.Function(this, 'Fn', { handler: 'index.handler' });\n  }\n}\n",
    },
    {
      name: 'the method still links its own variable (an SQS source inside the factory)',
      filename: 'stack.ts',
      code: L + SQS + "import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nclass C {\n  consumer = this.make();\n  make() {\n    const fn = new lambda.Function(this, 'Consumer', { handler: 'index.handler' });\n    fn.addEventSource(new SqsEventSource(q));\n    return fn;\n  }\n}\n",
    },
    { name: 'DLQ from a parameter', filename: 'stack.ts', code: L + "export const f = (s: any, dlq: any) => new lambda.Function(s, 'Fn', { deadLetterQueue: dlq });\n" },
    {
      name: 'handed to a local construct whose constructor gives it to a Step Functions task (synchronous)',
      filename: 'stack.ts',
      code:
        L +
        "import * as sfnTasks from 'aws-cdk-lib/aws-stepfunctions-tasks';\nimport { Construct } from 'constructs';\ninterface StepProps { readonly worker: lambda.IFunction }\nclass Step extends Construct {\n  constructor(scope: Construct, id: string, props: StepProps) {\n    super(scope, id);\n    new sfnTasks.LambdaInvoke(this, 'Invoke', { lambdaFunction: props.worker });\n  }\n}\nconst resize = new lambda.Function(this, 'Resize', { handler: 'index.handler' });\nnew Step(this, 'ResizeStep', { worker: resize });\n",
    },
    {
      name: 'forwarded through two local classes to an API Gateway integration (synchronous)',
      filename: 'stack.ts',
      code:
        L +
        "import * as apigw from 'aws-cdk-lib/aws-apigateway';\nclass Route {\n  constructor(scope: any, id: string, opts: { handler: lambda.IFunction }) {\n    new apigw.LambdaIntegration(opts.handler);\n  }\n}\nclass Service {\n  constructor(scope: any, id: string, cfg: { fn: lambda.IFunction }) {\n    new Route(scope, 'R', { handler: cfg.fn });\n  }\n}\nconst api = new lambda.Function(this, 'Api', { handler: 'index.handler' });\nnew Service(this, 'Svc', { fn: api });\n",
    },
    // API Gateway v2 and deployment triggers: synchronous callers, in each package they have lived in.
    { name: 'an HTTP API integration from the experimental -alpha package (CDK v2 before 2.112)', filename: 'stack.ts', code: "import { HttpApi, HttpMethod } from '@aws-cdk/aws-apigatewayv2-alpha';\nimport { HttpLambdaIntegration } from '@aws-cdk/aws-apigatewayv2-integrations-alpha';\nimport { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nconst ping = new NodejsFunction(this, 'Ping');\nconst api = new HttpApi(this, 'Api');\napi.addRoutes({ path: '/ping', methods: [HttpMethod.GET], integration: new HttpLambdaIntegration('PingRoute', ping) });\n" },
    { name: 'a WebSocket route integration from the -alpha package', filename: 'stack.ts', code: L + FN + "import * as integ from '@aws-cdk/aws-apigatewayv2-integrations-alpha';\nconst onConnect = new integ.WebSocketLambdaIntegration('Connect', fn);\n" },
    { name: 'a WebSocket route integration from aws-cdk-lib, through a namespace import of aws-cdk-lib', filename: 'stack.ts', code: "import { aws_lambda as lambda, aws_apigatewayv2_integrations as integ } from 'aws-cdk-lib';\n" + FN + "new integ.WebSocketLambdaIntegration('Default', fn);\n" },
    { name: "CDK v1's LambdaProxyIntegration takes the function as a prop", filename: 'stack.ts', code: "import * as lambda from '@aws-cdk/aws-lambda';\nimport { LambdaProxyIntegration } from '@aws-cdk/aws-apigatewayv2-integrations';\nconst books = new lambda.Function(this, 'Books', { handler: 'books.handler' });\nconst integration = new LambdaProxyIntegration({ handler: books });\n" },
    { name: "CDK v1's LambdaWebSocketIntegration", filename: 'stack.ts', code: "import * as lambda from '@aws-cdk/aws-lambda';\nimport { LambdaWebSocketIntegration } from '@aws-cdk/aws-apigatewayv2-integrations';\nconst onMessage = new lambda.Function(this, 'OnMessage', { handler: 'm.handler' });\nnew LambdaWebSocketIntegration({ handler: onMessage });\n" },
    { name: 'an HTTP API Lambda authorizer', filename: 'stack.ts', code: L + FN + "import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';\nnew HttpLambdaAuthorizer('Auth', fn, { responseTypes: [HttpLambdaResponseType.SIMPLE] });\n" },
    { name: 'a REST API token authorizer', filename: 'stack.ts', code: L + FN + "import * as apigw from 'aws-cdk-lib/aws-apigateway';\nnew apigw.TokenAuthorizer(this, 'Auth', { handler: fn });\n" },
    { name: 'a REST API request authorizer', filename: 'stack.ts', code: L + FN + "import { RequestAuthorizer, IdentitySource } from 'aws-cdk-lib/aws-apigateway';\nnew RequestAuthorizer(this, 'Auth', { handler: fn, identitySources: [IdentitySource.header('Authorization')] });\n" },
    { name: 'a deployment Trigger (synchronous by default: a failure fails the deployment)', filename: 'stack.ts', code: L + FN + "import * as triggers from 'aws-cdk-lib/triggers';\nnew triggers.Trigger(this, 'Migrate', { handler: fn, executeOnHandlerChange: true });\n" },
    { name: 'a deployment Trigger with REQUEST_RESPONSE, triggers imported from aws-cdk-lib', filename: 'stack.ts', code: "import { Duration, aws_lambda as lambda, triggers } from 'aws-cdk-lib';\n" + FN + "new triggers.Trigger(this, 'Seed', { handler: fn, timeout: Duration.minutes(5), invocationType: triggers.InvocationType.REQUEST_RESPONSE });\n" },
    { name: "CDK v1's @aws-cdk/triggers", filename: 'stack.ts', code: "import * as lambda from '@aws-cdk/aws-lambda';\nimport { Trigger } from '@aws-cdk/triggers';\nconst check = new lambda.Function(this, 'Check', { handler: 'c.handler' });\nnew Trigger(this, 'SelfTest', { handler: check });\n" },
  ],
  invalid: [
    {
      name: 'a deployment Trigger with InvocationType.EVENT is asynchronous',
      filename: 'stack.ts',
      code: L + FN + "import * as triggers from 'aws-cdk-lib/triggers';\nnew triggers.Trigger(this, 'Warm', { handler: fn, invocationType: triggers.InvocationType.EVENT });\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 2, column: 16, severity: 'warning', data: { name: 'Fn', source: 'deployment Trigger with InvocationType.EVENT' } }],
      output: L + "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nimport * as triggers from 'aws-cdk-lib/triggers';\nnew triggers.Trigger(this, 'Warm', { handler: fn, invocationType: triggers.InvocationType.EVENT });\n",
    },
    {
      name: 'a Trigger whose invocation type is not known says nothing about the invocation',
      filename: 'stack.ts',
      code: L + FN + "import * as triggers from 'aws-cdk-lib/triggers';\ndeclare const mode: triggers.InvocationType;\nnew triggers.Trigger(this, 'Warm', { handler: fn, invocationType: mode });\n",
      errors: [{ messageId: 'unknownInvocation', line: 2, column: 16, severity: 'information', data: { name: 'Fn' } }],
      output: L + "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nimport * as triggers from 'aws-cdk-lib/triggers';\ndeclare const mode: triggers.InvocationType;\nnew triggers.Trigger(this, 'Warm', { handler: fn, invocationType: mode });\n",
    },
    {
      name: 'an -alpha HTTP integration of another function does not stand for this one',
      filename: 'stack.ts',
      code: L + FN + "import { HttpLambdaIntegration } from '@aws-cdk/aws-apigatewayv2-integrations-alpha';\nconst other = new lambda.Function(this, 'Other', { handler: 'o.handler' });\nnew HttpLambdaIntegration('OtherRoute', other);\n",
      errors: [{ messageId: 'unknownInvocation', line: 2, column: 16, severity: 'information', data: { name: 'Fn' } }],
      output: L + "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nimport { HttpLambdaIntegration } from '@aws-cdk/aws-apigatewayv2-integrations-alpha';\nconst other = new lambda.Function(this, 'Other', { handler: 'o.handler' });\nnew HttpLambdaIntegration('OtherRoute', other);\n",
    },
    {
      name: 'an SNS source on the current version: asynchronous, as on the function',
      filename: 'stack.ts',
      code: L + SNS + FN + "import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nfn.currentVersion.addEventSource(new SnsEventSource(topic));\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 4, column: 16, severity: 'warning', data: { name: 'Fn', source: 'SnsEventSource' } }],
      output: L + SNS + "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nimport { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nfn.currentVersion.addEventSource(new SnsEventSource(topic));\n",
    },
    {
      name: 'an alias of another function does not stand for this one',
      filename: 'stack.ts',
      code: L + SQS + FN + "import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nconst other = new lambda.Function(this, 'Other', { handler: 'o.handler', deadLetterQueueEnabled: true });\nother.addAlias('live').addEventSource(new SqsEventSource(q));\n",
      errors: [{ messageId: 'unknownInvocation', line: 4, column: 16, severity: 'information', data: { name: 'Fn' } }],
      output: L + SQS + "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nimport { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nconst other = new lambda.Function(this, 'Other', { handler: 'o.handler', deadLetterQueueEnabled: true });\nother.addAlias('live').addEventSource(new SqsEventSource(q));\n",
    },
    ...formCases,
    {
      name: 'wired to SNS without a DLQ: warning',
      filename: 'stack.ts',
      code: L + SNS + "import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nconst fn = new lambda.Function(this, 'OnOrder', {\n  handler: 'index.handler',\n});\nfn.addEventSource(new SnsEventSource(topic));\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 5, column: 16, severity: 'warning', data: { source: 'SnsEventSource' } }],
      output: L + SNS + "import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nconst fn = new lambda.Function(this, 'OnOrder', {\n  handler: 'index.handler',\n  deadLetterQueueEnabled: true,\n  retryAttempts: 2,\n});\nfn.addEventSource(new SnsEventSource(topic));\n",
    },
    {
      name: 'an EventBridge rule target (NodejsFunction in a field)',
      filename: 'stack.ts',
      code: "import * as events from 'aws-cdk-lib/aws-events';\nimport * as targets from 'aws-cdk-lib/aws-events-targets';\nimport { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nclass S {\n  fn = new NodejsFunction(this, 'Nightly', { entry: 'n.ts', retryAttempts: 0 });\n  wire() {\n    new events.Rule(this, 'R', { targets: [new targets.LambdaFunction(this.fn)] });\n  }\n}\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 5, data: { source: 'EventBridge rule target' } }],
      output: "import * as events from 'aws-cdk-lib/aws-events';\nimport * as targets from 'aws-cdk-lib/aws-events-targets';\nimport { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nclass S {\n  fn = new NodejsFunction(this, 'Nightly', { entry: 'n.ts', retryAttempts: 0, deadLetterQueueEnabled: true });\n  wire() {\n    new events.Rule(this, 'R', { targets: [new targets.LambdaFunction(this.fn)] });\n  }\n}\n",
    },
    {
      name: 'a function built by a method and kept in a field, the field made an EventBridge target',
      filename: 'stack.ts',
      code: L + "import * as events from 'aws-cdk-lib/aws-events';\nimport * as targets from 'aws-cdk-lib/aws-events-targets';\nclass Jobs {\n  readonly nightly: lambda.Function;\n  constructor() {\n    this.nightly = this.createNightly();\n    new events.Rule(this, 'R', { targets: [new targets.LambdaFunction(this.nightly)] });\n  }\n  private createNightly() {\n    const fn = new lambda.Function(this, 'Nightly', { handler: 'index.handler' });\n    return fn;\n  }\n}\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 11, severity: 'warning', data: { source: 'EventBridge rule target' } }],
      output: L + "import * as events from 'aws-cdk-lib/aws-events';\nimport * as targets from 'aws-cdk-lib/aws-events-targets';\nclass Jobs {\n  readonly nightly: lambda.Function;\n  constructor() {\n    this.nightly = this.createNightly();\n    new events.Rule(this, 'R', { targets: [new targets.LambdaFunction(this.nightly)] });\n  }\n  private createNightly() {\n    const fn = new lambda.Function(this, 'Nightly', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\n    return fn;\n  }\n}\n",
    },
    {
      name: 'an S3 notification',
      filename: 'stack.ts',
      code: L + FN + "import * as s3 from 'aws-cdk-lib/aws-s3';\nimport * as s3n from 'aws-cdk-lib/aws-s3-notifications';\nconst b = new s3.Bucket(this, 'B');\nb.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn));\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 2, data: { source: 'S3 notification' } }],
      output: L + "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nimport * as s3n from 'aws-cdk-lib/aws-s3-notifications';\nconst b = new s3.Bucket(this, 'B');\nb.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn));\n",
    },
    {
      name: 'SNS subscription without a DLQ, and deadLetterQueueEnabled: false',
      filename: 'stack.ts',
      code: L + SNS + "import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';\nconst fn = new lambda.Function(this, 'Fn', { deadLetterQueueEnabled: false });\ntopic.addSubscription(new subs.LambdaSubscription(fn));\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 5, data: { source: 'SNS subscription' } }],
      output: L + SNS + "import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';\nconst fn = new lambda.Function(this, 'Fn', { deadLetterQueueEnabled: true, retryAttempts: 2 });\ntopic.addSubscription(new subs.LambdaSubscription(fn));\n",
    },
    {
      name: 'a CloudWatch Logs subscription destination (asynchronous)',
      filename: 'stack.ts',
      code: L + FN + "import * as logs from 'aws-cdk-lib/aws-logs';\nimport * as dest from 'aws-cdk-lib/aws-logs-destinations';\ndeclare const group: logs.ILogGroup;\ngroup.addSubscriptionFilter('F', { destination: new dest.LambdaDestination(fn), filterPattern: logs.FilterPattern.allEvents() });\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 2, data: { source: 'CloudWatch Logs subscription' } }],
      output: L + "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nimport * as logs from 'aws-cdk-lib/aws-logs';\nimport * as dest from 'aws-cdk-lib/aws-logs-destinations';\ndeclare const group: logs.ILogGroup;\ngroup.addSubscriptionFilter('F', { destination: new dest.LambdaDestination(fn), filterPattern: logs.FilterPattern.allEvents() });\n",
    },
    {
      name: 'L1 function invoked by S3 through an L1 permission: asynchronous, no fix',
      filename: 'stack.ts',
      code: L + RAW + "new lambda.CfnPermission(this, 'FromS3', { functionName: raw.ref, action: 'lambda:InvokeFunction', principal: 's3.amazonaws.com' });\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 2, severity: 'warning', data: { name: 'Raw', source: 'S3 notification (permission for s3.amazonaws.com)' } }],
      output: null,
    },
    {
      name: 'L2 permission for EventBridge (regional principal spelling)',
      filename: 'stack.ts',
      code: L + IAM + FN + "fn.addPermission('Rule', { principal: new iam.ServicePrincipal('events.us-east-1.amazonaws.com') });\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 3, data: { source: 'EventBridge (permission for events.amazonaws.com)' } }],
      output: L + IAM + "const fn = new lambda.Function(this, 'Fn', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nfn.addPermission('Rule', { principal: new iam.ServicePrincipal('events.us-east-1.amazonaws.com') });\n",
    },
    {
      name: 'a permission for a service whose calls may be either kind says nothing',
      filename: 'stack.ts',
      code: L + RAW + "new lambda.CfnPermission(this, 'Cfn', { functionName: raw.attrArn, action: 'lambda:InvokeFunction', principal: 'iot.amazonaws.com' });\n",
      errors: [{ messageId: 'unknownInvocation', line: 2 }],
      output: null,
    },
    {
      name: 'handed to a local construct that makes it an EventBridge target: warning',
      filename: 'stack.ts',
      code:
        L +
        "import * as events from 'aws-cdk-lib/aws-events';\nimport * as targets from 'aws-cdk-lib/aws-events-targets';\nclass Nightly {\n  constructor(scope: any, id: string, props: { job: lambda.IFunction }) {\n    new events.Rule(scope, 'Cron', { targets: [new targets.LambdaFunction(props.job)] });\n  }\n}\nconst cleanup = new lambda.Function(this, 'Cleanup', { handler: 'index.handler' });\nnew Nightly(this, 'N', { job: cleanup });\n",
      errors: [{ messageId: 'asyncWithoutDlq', line: 9, severity: 'warning', data: { name: 'Cleanup', source: 'EventBridge rule target' } }],
      output:
        L +
        "import * as events from 'aws-cdk-lib/aws-events';\nimport * as targets from 'aws-cdk-lib/aws-events-targets';\nclass Nightly {\n  constructor(scope: any, id: string, props: { job: lambda.IFunction }) {\n    new events.Rule(scope, 'Cron', { targets: [new targets.LambdaFunction(props.job)] });\n  }\n}\nconst cleanup = new lambda.Function(this, 'Cleanup', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nnew Nightly(this, 'N', { job: cleanup });\n",
    },
    {
      name: 'a local construct forwarding another prop says nothing about this one',
      filename: 'stack.ts',
      code:
        L +
        "import * as sfnTasks from 'aws-cdk-lib/aws-stepfunctions-tasks';\nclass Pair {\n  constructor(scope: any, id: string, props: { main: lambda.IFunction; spare: lambda.IFunction }) {\n    new sfnTasks.LambdaInvoke(scope, 'Main', { lambdaFunction: props.main });\n  }\n}\ndeclare const main: lambda.IFunction;\nconst spare = new lambda.Function(this, 'Spare', { handler: 'index.handler' });\nnew Pair(this, 'P', { main, spare });\n",
      errors: [{ messageId: 'unknownInvocation', line: 9, severity: 'information', data: { name: 'Spare' } }],
      output:
        L +
        "import * as sfnTasks from 'aws-cdk-lib/aws-stepfunctions-tasks';\nclass Pair {\n  constructor(scope: any, id: string, props: { main: lambda.IFunction; spare: lambda.IFunction }) {\n    new sfnTasks.LambdaInvoke(scope, 'Main', { lambdaFunction: props.main });\n  }\n}\ndeclare const main: lambda.IFunction;\nconst spare = new lambda.Function(this, 'Spare', { handler: 'index.handler', deadLetterQueueEnabled: true, retryAttempts: 2 });\nnew Pair(this, 'P', { main, spare });\n",
    },
    {
      name: 'L1 CfnFunction: reported, no fix (needs a queue ARN)',
      filename: 'stack.ts',
      code: L + "new lambda.CfnFunction(this, 'Raw', { code: {}, role: 'r' });\n",
      errors: [{ messageId: 'unknownInvocation', line: 2 }],
      output: null,
    },
  ],
});
