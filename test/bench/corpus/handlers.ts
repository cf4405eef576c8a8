// Lambda handlers in TypeScript and JavaScript (ESM and CommonJS), SDK v3 and legacy v2, every
// handler form (`export const`, `export async function`, `exports.handler`, middy), with the
// guide's good patterns and its anti-patterns mixed.
import { NOUNS, Rng, VERBS, camel, indent, pascal } from './rng';

type ModuleSystem = 'esm' | 'cjs';

class Imports {
  private readonly named = new Map<string, Set<string>>();
  private readonly defaults = new Map<string, string>();

  constructor(readonly system: ModuleSystem) {}

  use(module: string, name: string): string {
    let set = this.named.get(module);
    if (!set) this.named.set(module, (set = new Set()));
    set.add(name);
    return name;
  }

  useDefault(module: string, name: string): string {
    this.defaults.set(module, name);
    return name;
  }

  header(typeImports: string[]): string {
    const lines: string[] = [];
    for (const [module, name] of this.defaults) lines.push(this.system === 'esm' ? `import ${name} from '${module}';` : `const ${name} = require('${module}');`);
    for (const [module, names] of [...this.named].sort(([a], [b]) => a.localeCompare(b))) {
      const list = [...names].sort().join(', ');
      lines.push(this.system === 'esm' ? `import { ${list} } from '${module}';` : `const { ${list} } = require('${module}');`);
    }
    if (typeImports.length) lines.push(`import type { ${typeImports.join(', ')} } from 'aws-lambda';`);
    return lines.join('\n');
  }
}

type EventKind = 'api' | 'sqs' | 's3' | 'stream' | 'schedule';

const EVENT_TYPES: Record<EventKind, [string, string]> = {
  api: ['APIGatewayProxyEvent', 'Promise<APIGatewayProxyResult>'],
  sqs: ['SQSEvent', 'Promise<SQSBatchResponse | void>'],
  s3: ['S3Event', 'Promise<void>'],
  stream: ['DynamoDBStreamEvent', 'Promise<void>'],
  schedule: ['ScheduledEvent', 'Promise<void>'],
};

interface HandlerCtx {
  rng: Rng;
  ts: boolean;
  imp: Imports;
  /** Module-scope statements (clients, env constants, caches). */
  top: string[];
  /** Statements at the start of the handler body (clients built per request: the anti-pattern). */
  inner: string[];
  helpers: string[];
  good: boolean;
  noun: string;
  v2: boolean;
}

function client(ctx: HandlerCtx, module: string, cls: string, varName: string, extra = ''): string {
  if (ctx.v2) return varName;
  const name = ctx.imp.use(module, cls);
  let config = '{}';
  if (ctx.rng.chance(0.1)) config = `{ region: '${ctx.rng.pick(['us-east-1', 'eu-west-1'])}' }`;
  if (!ctx.good && ctx.rng.chance(0.08)) config = "{\n  region: 'us-east-1',\n  credentials: {\n    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',\n    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',\n  },\n}";
  else if (!ctx.good && ctx.rng.chance(0.08)) config = "{ endpoint: 'http://localhost:4566', region: 'us-east-1' }";
  else if (ctx.rng.chance(0.1)) config = '{ endpoint: process.env.AWS_ENDPOINT_URL || undefined }';
  const decl = `const ${varName} = new ${name}(${config});${extra}`;
  if (!ctx.good && ctx.rng.chance(0.35)) ctx.inner.push(decl);
  else if (!ctx.top.some((t) => t.startsWith(`const ${varName} =`))) ctx.top.push(decl);
  return varName;
}

function env(ctx: HandlerCtx, name: string): string {
  const c = name;
  if (ctx.top.some((t) => t.includes(`const ${c} =`))) return c;
  const style = ctx.good ? 'checked' : ctx.rng.pick(['bang', 'inner', 'checked', 'fallback'] as const);
  if (style === 'inner') {
    ctx.inner.push(`const ${c} = process.env.${name}${ctx.ts ? '!' : ''};`);
    return c;
  }
  if (style === 'bang' && ctx.ts) ctx.top.push(`const ${c} = process.env.${name}!;`);
  else if (style === 'fallback') ctx.top.push(`const ${c} = process.env.${name} ?? '';`);
  else {
    ctx.top.push(`const ${c} = process.env.${name};`);
    ctx.top.push(`if (!${c}) {\n  throw new Error('Missing required environment variable ${name}');\n}`);
  }
  return c;
}

