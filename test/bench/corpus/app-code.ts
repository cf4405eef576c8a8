// The rest of a real repository: domain code with no AWS in it (types, services, mappers) and
// tests (CDK assertions, SDK mocks). The engine walks all of it, so it belongs in the corpus.
import { NOUNS, Rng, VERBS, camel, indent, kebab, pascal } from './rng';

const FIELD_TYPES = [
  ['string', "''"],
  ['number', '0'],
  ['boolean', 'false'],
  ['Date', 'new Date(0)'],
  ['string[]', '[]'],
] as const;

function fields(rng: Rng): { name: string; type: string; init: string; optional: boolean }[] {
  const names = rng.some(['id', 'name', 'status', 'createdAt', 'updatedAt', 'amount', 'currency', 'email', 'tags', 'owner', 'priority', 'version', 'region', 'score'], 3, 9);
  return names.map((name) => {
    const [type, init] = rng.pick(FIELD_TYPES);
    return { name, type, init, optional: rng.chance(0.25) };
  });
}

/** A domain module: interfaces, an enum, a class with methods, pure helpers. */
export function domainModule(rng: Rng, ts: boolean): string {
  const noun = rng.pick(NOUNS);
  const T = pascal(noun);
  const fs = fields(rng);
  const out: string[] = [];
  if (ts) {
    out.push(`export enum ${T}Status {\n  Pending = 'PENDING',\n  Active = 'ACTIVE',\n  Archived = 'ARCHIVED',\n}\n`);
    out.push(`export interface ${T} {\n${fs.map((f) => `  ${f.name}${f.optional ? '?' : ''}: ${f.type};`).join('\n')}\n  status: ${T}Status;\n}\n`);
    out.push(`export type ${T}Patch = Partial<Omit<${T}, 'id'>>;\n`);
    out.push(`export type Result<T, E = Error> = { ok: true; value: T } | { ok: false; error: E };\n`);
  }
  const repo = `${T}Repository`;
  const methods: string[] = [];
  methods.push(`constructor(${ts ? 'private readonly store: Map<string, ' + T + '> = new Map()' : 'store = new Map()'}) {${ts ? '' : '\n  this.store = store;\n'}}`);
  methods.push(`${ts ? 'async ' : 'async '}get(id${ts ? ': string' : ''})${ts ? `: Promise<${T} | undefined>` : ''} {\n  return this.store.get(id);\n}`);
  methods.push(
    `async save(item${ts ? `: ${T}` : ''})${ts ? `: Promise<Result<${T}>>` : ''} {\n  if (!item.id) {\n    return { ok: false, error: new Error('id is required') };\n  }\n  const existing = this.store.get(item.id);\n  const merged = existing ? { ...existing, ...item } : item;\n  this.store.set(item.id, merged);\n  return { ok: true, value: merged };\n}`,
  );
  methods.push(
    `list(filter${ts ? `: (item: ${T}) => boolean` : ''} = () => true)${ts ? `: ${T}[]` : ''} {\n  return [...this.store.values()].filter(filter).sort((a, b) => String(a.id).localeCompare(String(b.id)));\n}`,
  );
  for (let i = 0; i < rng.int(1, 4); i++) {
    const verb = rng.pick(VERBS);
    methods.push(
      `${verb}${T}s(${ts ? `status: ${T}Status` : 'status'})${ts ? ': number' : ''} {\n  let count = 0;\n  for (const item of this.store.values()) {\n    if (item.status !== status) continue;\n    switch (item.status) {\n      case ${ts ? `${T}Status.Pending` : "'PENDING'"}:\n        count += 2;\n        break;\n      case ${ts ? `${T}Status.Active` : "'ACTIVE'"}:\n        count += 1;\n        break;\n      default:\n        break;\n    }\n  }\n  return count;\n}`,
    );
  }
  const exp = ts || rng.chance(0.5) ? 'export ' : '';
  out.push(`${exp}class ${repo} {\n${methods.map((m) => indent(m, 1)).join('\n\n')}\n}\n`);
  out.push(
    `${exp}function to${T}Dto(item${ts ? `: ${T}` : ''})${ts ? ': Record<string, unknown>' : ''} {\n  return {\n${fs.map((f) => `    ${f.name}: item.${f.name}${f.type === 'Date' ? (f.optional ? '?.toISOString()' : '.toISOString()') : ''},`).join('\n')}\n  };\n}\n`,
  );
  out.push(
    `${exp}function empty${T}()${ts ? `: ${T}` : ''} {\n  return {\n${fs.map((f) => `    ${f.name}: ${f.init},`).join('\n')}\n    status: ${ts ? `${T}Status.Pending` : "'PENDING'"},\n  };\n}\n`,
  );
  out.push(
    `${exp}const ${camel('format', noun)} = (item${ts ? `: Pick<${T}, 'status'>` : ''}, locale = 'en-US')${ts ? ': string' : ''} =>\n  \`\${item.status.toLowerCase()} (\${new Intl.DateTimeFormat(locale).format(new Date())})\`;\n`,
  );
  if (!exp) out.push(`module.exports = { ${repo}, to${T}Dto, empty${T}, ${camel('format', noun)} };\n`);
  return out.join('\n');
}

