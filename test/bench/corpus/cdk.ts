// CDK stacks and constructs as real repositories write them: every import shape, props inline,
// through constants and spreads, helper methods, loops and conditions; compliant and not.
import { CdkNames, type ImportStyle } from './cdk-names';
import { identityStatement, type StatementSpec } from './iam-vocabulary';
import { NOUNS, Rng, VERBS, accountId, camel, indent, kebab, pascal } from './rng';

interface StackCtx {
  rng: Rng;
  n: CdkNames;
  ts: boolean;
  /** Module-level constants the body refers to (shared props, defaults). */
  prelude: string[];
  helpers: string[];
  usedNames: Set<string>;
  buckets: string[];
  functions: string[];
  tables: string[];
  queues: string[];
  topics: string[];
  roles: string[];
  usesPath: boolean;
}

function unique(ctx: StackCtx, base: string): string {
  let name = base;
  for (let i = 2; ctx.usedNames.has(name); i++) name = `${base}${i}`;
  ctx.usedNames.add(name);
  return name;
}

/** `{ a: 1, b: 2 }` written over several lines, as formatters leave it. */
function objectLiteral(entries: string[], trailingComma: boolean): string {
  if (!entries.length) return '{}';
  return `{\n${entries.map((e, i) => indent(e, 1) + (i < entries.length - 1 || trailingComma ? ',' : '')).join('\n')}\n}`;
}

function quality(rng: Rng): 'good' | 'partial' | 'bad' {
  return rng.weighted([['good', 4], ['partial', 4], ['bad', 2]] as const);
}

function dur(ctx: StackCtx, unit: 'seconds' | 'minutes' | 'days' | 'hours', n: number): string {
  return `${ctx.n.ref('core', 'Duration')}.${unit}(${n})`;
}

