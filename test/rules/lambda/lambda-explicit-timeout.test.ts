import { lambdaExplicitTimeout } from '../../../server/src/rules/lambda/lambda-explicit-timeout';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const PROPS = "{ handler: 'index.handler' }";
const FIXED = (d: string) => `{ handler: 'index.handler', timeout: ${d}.seconds(30) }`;
// Where `Duration` comes from after the fix, per import form of the function class.
const duration: Record<string, [(h: string) => string, string]> = {
  'namespace import': [(h) => `${h}import { Duration } from 'aws-cdk-lib';\n`, 'Duration'],
  'named import': [(h) => `${h}import { Duration } from 'aws-cdk-lib';\n`, 'Duration'],
  'aliased named import': [(h) => `${h}import { Duration } from 'aws-cdk-lib';\n`, 'Duration'],
  'aws_lambda as lambda': [() => "import { aws_lambda as lambda, Duration } from 'aws-cdk-lib';\n", 'Duration'],
  'cdk.aws_lambda': [(h) => h, 'cdk.Duration'],
  'require namespace (JavaScript)': [(h) => `${h}const { Duration } = require('aws-cdk-lib');\n`, 'Duration'],
  'require destructuring (JavaScript)': [(h) => `${h}const { Duration } = require('aws-cdk-lib');\n`, 'Duration'],
  'CDK v1 module': [(h) => `${h}import { Duration } from '@aws-cdk/core';\n`, 'Duration'],
};
const formCases: InvalidCase[] = importForms('aws-lambda', 'lambda', 'Function').map((f) => {
  const [header, d] = duration[f.name];
  return {
    name: `Function without timeout, ${f.name}`,
    filename: f.filename,
    code: `${f.header}new ${f.cls}(this, 'Handler', ${PROPS});\n`,
    errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'warning', data: { name: 'Handler' } }],
    output: `${header(f.header)}new ${f.cls}(this, 'Handler', ${FIXED(d)});\n`,
  };
});

const NODE = "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\n";
const CORE = "import { Duration, Stack } from 'aws-cdk-lib';\n";