export function cdkTestFile(rng: Rng): string {
  const noun = rng.pick(NOUNS);
  const stack = `${pascal(noun)}ServiceStack`;
  const cases: string[] = [];
  for (let i = 0; i < rng.int(2, 6); i++) {
    const type = rng.pick(['AWS::S3::Bucket', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::SQS::Queue']);
    const props =
      type === 'AWS::S3::Bucket'
        ? "{\n      VersioningConfiguration: { Status: 'Enabled' },\n      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true }),\n    }"
        : type === 'AWS::Lambda::Function'
          ? "{\n      Runtime: 'nodejs22.x',\n      Timeout: 30,\n      MemorySize: Match.anyValue(),\n    }"
          : type === 'AWS::DynamoDB::Table'
            ? "{\n      BillingMode: 'PAY_PER_REQUEST',\n      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },\n    }"
            : '{\n      MessageRetentionPeriod: 1209600,\n    }';
    cases.push(`  test('${type} is configured (${i + 1})', () => {\n    template.hasResourceProperties('${type}', ${props});\n  });`);
  }
  cases.push(`  test('matches the resource count', () => {\n    template.resourceCountIs('AWS::Lambda::Function', ${rng.int(1, 6)});\n  });`);
  return `import { App } from 'aws-cdk-lib';\nimport { Match, Template } from 'aws-cdk-lib/assertions';\nimport { ${stack} } from '../lib/${kebab(stack)}';\n\ndescribe('${stack}', () => {\n  const app = new App();\n  const stack = new ${stack}(app, 'Test', { stage: 'test' });\n  const template = Template.fromStack(stack);\n\n${cases.join('\n\n')}\n});\n`;
}

export function handlerTestFile(rng: Rng): string {
  const noun = rng.pick(NOUNS);
  const tests: string[] = [];
  for (let i = 0; i < rng.int(2, 5); i++) {
    tests.push(
      `  it('${rng.pick(VERBS)}s a ${noun} (${i + 1})', async () => {\n    ddbMock.on(PutCommand).resolves({});\n    const result = await handler({ body: JSON.stringify({ name: 'x', quantity: ${i + 1} }) } as never);\n    expect(result.statusCode).toBe(201);\n    expect(ddbMock.commandCalls(PutCommand)).toHaveLength(1);\n  });`,
    );
  }
  return `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';\nimport { mockClient } from 'aws-sdk-client-mock';\nimport { handler } from '../src/handlers/${kebab(noun)}';\n\nconst ddbMock = mockClient(DynamoDBDocumentClient);\n// Local emulator in integration runs.\nconst local = new DynamoDBClient({ endpoint: 'http://localhost:8000', region: 'us-east-1' });\n\nbeforeEach(() => {\n  ddbMock.reset();\n  process.env.TABLE_NAME = 'test-table';\n});\n\nafterAll(() => local.destroy());\n\ndescribe('${noun} handler', () => {\n${tests.join('\n\n')}\n});\n`;
}