function bucket(ctx: StackCtx): string {
  const { rng, n } = ctx;
  const noun = rng.pick(NOUNS);
  const v = unique(ctx, camel(noun, 'bucket'));
  const q = quality(rng);
  const entries: string[] = [];
  if (q === 'good' || rng.chance(0.3)) entries.push(`blockPublicAccess: ${n.ref('s3', 'BlockPublicAccess')}.BLOCK_ALL`);
  else if (q === 'bad' && rng.chance(0.5))
    entries.push(`blockPublicAccess: new ${n.ref('s3', 'BlockPublicAccess')}({\n  blockPublicAcls: false,\n  blockPublicPolicy: false,\n  ignorePublicAcls: false,\n  restrictPublicBuckets: false,\n})`);
  if (q === 'good' || rng.chance(0.4)) entries.push(`encryption: ${n.ref('s3', 'BucketEncryption')}.${rng.pick(['S3_MANAGED', 'S3_MANAGED', 'KMS_MANAGED'])}`);
  else if (q === 'bad' && rng.chance(0.3)) entries.push(`encryption: ${n.ref('s3', 'BucketEncryption')}.UNENCRYPTED`);
  if (q === 'good' || rng.chance(0.3)) entries.push('enforceSSL: true');
  if (q === 'good' || rng.chance(0.4)) entries.push('versioned: true');
  if (q === 'bad' && rng.chance(0.6)) {
    entries.push(`removalPolicy: ${n.ref('core', 'RemovalPolicy')}.DESTROY`);
    if (rng.chance(0.7)) entries.push('autoDeleteObjects: true');
  } else if (rng.chance(0.6)) entries.push(`removalPolicy: ${n.ref('core', 'RemovalPolicy')}.RETAIN`);
  if (q === 'bad' && rng.chance(0.2)) entries.push('publicReadAccess: true');
  if (rng.chance(0.4))
    entries.push(
      `lifecycleRules: [\n  {\n    transitions: [\n      { storageClass: ${n.ref('s3', 'StorageClass')}.INFREQUENT_ACCESS, transitionAfter: ${dur(ctx, 'days', 30)} },\n      { storageClass: ${n.ref('s3', 'StorageClass')}.GLACIER, transitionAfter: ${dur(ctx, 'days', 90)} },\n    ],\n    expiration: ${dur(ctx, 'days', 365)},\n  },\n]`,
    );
  if (rng.chance(0.3)) entries.push(ctx.ts && rng.chance(0.5) ? `bucketName: \`${kebab(noun)}-\${props.stage}\`` : `bucketName: '${kebab(noun, 'data', String(rng.int(1, 999)))}'`);
  if (rng.chance(0.2))
    entries.push(`cors: [\n  {\n    allowedMethods: [${n.ref('s3', 'HttpMethods')}.GET, ${n.ref('s3', 'HttpMethods')}.PUT],\n    allowedOrigins: ['https://app.example.com'],\n    allowedHeaders: ['*'],\n  },\n]`);
  if (ctx.buckets.length && rng.chance(0.2)) entries.push(`serverAccessLogsBucket: ${ctx.buckets[0]}`);
  ctx.buckets.push(v);
  const ctor = n.ref('s3', 'Bucket');
  const id = pascal(noun, 'Bucket');
  const form = rng.weighted([['inline', 6], ['const', 2], ['spread', 2], ['bare', 1]] as const);
  if (form === 'bare' || !entries.length) return `const ${v} = new ${ctor}(this, '${id}');`;
  if (form === 'const') {
    const propsName = `${v}Props`;
    const type = ctx.ts ? `: ${n.ref('s3', 'BucketProps')}` : '';
    return `const ${propsName}${type} = ${objectLiteral(entries, true)};\nconst ${v} = new ${ctor}(this, '${id}', ${propsName});`;
  }
  if (form === 'spread') {
    const defaults = 'SECURE_BUCKET_DEFAULTS';
    if (!ctx.prelude.some((p) => p.includes(defaults)))
      ctx.prelude.push(
        `const ${defaults} = ${objectLiteral([`blockPublicAccess: ${n.ref('s3', 'BlockPublicAccess')}.BLOCK_ALL`, `encryption: ${n.ref('s3', 'BucketEncryption')}.S3_MANAGED`, 'enforceSSL: true'], true)}${ctx.ts ? ' as const' : ''};`,
      );
    return `const ${v} = new ${ctor}(this, '${id}', ${objectLiteral([`...${defaults}`, ...entries.filter((e) => !e.startsWith('blockPublicAccess') && !e.startsWith('encryption') && !e.startsWith('enforceSSL'))], true)});`;
  }
  return `const ${v} = new ${ctor}(this, '${id}', ${objectLiteral(entries, rng.chance(0.8))});`;
}

function queue(ctx: StackCtx): string {
  const { rng, n } = ctx;
  const noun = rng.pick(NOUNS);
  const fifo = rng.chance(0.2);
  const v = unique(ctx, camel(noun, 'queue'));
  const dlq = unique(ctx, camel(noun, 'dlq'));
  const lines: string[] = [];
  const withDlq = rng.chance(0.6);
  if (withDlq) lines.push(`const ${dlq} = new ${n.ref('sqs', 'Queue')}(this, '${pascal(noun)}DLQ', ${objectLiteral([`retentionPeriod: ${dur(ctx, 'days', 14)}`, ...(fifo ? ['fifo: true'] : [])], true)});`);
  const entries = [`visibilityTimeout: ${dur(ctx, 'seconds', rng.pick([30, 60, 120, 300]))}`];
  if (fifo) entries.push(`queueName: '${kebab(noun, 'events')}.fifo'`, 'fifo: true', 'contentBasedDeduplication: true');
  if (withDlq) entries.push(`deadLetterQueue: { queue: ${dlq}, maxReceiveCount: ${rng.int(2, 5)} }`);
  if (rng.chance(0.5)) entries.push(`encryption: ${n.ref('sqs', 'QueueEncryption')}.SQS_MANAGED`);
  if (rng.chance(0.4)) entries.push('enforceSSL: true');
  lines.push(`const ${v} = new ${n.ref('sqs', 'Queue')}(this, '${pascal(noun)}Queue', ${objectLiteral(entries, true)});`);
  ctx.queues.push(v);
  return lines.join('\n');
}

