import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { addProp, anyPropOf, CDK_GATE, constructKey, constructVisitor, holderOfConstruct, holderOfExpression, methodCall, propOf, propsIndent, replaceValue, type Construct, type Holder } from '../../engine/typescript/cdk';
import type { StaticValue, TsFile } from '../../engine/typescript/file';
import { unwrap } from '../../engine/typescript/bindings';
import { detectEol } from '../../engine/text';

/** How a function is invoked, as far as this file shows. */
type Invocation = { kind: 'async'; source: string; ownDlq: boolean } | { kind: 'sync' | 'poll' } | { kind: 'dlq' };

const EVENT_SOURCES: Record<string, 'async' | 'poll' | 'sync'> = {
  SnsEventSource: 'async',
  S3EventSource: 'async',
  S3EventSourceV2: 'async',
  SqsEventSource: 'poll',
  KinesisEventSource: 'poll',
  KinesisConsumerEventSource: 'poll',
  DynamoEventSource: 'poll',
  ManagedKafkaEventSource: 'poll',
  SelfManagedKafkaEventSource: 'poll',
  ApiEventSource: 'sync',
};

/**
 * How a service that a permission lets invoke the function calls it. Only services whose calls are
 * always of one kind are listed; any other principal says nothing about the invocation.
 */
const PERMISSION_PRINCIPALS: Record<string, Invocation> = {
  apigateway: { kind: 'sync' },
  elasticloadbalancing: { kind: 'sync' },
  'cognito-idp': { kind: 'sync' },
  lex: { kind: 'sync' },
  appsync: { kind: 'sync' },
  s3: { kind: 'async', source: 'S3 notification (permission for s3.amazonaws.com)', ownDlq: false },
  sns: { kind: 'async', source: 'SNS (permission for sns.amazonaws.com)', ownDlq: false },
  events: { kind: 'async', source: 'EventBridge (permission for events.amazonaws.com)', ownDlq: false },
  ses: { kind: 'async', source: 'SES (permission for ses.amazonaws.com)', ownDlq: false },
  logs: { kind: 'async', source: 'CloudWatch Logs (permission for logs.amazonaws.com)', ownDlq: false },
};

/** `apigateway.amazonaws.com`, `logs.eu-west-1.amazonaws.com` → the invocation that service makes. */
function invocationOfPrincipal(service: string): Invocation | undefined {
  const m = /^([a-z0-9-]+)(?:\.[a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/.exec(service);
  return m ? PERMISSION_PRINCIPALS[m[1]] : undefined;
}

/** The service named by a permission's principal: a string, or `new iam.ServicePrincipal('...')`. */
function principalService(file: TsFile, expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  const v = file.evaluate(expr);
  if (v.kind === 'string') return v.value;
  if (v.kind === 'new' && v.ref.module === 'aws-cdk-lib/aws-iam' && v.ref.path[0] === 'ServicePrincipal' && v.args[0]) {
    const name = file.evaluate(v.args[0]);
    return name.kind === 'string' ? name.value : undefined;
  }
  return undefined;
}

/** `fn.attrArn`, `fn.ref`, `fn.functionArn`, `fn.functionName` (how an L1 permission names its function) → `fn`. */
function functionOf(expr: ts.Expression | undefined): ts.Expression | undefined {
  if (expr && ts.isPropertyAccessExpression(expr) && FUNCTION_ATTRIBUTES.has(expr.name.text)) return expr.expression;
  return expr;
}
const FUNCTION_ATTRIBUTES = new Set(['attrArn', 'ref', 'functionArn', 'functionName']);

/**
 * A version or alias of a function is invoked as the function is: event sources, integrations and
 * permissions given to `fn.currentVersion`, `fn.latestVersion`, `fn.addAlias('live')`, or to
 * `new lambda.Alias(this, 'Live', { version: fn.currentVersion })` / `new lambda.Version(this, 'V',
 * { lambda: fn })` (directly or through a const), count for `fn`.
 */
function functionBehind(file: TsFile, expr: ts.Expression, depth = 0): ts.Expression {
  if (depth > 4) return expr;
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && (e.name.text === 'currentVersion' || e.name.text === 'latestVersion')) return functionBehind(file, e.expression, depth + 1);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'addAlias') return functionBehind(file, e.expression.expression, depth + 1);
  if (ts.isIdentifier(e)) {
    const init = file.resolveExpression(e);
    if (!init || init === e) return expr;
    const behind = functionBehind(file, init, depth + 1);
    return behind === init ? expr : behind;
  }
  const v = ts.isNewExpression(e) ? file.evaluate(e) : undefined;
  if (v?.kind !== 'new' || v.ref.module !== 'aws-cdk-lib/aws-lambda' || v.ref.path.length !== 1) return expr;
  const prop = v.ref.path[0] === 'Alias' ? 'version' : v.ref.path[0] === 'Version' ? 'lambda' : undefined;
  const target = prop && propValue(file, v.args[2], prop);
  return target ? functionBehind(file, target, depth + 1) : expr;
}

