import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LAMBDA_RUNTIMES, isDeprecated, replacementFor, runtimeById } from '../../../server/src/data/lambda-runtimes';
import { defaultConfig, type ResolvedConfig } from '../../../server/src/engine/config';
import { lambdaDeprecatedRuntime } from '../../../server/src/rules/lambda/lambda-deprecated-runtime';
import { analyzeText } from '../../helpers/engine';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

/** Judged on a fixed day so the table stays stable: 2026-11-27. */
function on(asOf: string, awsCdkLibVersion?: string): ResolvedConfig {
  const c = defaultConfig();
  c.rules['lambda-deprecated-runtime'] = { options: { asOf } };
  c.settings.awsCdkLibVersion = awsCdkLibVersion;
  return c;
}
const TODAY = on('2026-11-27');

const formCases: InvalidCase[] = importForms('aws-lambda', 'lambda', 'Function')
  .filter((f) => f.cls.includes('.')) // `Runtime` must be reachable: namespace-style forms
  .map((f) => {
    const rt = f.cls.replace(/Function$/, 'Runtime');
    const v1 = f.name === 'CDK v1 module';
    return {
      name: `NODEJS_16_X, ${f.name}`,
      filename: f.filename,
      config: TODAY,
      code: `${f.header}new ${f.cls}(this, 'Fn', { runtime: ${rt}.NODEJS_16_X });\n`,
      errors: [{ messageId: 'deprecated', line: 2, severity: 'warning', data: { runtime: 'nodejs16.x', date: '2024-06-12', replacement: 'nodejs24.x' } }],
      // CDK v1 has none of today's runtimes: the finding names one, the code is left alone.
      output: v1 ? null : `${f.header}new ${f.cls}(this, 'Fn', { runtime: ${rt}.NODEJS_24_X });\n`,
    };
  });

const L = "import * as lambda from 'aws-cdk-lib/aws-lambda';\n";
const SLS = "import type { AWS } from '@serverless/typescript';\n";
const NODE = "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nimport { Runtime } from 'aws-cdk-lib/aws-lambda';\n";