function topic(ctx: StackCtx): string {
  const noun = ctx.rng.pick(NOUNS);
  const v = unique(ctx, camel(noun, 'topic'));
  ctx.topics.push(v);
  return `const ${v} = new ${ctx.n.ref('sns', 'Topic')}(this, '${pascal(noun)}Topic', {\n  displayName: '${pascal(noun)} notifications',\n});`;
}

function table(ctx: StackCtx): string {
  const { rng, n } = ctx;
  const noun = rng.pick(NOUNS);
  const v = unique(ctx, camel(noun, 'table'));
  ctx.tables.push(v);
  const q = quality(rng);
  const attr = (name: string) => `{ name: '${name}', type: ${n.ref('dynamodb', 'AttributeType')}.STRING }`;
  const kind = rng.weighted([['Table', 6], ['TableV2', 2], ['CfnTable', 1]] as const);
  if (kind === 'CfnTable') {
    const entries = [
      `tableName: '${kebab(noun)}-table'`,
      `keySchema: [{ attributeName: 'pk', keyType: 'HASH' }, { attributeName: 'sk', keyType: 'RANGE' }]`,
      `attributeDefinitions: [\n  { attributeName: 'pk', attributeType: 'S' },\n  { attributeName: 'sk', attributeType: 'S' },\n]`,
      `billingMode: '${q === 'bad' ? 'PROVISIONED' : 'PAY_PER_REQUEST'}'`,
    ];
    if (q === 'bad') entries.push('provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 }');
    if (q !== 'bad') entries.push('pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }');
    if (q === 'good') entries.push(`sseSpecification: { sseEnabled: true }`);
    return `const ${v} = new ${n.ref('dynamodb', 'CfnTable')}(this, '${pascal(noun)}Table', ${objectLiteral(entries, true)});`;
  }
  const entries = [`partitionKey: ${attr('PK')}`];
  if (rng.chance(0.8)) entries.push(`sortKey: ${attr('SK')}`);
  if (kind === 'Table') {
    if (q === 'bad' && rng.chance(0.6)) entries.push(`billingMode: ${n.ref('dynamodb', 'BillingMode')}.PROVISIONED`, 'readCapacity: 5', 'writeCapacity: 5');
    else entries.push(`billingMode: ${n.ref('dynamodb', 'BillingMode')}.PAY_PER_REQUEST`);
    if (q === 'good') entries.push(rng.chance(0.5) ? 'pointInTimeRecovery: true' : 'pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }');
    if (q === 'good' || rng.chance(0.3)) entries.push(`encryption: ${n.ref('dynamodb', 'TableEncryption')}.AWS_MANAGED`);
  } else {
    if (q === 'good') entries.push('pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }');
    if (q === 'good') entries.push(`encryption: ${n.ref('dynamodb', 'TableEncryptionV2')}.awsManagedKey()`);
  }
  if (rng.chance(0.3)) entries.push(`stream: ${n.ref('dynamodb', 'StreamViewType')}.NEW_AND_OLD_IMAGES`);
  if (rng.chance(0.3)) entries.push("timeToLiveAttribute: 'ttl'");
  if (rng.chance(0.5)) entries.push(`removalPolicy: ${n.ref('core', 'RemovalPolicy')}.${q === 'bad' ? 'DESTROY' : 'RETAIN'}`);
  const lines = [`const ${v} = new ${n.ref('dynamodb', kind)}(this, '${pascal(noun)}Table', ${objectLiteral(entries, true)});`];
  if (kind === 'Table' && rng.chance(0.5))
    lines.push(`${v}.addGlobalSecondaryIndex({\n  indexName: 'GSI1',\n  partitionKey: ${attr('GSI1PK')},\n  sortKey: ${attr('GSI1SK')},\n});`);
  if (kind === 'Table' && entries.some((e) => e.includes('PROVISIONED')) && rng.chance(0.4))
    lines.push(`${v}.autoScaleReadCapacity({ minCapacity: 1, maxCapacity: 20 }).scaleOnUtilization({ targetUtilizationPercent: 70 });`);
  return lines.join('\n');
}