/** The methods through which a function, its version or its alias is wired to a caller. */
const WIRING_METHODS = new Set(['addEventSource', 'addEventSourceMapping', 'addFunctionUrl', 'configureAsyncInvoke', 'addTrigger', 'addLambdaDataSource', 'addPermission', 'grantInvoke']);

function is(v: StaticValue, module: string, name: string): v is Extract<StaticValue, { kind: 'new' }> {
  return v.kind === 'new' && v.ref.module === module && v.ref.path.length === 1 && v.ref.path[0] === name;
}

function isIn(v: StaticValue, modules: ReadonlySet<string>, names: ReadonlySet<string>): boolean {
  return v.kind === 'new' && modules.has(v.ref.module) && v.ref.path.length === 1 && names.has(v.ref.path[0]);
}

/**
 * API Gateway v2 (HTTP and WebSocket APIs) calls its Lambda integrations and authorizers
 * synchronously. The module moved: `aws-cdk-lib/aws-apigatewayv2-integrations` (CDK ≥ 2.112.0, and
 * CDK v1's `@aws-cdk/aws-apigatewayv2-integrations`), the experimental `-alpha` package before.
 */
const APIGW_V2_INTEGRATIONS = new Set(['aws-cdk-lib/aws-apigatewayv2-integrations', 'aws-cdk-lib/aws-apigatewayv2-integrations-alpha']);
const APIGW_V2_AUTHORIZERS = new Set(['aws-cdk-lib/aws-apigatewayv2-authorizers', 'aws-cdk-lib/aws-apigatewayv2-authorizers-alpha']);
/** `new HttpLambdaIntegration(id, fn)`, `new WebSocketLambdaIntegration(id, fn)`. */
const V2_LAMBDA_INTEGRATIONS = new Set(['HttpLambdaIntegration', 'WebSocketLambdaIntegration']);
/** `new HttpLambdaAuthorizer(id, fn)`, `new WebSocketLambdaAuthorizer(id, fn)`. */
const V2_LAMBDA_AUTHORIZERS = new Set(['HttpLambdaAuthorizer', 'WebSocketLambdaAuthorizer']);
/** CDK v1: `new LambdaProxyIntegration({ handler: fn })`, `new LambdaWebSocketIntegration({ handler: fn })`. */
const V1_PROPS_INTEGRATIONS = new Set(['LambdaProxyIntegration', 'LambdaWebSocketIntegration']);

/**
 * A deployment `Trigger` (`aws-cdk-lib/triggers`) invokes its handler once per deployment, by
 * default synchronously (`InvocationType.REQUEST_RESPONSE`: a failure fails the deployment);
 * `InvocationType.EVENT` invokes it asynchronously, and then a failure is dropped after the
 * retries like any asynchronous event. An invocation type we cannot read says nothing.
 */
