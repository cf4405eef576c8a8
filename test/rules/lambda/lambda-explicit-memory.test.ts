import { lambdaExplicitMemory } from '../../../server/src/rules/lambda/lambda-explicit-memory';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const formCases: InvalidCase[] = [...importForms('aws-lambda', 'lambda', 'Function'), ...importForms('aws-lambda-nodejs', 'nodejs', 'NodejsFunction')].map((f) => ({
  name: `without memorySize, ${f.cls} via ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Worker', { handler: 'index.handler' });\n`,
  errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'warning', data: { name: 'Worker' } }],
  output: `${f.header}new ${f.cls}(this, 'Worker', { handler: 'index.handler', memorySize: 256 });\n`,
}));
const NODE = "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\n";

ruleTester(lambdaExplicitMemory, {
  valid: [
    { name: 'memorySize set', filename: 'stack.ts', code: NODE + "new NodejsFunction(this, 'A', { memorySize: 1024 });\n" },
    { name: 'memorySize from a const', filename: 'stack.ts', code: NODE + "const MEMORY = 512;\nconst props = { memorySize: MEMORY };\nnew NodejsFunction(this, 'A', props);\n" },
    { name: 'memorySize from config', filename: 'stack.ts', code: NODE + "import config from './config.json';\nnew NodejsFunction(this, 'A', { memorySize: config.memory });\n" },
    { name: 'props from a method call', filename: 'stack.ts', code: NODE + "class S {\n  defaults() { return { memorySize: 512 }; }\n  build() { new NodejsFunction(this, 'A', this.defaults()); }\n}\n" },
    { name: 'L1 with MemorySize', filename: 'stack.ts', code: "import { aws_lambda } from 'aws-cdk-lib';\nnew aws_lambda.CfnFunction(this, 'Raw', { code: {}, role: 'r', memorySize: 256 });\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'memory left out of a shared const used by a loop',
      filename: 'stack.ts',
      code: NODE + "const common = {\n\truntime: undefined,\n};\nfor (const name of ['a', 'b']) {\n\tnew NodejsFunction(this, name, { ...common, entry: `src/${name}.ts` });\n}\n",
      errors: [{ messageId: 'missing', line: 6, column: 6 }],
      output: NODE + "const common = {\n\truntime: undefined,\n};\nfor (const name of ['a', 'b']) {\n\tnew NodejsFunction(this, name, { ...common, entry: `src/${name}.ts`, memorySize: 256 });\n}\n",
    },
    {
      name: 'L1 CfnFunction',
      filename: 'stack.ts',
      code: "import { aws_lambda } from 'aws-cdk-lib';\nnew aws_lambda.CfnFunction(this, 'Raw', { code: {}, role: 'r' });\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: "import { aws_lambda } from 'aws-cdk-lib';\nnew aws_lambda.CfnFunction(this, 'Raw', { code: {}, role: 'r', memorySize: 256 });\n",
    },
  ],
});