function lambdaFunction(ctx: StackCtx): string {
  const { rng, n } = ctx;
  const noun = rng.pick(NOUNS);
  const verb = rng.pick(VERBS);
  const v = unique(ctx, camel(verb, noun, 'fn'));
  const id = pascal(verb, noun, 'Function');
  const q = quality(rng);
  const nodejs = rng.chance(0.5);
  const entries: string[] = [];
  const runtime = q === 'bad' ? rng.pick(['NODEJS_16_X', 'NODEJS_18_X', 'NODEJS_20_X']) : rng.pick(['NODEJS_20_X', 'NODEJS_22_X', 'NODEJS_22_X']);
  entries.push(`runtime: ${n.ref('lambda', 'Runtime')}.${runtime}`);
  if (nodejs) {
    ctx.usesPath = true;
    entries.push(`entry: path.join(__dirname, '../src/handlers/${kebab(verb, noun)}.ts')`, "handler: 'handler'");
    if (rng.chance(0.5)) entries.push("bundling: {\n  minify: true,\n  sourceMap: true,\n  externalModules: ['@aws-sdk/*'],\n}");
  } else {
    entries.push("handler: 'index.handler'", `code: ${n.ref('lambda', 'Code')}.fromAsset('dist/${kebab(verb, noun)}')`);
  }
  if (q === 'good' || rng.chance(0.4)) entries.push(`timeout: ${dur(ctx, rng.pick(['seconds', 'seconds', 'minutes'] as const), rng.pick([10, 15, 30, 60]))}`);
  if (q === 'good' || rng.chance(0.4)) entries.push(`memorySize: ${rng.pick([256, 512, 1024, 1769])}`);
  if (q === 'good' && rng.chance(0.6)) entries.push(`reservedConcurrentExecutions: ${rng.pick([5, 10, 25, 50])}`);
  if (q === 'good' || rng.chance(0.2)) entries.push(`architecture: ${n.ref('lambda', 'Architecture')}.ARM_64`);
  const env: string[] = [];
  if (ctx.tables.length) env.push(`TABLE_NAME: ${rng.pick(ctx.tables)}.tableName`);
  if (ctx.queues.length && rng.chance(0.5)) env.push(`QUEUE_URL: ${rng.pick(ctx.queues)}.queueUrl`);
  if (ctx.buckets.length && rng.chance(0.5)) env.push(`BUCKET_NAME: ${rng.pick(ctx.buckets)}.bucketName`);
  if (rng.chance(0.5)) env.push("NODE_OPTIONS: '--enable-source-maps'");
  if (rng.chance(0.3)) env.push(`POWERTOOLS_SERVICE_NAME: '${kebab(noun)}'`);
  if (env.length) entries.push(`environment: ${objectLiteral(env, true)}`);
  if (q === 'good' && ctx.queues.length && rng.chance(0.5)) entries.push(`deadLetterQueue: ${rng.pick(ctx.queues)}`, 'retryAttempts: 2');
  if (rng.chance(0.3)) entries.push(`tracing: ${n.ref('lambda', 'Tracing')}.ACTIVE`);
  if (rng.chance(0.3)) entries.push(`logRetention: ${n.ref('logs', 'RetentionDays')}.ONE_MONTH`);
  ctx.functions.push(v);
  const ctor = nodejs ? n.ref('nodejs', 'NodejsFunction') : n.ref('lambda', 'Function');
  const form = rng.weighted([['inline', 6], ['spread', 2], ['helper', 2]] as const);
  if (form === 'spread') {
    const defaults = 'LAMBDA_DEFAULTS';
    if (!ctx.prelude.some((p) => p.includes(defaults)))
      ctx.prelude.push(`const ${defaults} = ${objectLiteral([`runtime: ${n.ref('lambda', 'Runtime')}.NODEJS_22_X`, `timeout: ${dur(ctx, 'seconds', 30)}`, 'memorySize: 512', `architecture: ${n.ref('lambda', 'Architecture')}.ARM_64`], true)};`);
    return `const ${v} = new ${ctor}(this, '${id}', ${objectLiteral([`...${defaults}`, ...entries.filter((e) => !/^(runtime|timeout|memorySize|architecture):/.test(e))], true)});`;
  }
  if (form === 'helper' && nodejs) {
    const helper = `create${pascal(verb, noun)}Function`;
    const type = ctx.ts ? `: ${n.ref('nodejs', 'NodejsFunction')}` : '';
    ctx.helpers.push(`${ctx.ts ? 'private ' : ''}${helper}(${ctx.ts ? 'id: string' : 'id'})${type} {\n  return new ${ctor}(this, id, ${indent(objectLiteral(entries, true), 1).trimStart()});\n}`);
    return `const ${v} = this.${helper}('${id}');`;
  }
  return `const ${v} = new ${ctor}(this, '${id}', ${objectLiteral(entries, true)});`;
}