function ddb(ctx: HandlerCtx): string {
  if (ctx.v2) {
    if (!ctx.top.some((t) => t.includes('DocumentClient'))) ctx.top.push('const docClient = new AWS.DynamoDB.DocumentClient();');
    return 'docClient';
  }
  const base = client(ctx, '@aws-sdk/client-dynamodb', 'DynamoDBClient', 'ddbClient');
  const from = ctx.imp.use('@aws-sdk/lib-dynamodb', 'DynamoDBDocumentClient');
  if (!ctx.top.some((t) => t.startsWith('const docClient'))) {
    const decl = `const docClient = ${from}.from(${base}, { marshallOptions: { removeUndefinedValues: true } });`;
    if (ctx.inner.some((s) => s.includes(base))) ctx.inner.push(decl);
    else ctx.top.push(decl);
  }
  return 'docClient';
}

function v2call(ctx: HandlerCtx, call: string): string {
  return ctx.v2 ? `${call}.promise()` : call;
}

function putItem(ctx: HandlerCtx, item: string): string {
  const table = env(ctx, 'TABLE_NAME');
  const doc = ddb(ctx);
  if (ctx.v2) return `await ${v2call(ctx, `${doc}.put({ TableName: ${table}, Item: ${item}, ConditionExpression: 'attribute_not_exists(PK)' })`)};`;
  const cmd = ctx.imp.use('@aws-sdk/lib-dynamodb', 'PutCommand');
  return `await ${doc}.send(\n  new ${cmd}({\n    TableName: ${table},\n    Item: ${item},\n    ConditionExpression: 'attribute_not_exists(PK)',\n  }),\n);`;
}

function errorCheck(ctx: HandlerCtx, err: string): string {
  if (ctx.good || ctx.rng.chance(0.5)) {
    if (ctx.v2) return `${err}.code === 'ConditionalCheckFailedException'`;
    const cls = ctx.imp.use('@aws-sdk/client-dynamodb', 'ConditionalCheckFailedException');
    return ctx.rng.chance(0.5) ? `${err} instanceof ${cls}` : `(${err} as Error).name === 'ConditionalCheckFailedException'`.replace(ctx.ts ? '' : ' as Error', '');
  }
  return ctx.ts ? `(${err} as { code?: string }).code === 'ConditionalCheckFailedException'` : `${err}.code === 'ConditionalCheckFailedException'`;
}

function apiBody(ctx: HandlerCtx): string {
  const { rng, noun } = ctx;
  const lines: string[] = [];
  lines.push(`const body = JSON.parse(event.body ?? '{}')${ctx.ts ? ` as ${pascal(noun)}Input` : ''};`);
  lines.push(`const errors = validate${pascal(noun)}(body);`);
  lines.push(`if (errors.length > 0) {\n  return { statusCode: 400, body: JSON.stringify({ errors }) };\n}`);
  lines.push(`const id = event.pathParameters?.id ?? randomUUID();`);
  ctx.imp.use(ctx.imp.system === 'esm' ? 'node:crypto' : 'crypto', 'randomUUID');
  lines.push(putItem(ctx, `{ PK: \`${noun.toUpperCase()}#\${id}\`, SK: 'META', ...body, createdAt: new Date().toISOString() }`));
  if (rng.chance(0.4) && !ctx.v2) {
    const presign = ctx.imp.use('@aws-sdk/s3-request-presigner', 'getSignedUrl');
    const s3 = client(ctx, '@aws-sdk/client-s3', 'S3Client', 's3Client');
    const put = rng.chance(0.5);
    const cmd = ctx.imp.use('@aws-sdk/client-s3', put ? 'PutObjectCommand' : 'GetObjectCommand');
    const bucket = env(ctx, 'BUCKET_NAME');
    const expires = ctx.good ? rng.pick([300, 900]) : rng.pick([900, 3600, 86400, 700000]);
    const contentType = put && (ctx.good || rng.chance(0.5)) ? `,\n    ContentType: 'image/jpeg'` : '';
    lines.push(`const url = await ${presign}(\n  ${s3},\n  new ${cmd}({\n    Bucket: ${bucket},\n    Key: \`uploads/\${id}\`${contentType},\n  }),\n  { expiresIn: ${expires} },\n);`);
    lines.push(`return { statusCode: 201, body: JSON.stringify({ id, url }) };`);
  } else lines.push(`return { statusCode: 201, body: JSON.stringify({ id }) };`);
  const leak = !ctx.good && rng.chance(0.5);
  const catchBody = leak
    ? `console.error('Request failed', error);\nreturn {\n  statusCode: 500,\n  body: JSON.stringify({ message: ${ctx.ts ? '(error as Error)' : 'error'}.message }),\n};`
    : `if (${errorCheck(ctx, 'error')}) {\n  return { statusCode: 409, body: JSON.stringify({ error: 'Already exists' }) };\n}\nconsole.error('Handler error:', error);\nreturn { statusCode: 500, body: JSON.stringify({ error: 'Internal error' }) };`;
  return `try {\n${indent(lines.join('\n'), 1)}\n} catch (error) {\n${indent(catchBody, 1)}\n}`;
}