ruleTester(lambdaExplicitTimeout, {
  valid: [
    { name: 'timeout set', filename: 'stack.ts', code: CORE + NODE + "new NodejsFunction(this, 'Api', { entry: 'a.ts', timeout: Duration.seconds(10) });\n" },
    { name: 'timeout from shared defaults (const spread)', filename: 'stack.ts', code: CORE + NODE + "const defaults = { timeout: Duration.seconds(10), memorySize: 512 };\nnew NodejsFunction(this, 'Api', { ...defaults, entry: 'a.ts' });\n" },
    { name: 'defaults from an imported module are unknown', filename: 'stack.ts', code: NODE + "import { lambdaDefaults } from './defaults';\nnew NodejsFunction(this, 'Api', { ...lambdaDefaults, entry: 'a.ts' });\n" },
    { name: 'a helper passing its props through', filename: 'stack.ts', code: NODE + "export function fn(scope: any, id: string, props: any) {\n  return new NodejsFunction(scope, id, { bundling: { minify: true }, ...props });\n}\n" },
    { name: 'timeout from context', filename: 'stack.ts', code: CORE + NODE + "new NodejsFunction(this, 'Api', { timeout: Duration.seconds(Number(this.node.tryGetContext('t'))) });\n" },
    { name: 'the global Function constructor is not Lambda', filename: 'util.ts', code: "const f = new Function('a', 'b', 'return a + b');\n" },
    { name: 'a Glue-like "Function" from another module', filename: 'stack.ts', code: "import { Function } from 'aws-cdk-lib/aws-cloudfront';\nnew Function(this, 'Edge', { code: undefined as any });\n" },
    { name: 'subclass whose super() takes the timeout from its caller', filename: 'stack.ts', code: NODE + "export class Fn extends NodejsFunction {\n  constructor(scope: any, id: string, props: any) {\n    super(scope, id, { entry: 'a.ts', ...props });\n  }\n}\n" },
    { name: 'L1 with timeout', filename: 'stack.ts', code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.CfnFunction(this, 'Raw', { code: {}, role: 'arn', timeout: 20 });\n" },
    { name: 'timeout written on the props constant after its literal', filename: 'stack.ts', code: CORE + NODE + "const props: Record<string, unknown> = { entry: 'a.ts' };\nprops.timeout = Duration.seconds(20);\nnew NodejsFunction(this, 'Api', props);\n" },
  ],
  invalid: [
    ...formCases,
    {
      // Corpus audit: ids built per stage named every function of a file alike ("NodejsFunction").
      name: 'ids built in a template keep their static text in messages and keys',
      filename: 'stack.ts',
      code: NODE + "declare const stage: string;\nnew NodejsFunction(this, `${stage}-Resize`, { entry: 'a.ts' });\nnew NodejsFunction(this, `${stage}-Thumbs`, { entry: 'b.ts' });\n",
      errors: [
        { messageId: 'missing', line: 3, data: { name: '${…}-Resize' } },
        { messageId: 'missing', line: 4, data: { name: '${…}-Thumbs' } },
      ],
      output: NODE + "import { Duration } from 'aws-cdk-lib';\ndeclare const stage: string;\nnew NodejsFunction(this, `${stage}-Resize`, { entry: 'a.ts', timeout: Duration.seconds(30) });\nnew NodejsFunction(this, `${stage}-Thumbs`, { entry: 'b.ts' });\n",
    },
    {
      // Reduced from real construct libraries: a NodejsFunction subclass fixing its own props.
      name: 'construct subclass: the literal given to super() has no timeout',
      filename: 'stack.ts',
      code: CORE + "import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';\nexport class ApiFunction extends nodejs.NodejsFunction {\n  constructor(scope: any, name: string) {\n    super(scope, name, { entry: `src/${name}.ts`, handler: 'handler' });\n  }\n}\n",
      errors: [{ messageId: 'missing', line: 5, column: 5, data: { name: 'ApiFunction' } }],
      output: CORE + "import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';\nexport class ApiFunction extends nodejs.NodejsFunction {\n  constructor(scope: any, name: string) {\n    super(scope, name, { entry: `src/${name}.ts`, handler: 'handler', timeout: Duration.seconds(30) });\n  }\n}\n",
    },
    {
      name: 'NodejsFunction is a Function: Duration added to the existing core import',
      filename: 'stack.ts',
      code: "import { Stack } from 'aws-cdk-lib';\n" + NODE + "new NodejsFunction(this, 'Api', {\n  entry: 'src/api.ts',\n  memorySize: 256,\n});\n",
      errors: [{ messageId: 'missing', line: 3, column: 5, data: { name: 'Api' } }],
      output: "import { Stack, Duration } from 'aws-cdk-lib';\n" + NODE + "new NodejsFunction(this, 'Api', {\n  entry: 'src/api.ts',\n  memorySize: 256,\n  timeout: Duration.seconds(30),\n});\n",
    },
    {
      name: 'NodejsFunction without props',
      filename: 'stack.ts',
      code: CORE + NODE + "new NodejsFunction(this, 'Api');\n",
      errors: [{ messageId: 'missing', line: 3 }],
      output: CORE + NODE + "new NodejsFunction(this, 'Api', { timeout: Duration.seconds(30) });\n",
    },
    {
      name: 'two functions in one file: one pass adds the import once (the second fix waits)',
      filename: 'stack.ts',
      code: NODE + "new NodejsFunction(this, 'A', { entry: 'a.ts' });\nnew NodejsFunction(this, 'B', { entry: 'b.ts' });\n",
      errors: [
        { messageId: 'missing', line: 2, data: { name: 'A' } },
        { messageId: 'missing', line: 3, data: { name: 'B' } },
      ],
      output: NODE + "import { Duration } from 'aws-cdk-lib';\nnew NodejsFunction(this, 'A', { entry: 'a.ts', timeout: Duration.seconds(30) });\nnew NodejsFunction(this, 'B', { entry: 'b.ts' });\n",
    },
    {
      name: 'L1 CfnFunction gets a number of seconds',
      filename: 'stack.ts',
      code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.CfnFunction(this, 'Raw', { code: {}, role: 'arn' });\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.CfnFunction(this, 'Raw', { code: {}, role: 'arn', timeout: 30 });\n",
    },
    {
      name: 'PythonFunction (alpha module) is a Function too',
      filename: 'stack.ts',
      code: "import { PythonFunction } from '@aws-cdk/aws-lambda-python-alpha';\nnew PythonFunction(this, 'Py', { entry: 'py' });\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: "import { PythonFunction } from '@aws-cdk/aws-lambda-python-alpha';\nimport { Duration } from 'aws-cdk-lib';\nnew PythonFunction(this, 'Py', { entry: 'py', timeout: Duration.seconds(30) });\n",
    },
    {
      name: "PythonFunction from CDK v1's @aws-cdk/aws-lambda-python: Duration comes from @aws-cdk/core",
      filename: 'stack.ts',
      code: "import * as lambda from '@aws-cdk/aws-lambda';\nimport { PythonFunction } from '@aws-cdk/aws-lambda-python';\nnew PythonFunction(this, 'Py', { entry: 'py', runtime: lambda.Runtime.PYTHON_3_8 });\n",
      errors: [{ messageId: 'missing', line: 3 }],
      output: "import * as lambda from '@aws-cdk/aws-lambda';\nimport { PythonFunction } from '@aws-cdk/aws-lambda-python';\nimport { Duration } from '@aws-cdk/core';\nnew PythonFunction(this, 'Py', { entry: 'py', runtime: lambda.Runtime.PYTHON_3_8, timeout: Duration.seconds(30) });\n",
    },
    {
      name: "GoFunction from CDK v1's @aws-cdk/aws-lambda-go",
      filename: 'stack.ts',
      code: "import * as cdk from '@aws-cdk/core';\nimport * as golambda from '@aws-cdk/aws-lambda-go';\nnew golambda.GoFunction(this, 'Go', { entry: 'cmd/api' });\n",
      errors: [{ messageId: 'missing', line: 3 }],
      output: "import * as cdk from '@aws-cdk/core';\nimport * as golambda from '@aws-cdk/aws-lambda-go';\nnew golambda.GoFunction(this, 'Go', { entry: 'cmd/api', timeout: cdk.Duration.seconds(30) });\n",
    },
  ],
});