function statementTs(ctx: StackCtx, s: StatementSpec): string {
  const { n } = ctx;
  const entries: string[] = [];
  if (s.effect === 'Deny' || ctx.rng.chance(0.3)) entries.push(`effect: ${n.ref('iam', 'Effect')}.${s.effect === 'Deny' ? 'DENY' : 'ALLOW'}`);
  entries.push(`${s.notActions ? 'notActions' : 'actions'}: [${s.actions.map((a) => `'${a}'`).join(', ')}]`);
  const resources = s.resources.map((r) => {
    if (r !== '*' && r.startsWith('arn:aws:s3') && ctx.buckets.length && ctx.rng.chance(0.6)) return `${ctx.rng.pick(ctx.buckets)}.arnForObjects('*')`;
    if (r !== '*' && r.startsWith('arn:aws:dynamodb') && ctx.tables.length && ctx.rng.chance(0.6)) return `${ctx.rng.pick(ctx.tables)}.tableArn`;
    return `'${r}'`;
  });
  entries.push(`resources: [${resources.join(', ')}]`);
  if (s.conditions) entries.push(`conditions: {\n  StringEquals: { 'aws:RequestedRegion': '${(s.conditions.StringEquals as Record<string, string>)['aws:RequestedRegion']}' },\n}`);
  return `new ${n.ref('iam', 'PolicyStatement')}(${objectLiteral(entries, true)})`;
}