function sqsBody(ctx: HandlerCtx): string {
  const { rng } = ctx;
  const out: string[] = [];
  const reportFailures = ctx.good || rng.chance(0.5);
  if (reportFailures) out.push(`const failures${ctx.ts ? ': SQSBatchItemFailure[]' : ''} = [];`);
  const forward = rng.chance(0.5) && !ctx.v2;
  let sendLine = '';
  if (forward) {
    const sqs = client(ctx, '@aws-sdk/client-sqs', 'SQSClient', 'sqsClient');
    const queue = env(ctx, 'QUEUE_URL');
    if (ctx.good) {
      const batch = ctx.imp.use('@aws-sdk/client-sqs', 'SendMessageBatchCommand');
      out.push(`const outgoing${ctx.ts ? ': { Id: string; MessageBody: string }[]' : ''} = [];`);
      sendLine = `outgoing.push({ Id: record.messageId, MessageBody: JSON.stringify(result) });`;
      ctx.helpers.push(
        `async function flush(entries${ctx.ts ? ': { Id: string; MessageBody: string }[]' : ''})${ctx.ts ? ': Promise<void>' : ''} {\n  for (let i = 0; i < entries.length; i += 10) {\n    await ${sqs}.send(new ${batch}({ QueueUrl: ${queue}, Entries: entries.slice(i, i + 10) }));\n  }\n}`,
      );
    } else {
      const send = ctx.imp.use('@aws-sdk/client-sqs', 'SendMessageCommand');
      const fifo = rng.chance(0.3) ? `${queue}_FIFO` : queue;
      if (fifo !== queue) ctx.top.push(`const ${fifo} = 'https://sqs.us-east-1.amazonaws.com/123456789012/${ctx.noun}-events.fifo';`);
      sendLine = `await ${sqs}.send(new ${send}({ QueueUrl: ${fifo}, MessageBody: JSON.stringify(result) }));`;
    }
  }
  const loop = `for (const record of event.Records) {\n  try {\n    const message = JSON.parse(record.body);\n    const result = await handle${pascal(ctx.noun)}(message);\n${sendLine ? `    ${sendLine}\n` : ''}  } catch (error) {\n    console.error(\`Failed: \${record.messageId}\`, error);\n${reportFailures ? '    failures.push({ itemIdentifier: record.messageId });\n' : '    throw error;\n'}  }\n}`;
  out.push(loop);
  if (forward && ctx.good) out.push('await flush(outgoing);');
  if (reportFailures) out.push('return { batchItemFailures: failures };');
  return out.join('\n');
}