function triggerInvocation(file: TsFile, props: ts.Expression | undefined): Invocation | undefined {
  const p = props && file.objectProps(props);
  if (!p) return undefined;
  const type = p.get('invocationType');
  if (type === 'unknown') return undefined;
  if (!type) return { kind: 'sync' };
  if (!type.value) return undefined;
  const v = file.evaluate(type.value);
  const name = v.kind === 'symbol' && (v.ref.module === 'aws-cdk-lib/triggers' || v.ref.module === '@aws-cdk/triggers') && v.ref.path.length === 2 && v.ref.path[0] === 'InvocationType' ? v.ref.path[1] : v.kind === 'string' ? v.value : undefined;
  if (name === 'Event' || name === 'EVENT') return { kind: 'async', source: 'deployment Trigger with InvocationType.EVENT', ownDlq: false };
  if (name === 'RequestResponse' || name === 'REQUEST_RESPONSE' || name === 'DryRun' || name === 'DRY_RUN') return { kind: 'sync' };
  return undefined;
}

/** Whether an options object (the n-th argument) sets `name`: true, false, or unknown (→ true: stay silent). */
function optionSet(file: TsFile, arg: ts.Expression | undefined, name: string): boolean {
  if (!arg) return false;
  const props = file.objectProps(arg);
  if (!props) return true;
  const p = props.get(name);
  return p !== undefined;
}