function permissions(ctx: StackCtx): string {
  const { rng, n } = ctx;
  const lines: string[] = [];
  const target = ctx.functions.length ? rng.pick(ctx.functions) : undefined;
  const shape = rng.weighted([['addToRolePolicy', 4], ['policy', 2], ['fromJson', 1], ['resourcePolicy', 2], ['grant', 3]] as const);
  if (shape === 'grant' && target) {
    if (ctx.tables.length) lines.push(`${rng.pick(ctx.tables)}.${rng.pick(['grantReadWriteData', 'grantReadData', 'grantWriteData'])}(${target});`);
    if (ctx.buckets.length) lines.push(`${rng.pick(ctx.buckets)}.${rng.pick(['grantRead', 'grantPut', 'grantReadWrite'])}(${target});`);
    if (ctx.queues.length) lines.push(`${rng.pick(ctx.queues)}.grantSendMessages(${target});`);
    if (lines.length) return lines.join('\n');
  }
  if (shape === 'addToRolePolicy' && target) {
    return `${target}.addToRolePolicy(\n${indent(statementTs(ctx, identityStatement(rng, rng.pick(NOUNS))), 1)},\n);`;
  }
  if (shape === 'resourcePolicy' && ctx.buckets.length) {
    const b = rng.pick(ctx.buckets);
    if (rng.chance(0.7))
      return `${b}.addToResourcePolicy(\n  new ${n.ref('iam', 'PolicyStatement')}({\n    effect: ${n.ref('iam', 'Effect')}.DENY,\n    principals: [new ${n.ref('iam', 'AnyPrincipal')}()],\n    actions: ['s3:*'],\n    resources: [${b}.bucketArn, ${b}.arnForObjects('*')],\n    conditions: { Bool: { 'aws:SecureTransport': 'false' } },\n  }),\n);`;
    return `${b}.addToResourcePolicy(\n  new ${n.ref('iam', 'PolicyStatement')}({\n    principals: [new ${n.ref('iam', rng.pick(['AnyPrincipal', 'StarPrincipal']))}()],\n    actions: ['s3:GetObject'],\n    resources: [${b}.arnForObjects('public/*')],\n  }),\n);`;
  }
  if (shape === 'fromJson') {
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [identityStatement(rng, rng.pick(NOUNS))].map((s) => ({ Effect: s.effect, Action: s.actions, Resource: s.resources })) }, null, 2)
      .replace(/"([A-Za-z]+)":/g, '$1:')
      .replace(/"/g, "'");
    const v = unique(ctx, 'documentPolicy');
    return `const ${v} = new ${n.ref('iam', 'ManagedPolicy')}(this, '${pascal(v)}', {\n  document: ${n.ref('iam', 'PolicyDocument')}.fromJson(${indent(doc, 1).trimStart()}),\n});`;
  }
  const v = unique(ctx, camel(rng.pick(NOUNS), 'policy'));
  const statements = Array.from({ length: rng.int(1, 3) }, () => indent(statementTs(ctx, identityStatement(rng, rng.pick(NOUNS))), 2));
  lines.push(`const ${v} = new ${n.ref('iam', 'Policy')}(this, '${pascal(v)}', {\n  statements: [\n${statements.join(',\n')},\n  ],\n});`);
  if (ctx.roles.length) lines.push(`${v}.attachToRole(${rng.pick(ctx.roles)});`);
  return lines.join('\n');
}

function role(ctx: StackCtx): string {
  const { rng, n } = ctx;
  const noun = rng.pick(NOUNS);
  const v = unique(ctx, camel(noun, 'role'));
  ctx.roles.push(v);
  const shape = rng.weighted([['service', 5], ['account', 2], ['accountExternal', 2], ['arn', 1]] as const);
  const entries: string[] = [];
  if (shape === 'service') entries.push(`assumedBy: new ${n.ref('iam', 'ServicePrincipal')}('${rng.pick(['lambda', 'states', 'ecs-tasks', 'events'])}.amazonaws.com')`);
  else if (shape === 'arn') entries.push(`assumedBy: new ${n.ref('iam', 'ArnPrincipal')}('arn:aws:iam::${accountId(rng)}:role/deploy')`);
  else entries.push(`assumedBy: new ${n.ref('iam', 'AccountPrincipal')}('${accountId(rng)}')`);
  if (shape === 'accountExternal') entries.push(`externalIds: ['${kebab(noun)}-${rng.int(1000, 9999)}']`);
  if (rng.chance(0.6)) entries.push(`managedPolicies: [\n  ${n.ref('iam', 'ManagedPolicy')}.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),\n]`);
  if (rng.chance(0.3)) entries.push(`description: '${pascal(noun)} workload role'`);
  return `const ${v} = new ${n.ref('iam', 'Role')}(this, '${pascal(noun)}Role', ${objectLiteral(entries, true)});`;
}