function s3Body(ctx: HandlerCtx): string {
  const { rng } = ctx;
  if (ctx.v2) return `for (const record of event.Records) {\n  const object = await ${v2call(ctx, 's3.getObject({ Bucket: record.s3.bucket.name, Key: record.s3.object.key })')};\n  await ${v2call(ctx, `s3.putObject({ Bucket: OUTPUT_BUCKET, Key: record.s3.object.key, Body: transform(object.Body) })`)};\n}`;
  const s3 = client(ctx, '@aws-sdk/client-s3', 'S3Client', 's3Client');
  const get = ctx.imp.use('@aws-sdk/client-s3', 'GetObjectCommand');
  const bucket = env(ctx, 'OUTPUT_BUCKET');
  const lines = [`const key = decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' '));`, `const object = await ${s3}.send(new ${get}({ Bucket: record.s3.bucket.name, Key: key }));`];
  if (!ctx.good && rng.chance(0.5)) {
    const put = ctx.imp.use('@aws-sdk/client-s3', 'PutObjectCommand');
    const stream = ctx.imp.use(ctx.imp.system === 'esm' ? 'node:fs' : 'fs', 'createReadStream');
    lines.push(`const tmp = await writeTemp(object.Body${ctx.ts ? ' as Readable' : ''});`);
    if (ctx.ts) ctx.imp.use(ctx.imp.system === 'esm' ? 'node:stream' : 'stream', 'Readable');
    lines.push(`await ${s3}.send(new ${put}({ Bucket: ${bucket}, Key: \`processed/\${key}\`, Body: ${stream}(tmp) }));`);
  } else {
    const upload = ctx.imp.use('@aws-sdk/lib-storage', 'Upload');
    lines.push(
      `const upload = new ${upload}({\n  client: ${s3},\n  params: { Bucket: ${bucket}, Key: \`processed/\${key}\`, Body: object.Body${ctx.ts ? ' as Readable' : ''} },\n  partSize: 10 * 1024 * 1024,\n  leavePartsOnError: ${ctx.good ? 'false' : rng.pick(['false', 'true'])},\n});`,
      `upload.on('httpUploadProgress', (progress) => {\n  console.log(\`\${progress.loaded}/\${progress.total}\`);\n});`,
      'await upload.done();',
    );
    if (ctx.ts) ctx.imp.use(ctx.imp.system === 'esm' ? 'node:stream' : 'stream', 'Readable');
  }
  return `for (const record of event.Records) {\n${indent(lines.join('\n'), 1)}\n}`;
}

function streamBody(ctx: HandlerCtx): string {
  const publish = ctx.v2 ? 'sns.publish' : '';
  if (ctx.v2) return `for (const record of event.Records) {\n  if (record.eventName !== 'INSERT') continue;\n  await ${v2call(ctx, `${publish}({ TopicArn: TOPIC_ARN, Message: JSON.stringify(record.dynamodb.NewImage) })`)};\n}`;
  const sns = client(ctx, '@aws-sdk/client-sns', 'SNSClient', 'snsClient');
  const cmd = ctx.imp.use('@aws-sdk/client-sns', 'PublishCommand');
  const topic = env(ctx, 'TOPIC_ARN');
  return `const inserts = event.Records.filter((r) => r.eventName === 'INSERT');\nawait Promise.all(\n  inserts.map((record) =>\n    ${sns}.send(new ${cmd}({ TopicArn: ${topic}, Message: JSON.stringify(record.dynamodb${ctx.ts ? '?' : ''}.NewImage) })),\n  ),\n);`;
}

function scheduleBody(ctx: HandlerCtx): string {
  if (ctx.v2) return `const result = await ${v2call(ctx, `${ddb(ctx)}.scan({ TableName: TABLE_NAME })`)};\nconsole.log(\`Scanned \${result.Items.length} items\`);`;
  const doc = ddb(ctx);
  const table = env(ctx, 'TABLE_NAME');
  if (ctx.good) {
    const q = ctx.imp.use('@aws-sdk/lib-dynamodb', 'paginateQuery');
    return `let count = 0;\nfor await (const page of ${q}({ client: ${doc} }, { TableName: ${table}, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'ACTIVE' } })) {\n  count += page.Items?.length ?? 0;\n}\nconsole.log(\`Processed \${count} active items\`);`;
  }
  const scan = ctx.imp.use('@aws-sdk/lib-dynamodb', 'ScanCommand');
  return `const result = await ${doc}.send(new ${scan}({ TableName: ${table} }));\nconst stale = (result.Items ?? []).filter((item) => Date.parse(item.updatedAt) < Date.now() - 86_400_000);\nconsole.log(\`Found \${stale.length} stale items\`);`;
}