export const lambdaDeadLetterQueue = defineRule({
  id: 'lambda-dead-letter-queue',
  meta: {
    title: 'Asynchronous Lambda without a dead-letter queue',
    description:
      'A Lambda function without `deadLetterQueue`/`onFailure`: a warning when the file wires it to an asynchronous source (SNS, EventBridge, S3 notifications), information when its invocation is not visible; nothing for SQS, Kinesis, DynamoDB-stream or synchronous callers.',
    rationale:
      'Asynchronous invocations are retried twice and then dropped: without a dead-letter queue or an on-failure destination, the event is lost without a trace. Polled sources (SQS, streams) and synchronous callers handle failures themselves: API Gateway (REST, HTTP and WebSocket integrations and Lambda authorizers), load balancers, Step Functions tasks, custom-resource providers and deployment triggers (`aws-cdk-lib/triggers`, unless `InvocationType.EVENT`).',
    severity: 'warning',
    service: 'lambda',
    guide: 'Lambda / Dead Letter Queues',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      asyncWithoutDlq: 'Function {{name}} is invoked asynchronously ({{source}}) but has no dead-letter queue or on-failure destination: events that fail their retries are lost. Add `deadLetterQueue` (or `onFailure`).',
      unknownInvocation: 'Function {{name}} has no dead-letter queue or on-failure destination. If it is invoked asynchronously, failed events are dropped after two retries.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'stack.ts',
          code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nimport * as sns from 'aws-cdk-lib/aws-sns';\nimport { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';\nconst topic = new sns.Topic(this, 'Orders');\nconst fn = new lambda.Function(this, 'OnOrder', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist') });\nfn.addEventSource(new SnsEventSource(topic));\n",
        },
      ],
      valid: [
        {
          filename: 'stack.ts',
          code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\nconst dlq = new sqs.Queue(this, 'DLQ');\nnew lambda.Function(this, 'OnOrder', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist'), deadLetterQueue: dlq, retryAttempts: 2 });\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = ctx.ts;
    const functions: [Holder, Construct][] = [];
    const uses = new Map<Holder, Invocation[]>();
    // Construct libraries wrap the wiring in their own classes: `new Job(this, 'J', { fn })` with
    // `new LambdaInvoke(this, 'T', { lambdaFunction: props.fn })` in Job's constructor. A use of a
    // constructor's `param.key` is kept by (class, parameter, key) and joined at the file's end with
    // what `new Class(...)` in this file passes there.
    const forwarded = new Map<string, Invocation[]>();
    const passed = new Map<string, ts.Expression[]>();
    const use = (target: ts.Expression | undefined, inv: Invocation): void => {
      if (target && file) target = functionBehind(file, target);
      const key = target && file && constructorPropKey(file, target);
      if (key) {
        let list = forwarded.get(key);
        if (!list) forwarded.set(key, (list = []));
        list.push(inv);
        return;
      }
      const holder = target && file && holderOfExpression(file, target);
      if (!holder) return;
      let list = uses.get(holder);
      if (!list) uses.set(holder, (list = []));
      list.push(inv);
    };
    const visitor = constructVisitor(ctx, ['function', 'cfnFunction'], (c, f) => {
      const own = c.kind === 'cfnFunction' ? propOf(f, c, 'deadLetterConfig') : anyPropOf(f, c, ['deadLetterQueue', 'deadLetterTopic', 'onFailure', 'deadLetterQueueEnabled']);
      if (own.state === 'unknown') return;
      if (own.state === 'present' && !(own.value.kind === 'boolean' && !own.value.value)) return;
      functions.push([holderOfConstruct(f, c.node), c]);
    });
    if (!file || ctx.file.isTest) return visitor;
    const construct = visitor.NewExpression;
    const superCall = visitor.CallExpression;
    const wiring = (v: StaticValue): void => {
      if (v.kind !== 'new' && v.kind !== 'call') return;
      const args = v.args;
      if (is(v, 'aws-cdk-lib/aws-sns-subscriptions', 'LambdaSubscription')) use(args[0], { kind: 'async', source: 'SNS subscription', ownDlq: optionSet(file, args[1], 'deadLetterQueue') });
      else if (is(v, 'aws-cdk-lib/aws-events-targets', 'LambdaFunction')) use(args[0], { kind: 'async', source: 'EventBridge rule target', ownDlq: optionSet(file, args[1], 'deadLetterQueue') });
      else if (is(v, 'aws-cdk-lib/aws-s3-notifications', 'LambdaDestination')) use(args[0], { kind: 'async', source: 'S3 notification', ownDlq: false });
      else if (is(v, 'aws-cdk-lib/aws-logs-destinations', 'LambdaDestination')) use(args[0], { kind: 'async', source: 'CloudWatch Logs subscription', ownDlq: false });
      else if (is(v, 'aws-cdk-lib/aws-scheduler-targets', 'LambdaInvoke') || is(v, 'aws-cdk-lib/aws-scheduler-targets-alpha', 'LambdaInvoke'))
        use(args[0], { kind: 'async', source: 'EventBridge Scheduler target', ownDlq: optionSet(file, args[1], 'deadLetterQueue') });
      else if (is(v, 'aws-cdk-lib/custom-resources', 'Provider')) {
        use(propValue(file, args[2], 'onEventHandler'), { kind: 'sync' });
        use(propValue(file, args[2], 'isCompleteHandler'), { kind: 'sync' });
      } else if (is(v, 'aws-cdk-lib/aws-lambda', 'FunctionUrl')) use(propValue(file, args[2], 'function'), { kind: 'sync' });
      else if (is(v, 'aws-cdk-lib/aws-apigateway', 'LambdaIntegration') || is(v, 'aws-cdk-lib/aws-elasticloadbalancingv2-targets', 'LambdaTarget')) use(args[0], { kind: 'sync' });
      else if (isIn(v, APIGW_V2_INTEGRATIONS, V2_LAMBDA_INTEGRATIONS) || isIn(v, APIGW_V2_AUTHORIZERS, V2_LAMBDA_AUTHORIZERS)) use(args[1], { kind: 'sync' });
      // CDK v1's first HTTP and WebSocket integrations took the function as a prop: `new LambdaProxyIntegration({ handler })`.
      else if (isIn(v, APIGW_V2_INTEGRATIONS, V1_PROPS_INTEGRATIONS)) use(propValue(file, args[0], 'handler'), { kind: 'sync' });
      else if (is(v, 'aws-cdk-lib/aws-apigateway', 'TokenAuthorizer') || is(v, 'aws-cdk-lib/aws-apigateway', 'RequestAuthorizer')) use(propValue(file, args[2], 'handler'), { kind: 'sync' });
      else if (is(v, 'aws-cdk-lib/triggers', 'Trigger') || is(v, '@aws-cdk/triggers', 'Trigger')) {
        const inv = triggerInvocation(file, args[2]);
        if (inv) use(propValue(file, args[2], 'handler'), inv);
      }
      else if (is(v, 'aws-cdk-lib/aws-apigateway', 'LambdaRestApi')) use(propValue(file, args[2], 'handler'), { kind: 'sync' });
      else if (is(v, 'aws-cdk-lib/aws-stepfunctions-tasks', 'LambdaInvoke')) use(propValue(file, args[2], 'lambdaFunction'), { kind: 'sync' });
      else if (is(v, 'aws-cdk-lib/aws-lambda', 'EventInvokeConfig') && optionSet(file, args[2], 'onFailure')) use(propValue(file, args[2], 'function'), { kind: 'dlq' });
      else if (is(v, 'aws-cdk-lib/aws-lambda', 'CfnPermission')) {
        // The L1 wiring: `new CfnPermission(this, id, { functionName: fn.attrArn, principal: 'apigateway.amazonaws.com' })`.
        const service = principalService(file, propValue(file, args[2], 'principal'));
        const inv = service && invocationOfPrincipal(service);
        if (inv) use(functionOf(propValue(file, args[2], 'functionName')), inv);
      }
    };
    return {
      ...visitor,
      NewExpression: (node) => {
        construct?.(node);
        wiring(file.evaluate(node as ts.NewExpression));
        recordLocalClassArgs(file, node as ts.NewExpression, passed);
      },
      CallExpression: (node) => {
        superCall?.(node);
        const call = node as ts.CallExpression;
        const m = methodCall(file, call);
        if (!m || !WIRING_METHODS.has(m.method)) return;
        const callee = call.expression as ts.PropertyAccessExpression;
        // `fn.currentVersion.addEventSource(...)`: the receiver is a version of a function we know.
        if (!m.holder && !holderOfExpression(file, functionBehind(file, callee.expression))) return;
        if (m.method === 'addEventSource') {
          const src = file.evaluate(call.arguments[0]);
          const kind = src.kind === 'new' && src.ref.module === 'aws-cdk-lib/aws-lambda-event-sources' ? EVENT_SOURCES[src.ref.path[0]] : undefined;
          if (kind === 'async' && src.kind === 'new') use(callee.expression, { kind: 'async', source: src.ref.path[0], ownDlq: src.ref.path[0] === 'SnsEventSource' && optionSet(file, src.args[1], 'deadLetterQueue') });
          else if (kind && kind !== 'async') use(callee.expression, { kind });
        } else if (m.method === 'addEventSourceMapping') use(callee.expression, { kind: 'poll' });
        else if (m.method === 'addFunctionUrl') use(callee.expression, { kind: 'sync' });
        else if (m.method === 'configureAsyncInvoke' && optionSet(file, call.arguments[0], 'onFailure')) use(callee.expression, { kind: 'dlq' });
        else if (m.method === 'addTrigger') use(call.arguments[1], { kind: 'sync' }); // Cognito triggers are synchronous
        else if (m.method === 'addLambdaDataSource') use(call.arguments[1], { kind: 'sync' }); // AppSync resolvers
        else if (m.method === 'addPermission' || m.method === 'grantInvoke') {
          // `fn.addPermission(id, { principal: new iam.ServicePrincipal('s3.amazonaws.com') })`, `fn.grantInvoke(principal)`
          const principal = m.method === 'grantInvoke' ? call.arguments[0] : propValue(file, call.arguments[1], 'principal');
          const service = principalService(file, principal);
          const inv = service && invocationOfPrincipal(service);
          if (inv) use(callee.expression, inv);
        }
      },
      fileEnd() {
        // A class may hand its prop on to another local class: join until nothing new is learnt.
        for (let round = 0; round < 4 && forwarded.size; round++) {
          const pending = [...forwarded];
          forwarded.clear();
          for (const [key, invs] of pending) for (const expr of passed.get(key) ?? []) for (const inv of invs) use(expr, inv);
        }
        for (const [holder, c] of functions) {
          const list = uses.get(holder) ?? [];
          if (list.some((u) => u.kind === 'dlq')) continue;
          const bare = list.find((u): u is Extract<Invocation, { kind: 'async' }> => u.kind === 'async' && !u.ownDlq);
          if (!bare && list.length > 0) continue; // async with their own DLQ, polled, or synchronous
          const fix = dlqFix(file, c);
          ctx.report({
            messageId: bare ? 'asyncWithoutDlq' : 'unknownInvocation',
            data: bare ? { name: c.label, source: bare.source } : { name: c.label },
            severity: bare ? 'warning' : 'information',
            start: c.start,
            end: c.end,
            key: constructKey(c),
            // Adds an SQS queue to the stack: a resource (and a cost) the author should see.
            fix,
          });
        }
      },
    };
  },
});