ruleTester(lambdaDeprecatedRuntime, {
  valid: [
    { name: 'Serverless: a supported provider runtime', filename: 'serverless.ts', config: TODAY, code: SLS + "const config: AWS = { service: 's', provider: { name: 'aws', runtime: 'nodejs24.x' }, functions: { f: { handler: 'h.main' } } };\nmodule.exports = config;\n" },
    { name: 'Serverless: a runtime from a variable is unknown', filename: 'serverless.ts', config: TODAY, code: "export default { provider: { name: 'aws', runtime: '${env:RUNTIME}' } };\n" },
    { name: 'another provider (not aws) is not a Lambda runtime', filename: 'serverless.ts', config: TODAY, code: "export default { provider: { name: 'google', runtime: 'nodejs14' }, functions: { f: { handler: 'h', runtime: 'nodejs12.x' } } };\n" },
    { name: 'a handler object outside a Serverless config (no provider, no framework types)', filename: 'build.js', config: TODAY, code: "module.exports = { handler: 'index.main', runtime: 'nodejs12.x' };\n" },
    { name: "another tool's function props (a call argument) are not a Serverless function", filename: 'serverless.ts', config: TODAY, code: SLS + "declare const createLambda: (o: object) => void;\ncreateLambda({ runtime: 'nodejs12.x', handler: 'index.main' });\n" },
    { name: 'a Serverless config in a test file', filename: 'serverless.test.ts', config: TODAY, code: "export default { provider: { name: 'aws', runtime: 'nodejs14.x' } };\n" },
    { name: "a supported fallback after the caller's runtime", filename: 'stack.ts', config: TODAY, code: L + "export const make = (s: any, props: lambda.FunctionProps) => new lambda.Function(s, 'F', { ...props, runtime: props.runtime ?? lambda.Runtime.NODEJS_22_X });\n" },
    { name: "a fallback chosen per environment: unknown, silent", filename: 'stack.ts', config: TODAY, code: L + "declare const legacy: boolean;\nexport const make = (s: any, props: lambda.FunctionProps) => new lambda.Function(s, 'F', { ...props, runtime: props.runtime ?? (legacy ? lambda.Runtime.NODEJS_18_X : lambda.Runtime.NODEJS_22_X) });\n" },
    { name: 'NODEJS_22_X is supported until 2027-04-30', filename: 'stack.ts', config: TODAY, code: L + "new lambda.Function(this, 'F', { runtime: lambda.Runtime.NODEJS_22_X });\n" },
    { name: 'NODEJS_20_X before its date', filename: 'stack.ts', config: on('2026-04-29'), code: L + "new lambda.Function(this, 'F', { runtime: lambda.Runtime.NODEJS_20_X });\n" },
    { name: 'NODEJS_LATEST is not in the table', filename: 'stack.ts', config: TODAY, code: L + "new lambda.Function(this, 'F', { runtime: lambda.Runtime.NODEJS_LATEST });\n" },
    { name: 'no runtime (NodejsFunction default)', filename: 'stack.ts', config: TODAY, code: NODE + "new NodejsFunction(this, 'F', { entry: 'a.ts' });\n" },
    { name: 'runtime from a parameter', filename: 'stack.ts', config: TODAY, code: L + "export const f = (s: any, r: lambda.Runtime) => new lambda.Function(s, 'F', { runtime: r });\n" },
    { name: 'Python 3.11 was extended to 2027-06-30', filename: 'stack.ts', config: TODAY, code: L + "new lambda.Function(this, 'F', { runtime: lambda.Runtime.PYTHON_3_11 });\n" },
    { name: 'an unknown runtime string on L1', filename: 'stack.ts', config: TODAY, code: L + "new lambda.CfnFunction(this, 'F', { code: {}, role: 'r', runtime: 'nodejs99.x' });\n" },
    { name: "a supported default before the caller's props", filename: 'stack.ts', config: TODAY, code: L + "export const make = (s: any, props: lambda.FunctionProps) => new lambda.Function(s, 'F', { runtime: lambda.Runtime.NODEJS_22_X, ...props });\n" },
    { name: "the caller's props first, the construct's own runtime after: the caller cannot change it", filename: 'stack.ts', config: TODAY, code: L + "export const make = (s: any, props: lambda.FunctionProps) => new lambda.Function(s, 'F', { ...props, runtime: lambda.Runtime.NODEJS_24_X });\n" },
    { name: 'a deprecated default replaced by a later resolved spread', filename: 'stack.ts', config: TODAY, code: L + "const modern = { runtime: lambda.Runtime.NODEJS_24_X };\ndeclare const extra: object;\nnew lambda.Function(this, 'F', { runtime: lambda.Runtime.NODEJS_16_X, ...extra, ...modern });\n" },
    { name: 'a default written through the constant afterwards', filename: 'stack.ts', config: TODAY, code: L + "declare const extra: object, latest: boolean;\nconst base: any = { runtime: lambda.Runtime.NODEJS_16_X };\nif (latest) base.runtime = lambda.Runtime.NODEJS_24_X;\nnew lambda.Function(this, 'F', { ...base, ...extra });\n" },
    // Function props written apart from any function: a props object a function of this file reads is judged with the function.
    { name: 'a shared props object spread into a function of this file is reported once, on the function', filename: 'stack.ts', config: TODAY, code: NODE + "const defaults = { memorySize: 512, runtime: Runtime.NODEJS_22_X };\nnew NodejsFunction(this, 'F', { ...defaults, entry: 'a.ts' });\n" },
    { name: 'a deprecated shared default that the only function of this file overrides', filename: 'stack.ts', config: TODAY, code: NODE + "const base = { runtime: Runtime.NODEJS_16_X, memorySize: 256 };\nnew NodejsFunction(this, 'F', { ...base, runtime: Runtime.NODEJS_24_X, entry: 'a.ts' });\n" },
    { name: 'a supported runtime in an exported defaults object', filename: 'lambda-defaults.ts', config: TODAY, code: "import { Runtime } from 'aws-cdk-lib/aws-lambda';\nexport const lambdaDefaults = { runtime: Runtime.NODEJS_24_X, memorySize: 1024 };\n" },
    { name: "a Synthetics canary's runtime is not a Lambda runtime", filename: 'canary.ts', config: TODAY, code: "import * as synthetics from 'aws-cdk-lib/aws-synthetics';\nexport const canaryDefaults = { runtime: synthetics.Runtime.SYNTHETICS_NODEJS_PUPPETEER_3_9 };\n" },
    { name: 'a runtime string outside a Serverless config is not read as CDK props', filename: 'sst.config.ts', config: TODAY, code: "import { Stack } from 'aws-cdk-lib';\nexport const defaults = { runtime: 'nodejs14.x' };\n" },
    { name: 'a defaults object in a test file', filename: 'test/defaults.test.ts', config: TODAY, code: "import { Runtime } from 'aws-cdk-lib/aws-lambda';\nexport const legacy = { runtime: Runtime.NODEJS_14_X };\n" },
  ],
  invalid: [
    {
      name: 'props a function reads through another const are reported once, on the function',
      filename: 'stack.ts',
      config: TODAY,
      code: L + "const d = { runtime: lambda.Runtime.NODEJS_16_X };\nconst chosen = d;\nnew lambda.Function(this, 'F', chosen);\n",
      errors: [{ messageId: 'deprecated', line: 2, column: 13, data: { name: 'F', runtime: 'nodejs16.x' } }],
      output: L + "const d = { runtime: lambda.Runtime.NODEJS_24_X };\nconst chosen = d;\nnew lambda.Function(this, 'F', chosen);\n",
    },
    {
      name: 'an untyped defaults object in a file of its own, spread by stacks elsewhere',
      filename: 'helpers/lambda-defaults.ts',
      config: TODAY,
      code: "import { Duration } from 'aws-cdk-lib';\nimport { Runtime } from 'aws-cdk-lib/aws-lambda';\n\nconst nodeDefaults = {\n  memorySize: 512,\n  timeout: Duration.seconds(10),\n  runtime: Runtime.NODEJS_16_X,\n};\n\nexport default { nodeDefaults };\n",
      errors: [{ messageId: 'deprecatedProps', line: 7, column: 3, severity: 'warning', data: { name: 'nodeDefaults', runtime: 'nodejs16.x', date: '2024-06-12', replacement: 'nodejs24.x' } }],
      output: "import { Duration } from 'aws-cdk-lib';\nimport { Runtime } from 'aws-cdk-lib/aws-lambda';\n\nconst nodeDefaults = {\n  memorySize: 512,\n  timeout: Duration.seconds(10),\n  runtime: Runtime.NODEJS_24_X,\n};\n\nexport default { nodeDefaults };\n",
    },
    {
      name: 'typed props objects (Partial<NodejsFunctionProps>, FunctionProps) nested in a config map',
      filename: 'lib/config.ts',
      config: TODAY,
      code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nimport type { NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';\nexport const functions: Record<string, Partial<NodejsFunctionProps>> = {\n  api: { runtime: lambda.Runtime.NODEJS_18_X, memorySize: 256 },\n  worker: { runtime: lambda.Runtime.NODEJS_24_X },\n};\nexport const legacy: lambda.FunctionProps = { runtime: lambda.Runtime.PYTHON_3_8, handler: 'app.handler', code: lambda.Code.fromAsset('py') };\n",
      errors: [
        { messageId: 'deprecatedProps', line: 4, column: 10, data: { name: 'api', runtime: 'nodejs18.x', replacement: 'nodejs24.x' } },
        { messageId: 'deprecatedProps', line: 7, column: 47, data: { name: 'legacy', runtime: 'python3.8' } },
      ],
      output: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nimport type { NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';\nexport const functions: Record<string, Partial<NodejsFunctionProps>> = {\n  api: { runtime: lambda.Runtime.NODEJS_24_X, memorySize: 256 },\n  worker: { runtime: lambda.Runtime.NODEJS_24_X },\n};\nexport const legacy: lambda.FunctionProps = { runtime: lambda.Runtime.PYTHON_3_14, handler: 'app.handler', code: lambda.Code.fromAsset('py') };\n",
    },
    {
      name: 'a construct this file does not know as a function: its props are reported',
      filename: 'lib/seed.ts',
      config: TODAY,
      code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nimport * as triggers from 'aws-cdk-lib/triggers';\nnew triggers.TriggerFunction(this, 'Seed', { runtime: lambda.Runtime.NODEJS_14_X, handler: 'index.handler', code: lambda.Code.fromAsset('seed') });\n",
      errors: [{ messageId: 'deprecatedProps', line: 3, column: 46, data: { name: 'for `new triggers.TriggerFunction`', runtime: 'nodejs14.x', replacement: 'nodejs24.x' } }],
      output: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nimport * as triggers from 'aws-cdk-lib/triggers';\nnew triggers.TriggerFunction(this, 'Seed', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromAsset('seed') });\n",
    },
    {
      name: 'CDK v1 defaults: the finding names a runtime, the code is left alone',
      filename: 'lib/defaults.ts',
      config: TODAY,
      code: "import { Runtime } from '@aws-cdk/aws-lambda';\nexport const defaultFunctionProps = { runtime: Runtime.NODEJS_12_X, memorySize: 256 };\n",
      errors: [{ messageId: 'deprecatedProps', line: 2, column: 39, data: { name: 'defaultFunctionProps', runtime: 'nodejs12.x' } }],
      output: null,
    },
    {
      name: 'Serverless: provider.runtime in serverless.ts (the official template)',
      filename: 'serverless.ts',
      config: TODAY,
      code: SLS + "const serverlessConfiguration: AWS = {\n  service: 'orders',\n  provider: {\n    name: 'aws',\n    runtime: 'nodejs14.x',\n  },\n};\nmodule.exports = serverlessConfiguration;\n",
      errors: [{ messageId: 'deprecatedProvider', line: 6, column: 5, severity: 'warning', data: { runtime: 'nodejs14.x', replacement: 'nodejs24.x' } }],
      output: SLS + "const serverlessConfiguration: AWS = {\n  service: 'orders',\n  provider: {\n    name: 'aws',\n    runtime: 'nodejs24.x',\n  },\n};\nmodule.exports = serverlessConfiguration;\n",
    },
    {
      name: 'Serverless: a function-level runtime in serverless.js, double quotes kept',
      filename: 'serverless.js',
      config: TODAY,
      code: 'module.exports = {\n  provider: { name: "aws", runtime: "nodejs24.x" },\n  functions: { report: { handler: "src/report.main", runtime: "python3.7" } },\n};\n',
      errors: [{ messageId: 'deprecated', line: 3, data: { name: 'report', runtime: 'python3.7' } }],
      output: 'module.exports = {\n  provider: { name: "aws", runtime: "nodejs24.x" },\n  functions: { report: { handler: "src/report.main", runtime: "python3.14" } },\n};\n',
    },
    {
      name: 'Serverless: a per-function file typed from @serverless/typescript',
      filename: 'src/functions/hello/index.ts',
      config: TODAY,
      code: SLS + "const hello: AWS['functions'][string] = { handler: `${__dirname}/handler.main`, runtime: 'nodejs16.x' };\nexport default hello;\n",
      errors: [{ messageId: 'deprecated', line: 2, data: { name: 'hello', runtime: 'nodejs16.x' } }],
      output: SLS + "const hello: AWS['functions'][string] = { handler: `${__dirname}/handler.main`, runtime: 'nodejs24.x' };\nexport default hello;\n",
    },
    {
      name: "a deprecated fallback after the caller's runtime (`props.runtime ?? ...`)",
      filename: 'stack.ts',
      config: TODAY,
      code: L + "export class Worker extends lambda.Function {\n  constructor(scope: any, id: string, props: Partial<lambda.FunctionProps>) {\n    super(scope, id, { ...props, runtime: props.runtime ?? lambda.Runtime.NODEJS_18_X } as lambda.FunctionProps);\n  }\n}\n",
      errors: [{ messageId: 'deprecatedDefault', line: 4, data: { name: 'Worker', runtime: 'nodejs18.x', replacement: 'nodejs24.x' } }],
      output: L + "export class Worker extends lambda.Function {\n  constructor(scope: any, id: string, props: Partial<lambda.FunctionProps>) {\n    super(scope, id, { ...props, runtime: props.runtime ?? lambda.Runtime.NODEJS_24_X } as lambda.FunctionProps);\n  }\n}\n",
    },
    {
      name: 'a deprecated fallback in an L1 function: named, not rewritten (the caller\'s value shares the expression)',
      filename: 'stack.ts',
      config: TODAY,
      code: L + "export const make = (s: any, props: { runtime?: string; role: string }) =>\n  new lambda.CfnFunction(s, 'Legacy', { code: {}, role: props.role, runtime: props.runtime || 'nodejs16.x' });\n",
      errors: [{ messageId: 'deprecatedDefault', line: 3, data: { runtime: 'nodejs16.x' } }],
      output: null,
    },
    ...formCases,
    {
      name: "a construct library's deprecated default in a shared constant, the caller's props spread after it",
      filename: 'stack.ts',
      config: TODAY,
      code: NODE + L + "const defaults: Partial<NodejsFunctionProps> = {\n  memorySize: 256,\n  runtime: lambda.Runtime.NODEJS_18_X,\n};\nexport class Job {\n  constructor(scope: any, props?: NodejsFunctionProps) {\n    new NodejsFunction(scope, 'Job', { ...defaults, ...props });\n  }\n}\n",
      errors: [{ messageId: 'deprecatedDefault', line: 6, column: 3, data: { name: 'Job', runtime: 'nodejs18.x', date: '2025-09-01', replacement: 'nodejs24.x' } }],
      output: NODE + L + "const defaults: Partial<NodejsFunctionProps> = {\n  memorySize: 256,\n  runtime: lambda.Runtime.NODEJS_24_X,\n};\nexport class Job {\n  constructor(scope: any, props?: NodejsFunctionProps) {\n    new NodejsFunction(scope, 'Job', { ...defaults, ...props });\n  }\n}\n",
    },
    {
      name: 'a subclass passing its default to super before the props',
      filename: 'stack.ts',
      config: TODAY,
      code: L + "export class Worker extends lambda.Function {\n  constructor(scope: any, id: string, props: lambda.FunctionProps) {\n    super(scope, id, { runtime: lambda.Runtime.PYTHON_3_8, timeout: Duration.seconds(30), ...props });\n  }\n}\ndeclare const Duration: any;\n",
      errors: [{ messageId: 'deprecatedDefault', line: 4, data: { runtime: 'python3.8' } }],
      output: L + "export class Worker extends lambda.Function {\n  constructor(scope: any, id: string, props: lambda.FunctionProps) {\n    super(scope, id, { runtime: lambda.Runtime.PYTHON_3_14, timeout: Duration.seconds(30), ...props });\n  }\n}\ndeclare const Duration: any;\n",
    },
    {
      name: "the guide's own NODEJS_20_X, deprecated since 2026-04-30",
      filename: 'stack.ts',
      config: TODAY,
      code: L + "new lambda.Function(this, 'Handler', {\n  runtime: lambda.Runtime.NODEJS_20_X,\n  handler: 'index.handler',\n});\n",
      errors: [{ messageId: 'deprecated', line: 3, column: 3, endColumn: 38, data: { runtime: 'nodejs20.x', date: '2026-04-30' } }],
      output: L + "new lambda.Function(this, 'Handler', {\n  runtime: lambda.Runtime.NODEJS_24_X,\n  handler: 'index.handler',\n});\n",
    },
    {
      name: 'a project on aws-cdk-lib 2.200.0 gets NODEJS_22_X (it has no NODEJS_24_X)',
      filename: 'stack.ts',
      config: on('2026-11-27', '2.200.0'),
      code: NODE + "new NodejsFunction(this, 'F', { runtime: Runtime.NODEJS_18_X });\n",
      errors: [{ messageId: 'deprecated', data: { replacement: 'nodejs22.x' } }],
      output: NODE + "new NodejsFunction(this, 'F', { runtime: Runtime.NODEJS_22_X });\n",
    },
    {
      name: 'a runtime shared through a const is fixed where it is written',
      filename: 'stack.ts',
      config: TODAY,
      code: L + "const RUNTIME = lambda.Runtime.PYTHON_3_9;\nnew lambda.Function(this, 'F', { runtime: RUNTIME });\n",
      errors: [{ messageId: 'deprecated', line: 3, data: { runtime: 'python3.9', replacement: 'python3.14' } }],
      output: L + "const RUNTIME = lambda.Runtime.PYTHON_3_14;\nnew lambda.Function(this, 'F', { runtime: RUNTIME });\n",
    },
    {
      name: 'L1 runtime string',
      filename: 'stack.ts',
      config: TODAY,
      code: L + 'new lambda.CfnFunction(this, "F", { code: {}, role: "r", runtime: "python3.8" });\n',
      errors: [{ messageId: 'deprecated', data: { runtime: 'python3.8', replacement: 'python3.14' } }],
      output: L + 'new lambda.CfnFunction(this, "F", { code: {}, role: "r", runtime: \'python3.14\' });\n',
    },
    {
      name: 'new Runtime("nodejs14.x") is read too; no constant to rename: no fix',
      filename: 'stack.ts',
      config: TODAY,
      code: L + "new lambda.Function(this, 'F', { runtime: new lambda.Runtime('nodejs14.x') });\n",
      errors: [{ messageId: 'deprecated', data: { runtime: 'nodejs14.x' } }],
      output: null,
    },
    {
      name: 'Go 1.x moves to the OS-only runtime',
      filename: 'stack.ts',
      config: TODAY,
      code: L + "new lambda.Function(this, 'F', { runtime: lambda.Runtime.GO_1_X });\n",
      errors: [{ messageId: 'deprecated', data: { replacement: 'provided.al2023' } }],
      output: L + "new lambda.Function(this, 'F', { runtime: lambda.Runtime.PROVIDED_AL2023 });\n",
    },
  ],
});

describe('lambda runtime table', () => {
  it('every date is an ISO date with a source', () => {
    for (const r of LAMBDA_RUNTIMES) {
      if (r.deprecated) assert.match(r.deprecated, /^\d{4}-\d{2}-\d{2}$/, r.id);
      assert.ok(r.source.length > 0, r.id);
    }
  });
  it('ids and CDK constants are unique', () => {
    const ids = LAMBDA_RUNTIMES.map((r) => r.id);
    const consts = LAMBDA_RUNTIMES.flatMap((r) => (r.cdk ? [r.cdk] : []));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(consts).size, consts.length);
  });
  it('the guide: nodejs20.x deprecated from 2026-04-30', () => {
    const r = runtimeById('nodejs20.x')!;
    assert.equal(isDeprecated(r, '2026-04-29'), false);
    assert.equal(isDeprecated(r, '2026-04-30'), true);
  });
  it("a Serverless fix's title says which @serverless/typescript types the new runtime, only where the file is typed by it", () => {
    const fixTitle = (filename: string, code: string) => {
      const r = analyzeText(filename, code, { config: TODAY, rules: [lambdaDeprecatedRuntime] });
      assert.equal(r.findings.length, 1);
      return r.findings[0].fix?.title;
    };
    const typed = "import type { AWS } from '@serverless/typescript';\nconst c: AWS = { service: 's', provider: { name: 'aws', runtime: 'nodejs16.x' } };\nmodule.exports = c;\n";
    assert.match(fixTitle('serverless.ts', typed) ?? '', /^Use nodejs24\.x \(.*@serverless\/typescript 4\.x lists it; 3\.x does not\)$/);
    assert.equal(fixTitle('serverless.js', "module.exports = { provider: { name: 'aws', runtime: 'nodejs16.x' } };\n"), 'Use nodejs24.x');
  });
  it('a replacement is never itself deprecated', () => {
    for (const r of LAMBDA_RUNTIMES) {
      const next = replacementFor(r, '2026-11-27', { cdk: false });
      if (next) assert.equal(isDeprecated(next, '2026-11-27'), false, `${r.id} → ${next.id}`);
    }
  });
});