function wiring(ctx: StackCtx): string {
  const { rng, n } = ctx;
  if (!ctx.functions.length) return '';
  const fn = rng.pick(ctx.functions);
  const shape = rng.pick(['sqs', 'sns', 'rule', 's3', 'api'] as const);
  if (shape === 'sqs' && ctx.queues.length) {
    const opts = rng.chance(0.6) ? '{ batchSize: 10, reportBatchItemFailures: true }' : '{ batchSize: 10 }';
    return `${fn}.addEventSource(new ${n.ref('sources', 'SqsEventSource')}(${rng.pick(ctx.queues)}, ${opts}));`;
  }
  if (shape === 'sns' && ctx.topics.length) return `${rng.pick(ctx.topics)}.addSubscription(new ${n.ref('subs', 'LambdaSubscription')}(${fn}));`;
  if (shape === 's3' && ctx.buckets.length)
    return `${rng.pick(ctx.buckets)}.addEventNotification(\n  ${n.ref('s3', 'EventType')}.OBJECT_CREATED,\n  new ${n.ref('s3n', 'LambdaDestination')}(${fn}),\n  { prefix: 'uploads/' },\n);`;
  if (shape === 'api') {
    const api = unique(ctx, 'api');
    return `const ${api} = new ${n.ref('apigw', 'LambdaRestApi')}(this, '${pascal(api)}', {\n  handler: ${fn},\n  proxy: false,\n});\nconst ${api}Items = ${api}.root.addResource('${rng.pick(NOUNS)}s');\n${api}Items.addMethod('GET');\n${api}Items.addMethod('POST');`;
  }
  return `new ${n.ref('events', 'Rule')}(this, '${pascal(rng.pick(VERBS))}Schedule${rng.int(1, 99)}', {\n  schedule: ${n.ref('events', 'Schedule')}.rate(${dur(ctx, 'minutes', rng.pick([5, 15, 60]))}),\n  targets: [new ${n.ref('targets', 'LambdaFunction')}(${fn})],\n});`;
}

function outputs(ctx: StackCtx): string {
  const out: string[] = [];
  for (const b of ctx.buckets.slice(0, 2)) out.push(`new ${ctx.n.ref('core', 'CfnOutput')}(this, '${pascal(b)}Name', { value: ${b}.bucketName });`);
  for (const t of ctx.tables.slice(0, 1)) out.push(`new ${ctx.n.ref('core', 'CfnOutput')}(this, '${pascal(t)}Arn', { value: ${t}.tableArn, exportName: \`\${this.stackName}-${t}\` });`);
  if (ctx.rng.chance(0.5)) out.push(`${ctx.n.ref('core', 'Tags')}.of(this).add('team', '${ctx.rng.pick(['payments', 'platform', 'growth', 'data'])}');`);
  return out.join('\n');
}

function loopOfBuckets(ctx: StackCtx): string {
  const names = ctx.rng.some(NOUNS, 2, 4);
  const ctor = ctx.n.ref('s3', 'Bucket');
  return `for (const name of [${names.map((x) => `'${x}'`).join(', ')}]) {\n  new ${ctor}(this, \`\${name}Bucket\`, {\n    blockPublicAccess: ${ctx.n.ref('s3', 'BlockPublicAccess')}.BLOCK_ALL,\n    enforceSSL: true,\n    versioned: props${ctx.ts ? '?' : ''}.stage === 'prod',\n  });\n}`;
}

const STYLES_TS: readonly (readonly [ImportStyle, number])[] = [['namespace', 5], ['named', 3], ['awsUnderscore', 2], ['cdkNamespace', 1], ['v1', 1]];
const STYLES_JS: readonly (readonly [ImportStyle, number])[] = [['require', 3], ['requireNamed', 2], ['namespace', 1]];

export interface CdkFileOptions {
  ts: boolean;
  /** Roughly how many constructs; the big-file generator asks for many. */
  constructs: number;
  kind: 'stack' | 'construct';
}