/** The class declared in this file whose constructor has the parameter, with the parameter's index. */
function constructorParameter(file: TsFile, id: ts.Identifier): { cls: ts.ClassDeclaration; index: number } | undefined {
  const decl = file.declarationOf(id);
  if (decl?.kind !== 'parameter' || !ts.isParameter(decl.node) || !ts.isIdentifier(decl.node.name)) return undefined;
  const ctor = decl.node.parent;
  if (!ts.isConstructorDeclaration(ctor) || !ts.isClassDeclaration(ctor.parent)) return undefined;
  return { cls: ctor.parent, index: ctor.parameters.indexOf(decl.node) };
}

/** `props.fn` read in a local class's constructor → `<class>:<parameter index>:fn`. */
function constructorPropKey(file: TsFile, target: ts.Expression): string | undefined {
  const e = unwrap(target);
  if (!ts.isPropertyAccessExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
  const p = constructorParameter(file, e.expression);
  return p && classPropKey(p.cls, p.index, e.name.text);
}

/** Names a prop of a local class's constructor argument, alike where it is read and where it is passed. */
function classPropKey(cls: ts.Node, index: number, name: string): string {
  return `${cls.pos}:${index}:${name}`;
}

/** `new Job(this, 'J', { fn: handler })` of a class declared in this file: what each of its props receives. */
function recordLocalClassArgs(file: TsFile, node: ts.NewExpression, passed: Map<string, ts.Expression[]>): void {
  const callee = unwrap(node.expression);
  if (!ts.isIdentifier(callee) || !node.arguments?.length) return;
  const decl = file.declarationOf(callee);
  if (decl?.kind !== 'class') return;
  node.arguments.forEach((arg, index) => {
    const props = file.objectProps(arg);
    if (!props) return;
    for (const [name, p] of props.props) {
      if (!p.value) continue;
      const key = classPropKey(decl.node, index, name);
      let list = passed.get(key);
      if (!list) passed.set(key, (list = []));
      list.push(p.value);
    }
  });
}

function propValue(file: TsFile, arg: ts.Expression | undefined, name: string): ts.Expression | undefined {
  const props = arg && file.objectProps(arg);
  const p = props?.get(name);
  return p && p !== 'unknown' ? p.value : undefined;
}

function dlqFix(file: TsFile, c: Construct) {
  if (c.kind === 'cfnFunction') return undefined; // an L1 needs a queue ARN we cannot invent
  const parts = ['deadLetterQueueEnabled: true'];
  if (propOf(file, c, 'retryAttempts').state === 'absent') parts.push('retryAttempts: 2');
  const title = `Add a dead-letter queue (${parts.map((p) => `\`${p}\``).join(', ')})`;
  // `deadLetterQueueEnabled: false` is turned on in place rather than written twice.
  const off = propOf(file, c, 'deadLetterQueueEnabled');
  const flip = off.state === 'present' ? replaceValue(file, off.prop, 'true') : undefined;
  if (off.state === 'present' && !flip) return undefined;
  const rest = flip ? parts.slice(1) : parts;
  const indent = propsIndent(file, c);
  const added = rest.length ? addProp(file, c, rest.join(indent === undefined ? ', ' : `,${detectEol(file.text)}${indent}`)) : [];
  const edits = added && [...(flip ?? []), ...added];
  return edits && { title, kind: 'unsafe' as const, edits };
}