function secrets(ctx: HandlerCtx): void {
  if (ctx.v2) return;
  const sm = client(ctx, '@aws-sdk/client-secrets-manager', 'SecretsManagerClient', 'secretsClient');
  const cmd = ctx.imp.use('@aws-sdk/client-secrets-manager', 'GetSecretValueCommand');
  if (ctx.good || ctx.rng.chance(0.5)) {
    ctx.top.push(`let cachedSecret${ctx.ts ? ': string | undefined' : ''};`);
    ctx.helpers.push(
      `async function getSecret()${ctx.ts ? ': Promise<string>' : ''} {\n  if (!cachedSecret) {\n    const response = await ${sm}.send(new ${cmd}({ SecretId: process.env.SECRET_ARN }));\n    cachedSecret = response.SecretString${ctx.ts ? '!' : ''};\n  }\n  return cachedSecret;\n}`,
    );
    ctx.inner.push('const apiKey = await getSecret();');
  } else {
    ctx.inner.push(`const secret = await ${sm}.send(new ${cmd}({ SecretId: process.env.SECRET_ARN }));`, 'const apiKey = secret.SecretString;');
  }
  ctx.inner.push("console.debug('Using API key of length', apiKey?.length);");
}

function helperFunctions(ctx: HandlerCtx, kind: EventKind): string[] {
  const { noun, ts } = ctx;
  const T = pascal(noun);
  const out: string[] = [];
  if (kind === 'api') {
    if (ts) out.push(`interface ${T}Input {\n  name: string;\n  quantity: number;\n  tags?: string[];\n}`);
    out.push(
      `function validate${T}(input${ts ? `: Partial<${T}Input>` : ''})${ts ? ': string[]' : ''} {\n  const errors${ts ? ': string[]' : ''} = [];\n  if (!input.name || input.name.trim().length === 0) errors.push('name is required');\n  if (typeof input.quantity !== 'number' || input.quantity < 1) errors.push('quantity must be positive');\n  if (input.tags && input.tags.some((t) => t.length > 64)) errors.push('tags are limited to 64 characters');\n  return errors;\n}`,
    );
  }
  if (kind === 'sqs') {
    out.push(
      `async function handle${T}(message${ts ? ': Record<string, unknown>' : ''})${ts ? ': Promise<Record<string, unknown>>' : ''} {\n  const startedAt = Date.now();\n  const normalized = Object.fromEntries(Object.entries(message).map(([k, v]) => [k.toLowerCase(), v]));\n  return { ...normalized, processedAt: new Date(startedAt).toISOString() };\n}`,
    );
  }
  if (kind === 's3') {
    out.push(
      `async function writeTemp(body${ts ? ': Readable' : ''})${ts ? ': Promise<string>' : ''} {\n  const chunks${ts ? ': Buffer[]' : ''} = [];\n  for await (const chunk of body) chunks.push(Buffer.from(chunk));\n  const file = \`/tmp/\${Date.now()}.bin\`;\n  await writeFile(file, Buffer.concat(chunks));\n  return file;\n}`,
    );
    ctx.imp.use(ctx.imp.system === 'esm' ? 'node:fs/promises' : 'fs/promises', 'writeFile');
  }
  return out;
}

/** The small helpers handler files grow: structured logging, response shaping, record parsing. */
function supportCode(ctx: HandlerCtx): string[] {
  const { ts, rng } = ctx;
  const out: string[] = [];
  if (ts) out.push(`type LogLevel = 'debug' | 'info' | 'warn' | 'error';`);
  out.push(
    `function log(level${ts ? ': LogLevel' : ''}, message${ts ? ': string' : ''}, fields${ts ? ': Record<string, unknown>' : ''} = {})${ts ? ': void' : ''} {\n  const entry = { level, message, service: '${ctx.noun}', timestamp: new Date().toISOString(), ...fields };\n  if (level === 'error') console.error(JSON.stringify(entry));\n  else console.log(JSON.stringify(entry));\n}`,
  );
  if (rng.chance(0.6))
    out.push(
      `function response(statusCode${ts ? ': number' : ''}, body${ts ? ': unknown' : ''}, headers${ts ? ': Record<string, string>' : ''} = {})${ts ? ' ' : ''}{\n  return {\n    statusCode,\n    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },\n    body: JSON.stringify(body),\n  };\n}`,
    );
  if (rng.chance(0.6))
    out.push(
      `const chunk = ${ts ? '<T>' : ''}(items${ts ? ': T[]' : ''}, size${ts ? ': number' : ''})${ts ? ': T[][]' : ''} => {\n  const out${ts ? ': T[][]' : ''} = [];\n  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));\n  return out;\n};`,
    );
  if (rng.chance(0.5))
    out.push(
      `function parseDate(value${ts ? ': string | undefined' : ''})${ts ? ': Date | undefined' : ''} {\n  if (!value) return undefined;\n  const time = Date.parse(value);\n  return Number.isNaN(time) ? undefined : new Date(time);\n}`,
    );
  return out;
}