export function cdkFile(rng: Rng, opts: CdkFileOptions): string {
  const style = rng.weighted(opts.ts ? STYLES_TS : STYLES_JS);
  const n = new CdkNames(style, !opts.ts);
  const ctx: StackCtx = { rng, n, ts: opts.ts, prelude: [], helpers: [], usedNames: new Set(['props', 'id', 'scope']), buckets: [], functions: [], tables: [], queues: [], topics: [], roles: [], usesPath: false };
  const body: string[] = [];
  const makers = [bucket, queue, table, lambdaFunction, lambdaFunction, permissions, role, wiring, topic];
  for (let i = 0; i < opts.constructs; i++) {
    const make = i < 3 ? [bucket, table, queue][i] : rng.chance(0.05) ? loopOfBuckets : rng.pick(makers);
    const stmt = make(ctx);
    if (!stmt) continue;
    if (rng.chance(0.25)) body.push(`// ${pascal(rng.pick(VERBS))} ${rng.pick(NOUNS)}s for the ${rng.pick(['API', 'pipeline', 'nightly job', 'consumers'])}.`);
    body.push(stmt, '');
    if (rng.chance(0.08)) body.push(`if (props${ctx.ts ? '?' : ''}.stage === 'prod') {\n${indent(make(ctx) || '// nothing extra outside production', 1)}\n}`, '');
  }
  body.push(outputs(ctx));
  const name = pascal(rng.pick(NOUNS), rng.pick(['Service', 'Platform', 'Pipeline', 'Api', 'Storage']));
  const className = opts.kind === 'stack' ? `${name}Stack` : `${name}`;
  const propsType = `${className}Props`;
  const base = opts.kind === 'stack' ? n.ref('core', 'Stack') : n.constructType();
  const scopeType = n.constructType();
  const lines: string[] = [];
  const classLines: string[] = [];
  if (opts.ts) {
    const extendsProps = opts.kind === 'stack' ? ` extends ${n.ref('core', 'StackProps')}` : '';
    classLines.push(`export interface ${propsType}${extendsProps} {\n  stage: string;\n  alarmEmail?: string;\n}\n`);
  }
  classLines.push(`/**\n * ${className}: the ${rng.pick(NOUNS)} ${rng.pick(VERBS)} workload.\n */`);
  const exportKw = style === 'require' || style === 'requireNamed' ? '' : 'export ';
  classLines.push(`${exportKw}class ${className} extends ${base} {`);
  const params = opts.ts ? `scope: ${scopeType}, id: string, props${opts.kind === 'stack' ? '?' : ''}: ${propsType}` : 'scope, id, props';
  const superCall = opts.kind === 'stack' ? 'super(scope, id, props);' : 'super(scope, id);';
  classLines.push(indent(`constructor(${params}) {\n  ${superCall}\n\n${indent(body.join('\n').trimEnd(), 1)}\n}`, 1));
  for (const h of ctx.helpers) classLines.push('', indent(h, 1));
  classLines.push('}');
  if (!exportKw) classLines.push('', `module.exports = { ${className} };`);
  const header = n.header();
  if (ctx.usesPath) lines.push(style === 'require' || style === 'requireNamed' ? "const path = require('path');" : opts.ts || rng.chance(0.5) ? "import * as path from 'path';" : "import path from 'node:path';");
  lines.push(header);
  lines.push('');
  if (ctx.prelude.length) lines.push(ctx.prelude.join('\n\n'), '');
  lines.push(classLines.join('\n'));
  return lines.join('\n') + '\n';
}

/** `bin/app.ts`: the app entry instantiating stacks. */
export function cdkApp(rng: Rng, ts: boolean): string {
  const stacks = rng.some(NOUNS, 2, 5).map((x) => `${pascal(x)}ServiceStack`);
  const lines = [ts ? "#!/usr/bin/env node\nimport 'source-map-support/register';\nimport * as cdk from 'aws-cdk-lib';" : "#!/usr/bin/env node\nconst cdk = require('aws-cdk-lib');"];
  for (const s of stacks) lines.push(ts ? `import { ${s} } from '../lib/${kebab(s)}';` : `const { ${s} } = require('../lib/${kebab(s)}');`);
  lines.push('', 'const app = new cdk.App();', "const stage = app.node.tryGetContext('stage') ?? 'dev';", 'const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };', '');
  for (const s of stacks) lines.push(`new ${s}(app, \`${s}-\${stage}\`, { env, stage });`);
  return lines.join('\n') + '\n';
}