function v2Header(ctx: HandlerCtx): void {
  if (!ctx.v2) return;
  ctx.imp.useDefault('aws-sdk', 'AWS');
  ctx.top.push("const s3 = new AWS.S3();\nconst sns = new AWS.SNS();\nconst OUTPUT_BUCKET = process.env.OUTPUT_BUCKET;\nconst TOPIC_ARN = process.env.TOPIC_ARN;\nconst TABLE_NAME = process.env.TABLE_NAME;\nconst transform = (body) => body;");
}

export function handlerFile(rng: Rng, lang: 'ts' | 'esm' | 'cjs'): string {
  const ts = lang === 'ts';
  const system: ModuleSystem = lang === 'cjs' ? 'cjs' : 'esm';
  const kind = rng.pick(['api', 'api', 'sqs', 's3', 'stream', 'schedule'] as const);
  const ctx: HandlerCtx = { rng, ts, imp: new Imports(system), top: [], inner: [], helpers: [], good: rng.chance(0.45), noun: rng.pick(NOUNS), v2: !ts && lang === 'cjs' && rng.chance(0.35) };
  v2Header(ctx);
  const body = { api: apiBody, sqs: sqsBody, s3: s3Body, stream: streamBody, schedule: scheduleBody }[kind](ctx);
  if (rng.chance(0.3) && kind !== 's3') secrets(ctx);
  const helpers = [...helperFunctions(ctx, kind), ...ctx.helpers];
  if (rng.chance(0.5)) helpers.push(...supportCode(ctx));
  const [eventType, resultType] = EVENT_TYPES[kind];
  const types = ts ? [eventType, ...(kind === 'api' ? ['APIGatewayProxyResult'] : []), ...(kind === 'sqs' ? ['SQSBatchItemFailure', 'SQSBatchResponse'] : [])] : [];
  const params = ts ? `event: ${eventType}` : 'event';
  const ret = ts ? `: ${resultType}` : '';
  const fullBody = [...ctx.inner, ...(ctx.inner.length ? [''] : []), body].join('\n');
  const form = system === 'cjs' ? rng.pick(['exports', 'moduleExports', 'exportsFn'] as const) : rng.weighted([['exportConst', 5], ['exportFunction', 3], ['middy', 1]] as const);
  const fnName = camel(rng.pick(VERBS), ctx.noun);
  let handler: string;
  switch (form) {
    case 'exportConst':
      handler = `export const handler = async (${params})${ret} => {\n${indent(fullBody, 1)}\n};`;
      break;
    case 'exportFunction':
      handler = `export async function handler(${params})${ret} {\n${indent(fullBody, 1)}\n}`;
      break;
    case 'middy':
      ctx.imp.useDefault('@middy/core', 'middy');
      ctx.imp.useDefault('@middy/http-json-body-parser', 'jsonBodyParser');
      handler = `const ${fnName} = async (${params})${ret} => {\n${indent(fullBody, 1)}\n};\n\nexport const handler = middy(${fnName}).use(jsonBodyParser());`;
      break;
    case 'exports':
      handler = `exports.handler = async (event) => {\n${indent(fullBody, 1)}\n};`;
      break;
    case 'moduleExports':
      handler = `module.exports.handler = async function (event, context) {\n  context.callbackWaitsForEmptyEventLoop = false;\n${indent(fullBody, 1)}\n};`;
      break;
    default:
      handler = `async function ${fnName}(event) {\n${indent(fullBody, 1)}\n}\n\nmodule.exports = { handler: ${fnName} };`;
  }
  const parts = [ctx.imp.header(types), ''];
  if (ctx.top.length) parts.push(ctx.top.join('\n'), '');
  for (const h of helpers) parts.push(h, '');
  parts.push(handler);
  return parts.join('\n') + '\n';
}
