import { lambdaReservedConcurrency } from '../../../server/src/rules/lambda/lambda-reserved-concurrency';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const formCases: InvalidCase[] = importForms('aws-lambda-nodejs', 'nodejs', 'NodejsFunction').map((f) => ({
  name: `without reservedConcurrentExecutions, ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Worker', { entry: 'w.ts' });\n`,
  errors: [
    {
      messageId: 'missing',
      line: 2,
      column: 5,
      severity: 'information',
      data: { name: 'Worker' },
      suggestions: [{ title: 'reservedConcurrentExecutions', output: `${f.header}new ${f.cls}(this, 'Worker', { entry: 'w.ts', reservedConcurrentExecutions: 10 });\n` }],
    },
  ],
  output: null,
}));
const L = "import * as lambda from 'aws-cdk-lib/aws-lambda';\n";

ruleTester(lambdaReservedConcurrency, {
  valid: [
    { name: 'reserved through a const spread', filename: 'stack.ts', code: L + "const capped = { reservedConcurrentExecutions: 5 };\nnew lambda.Function(this, 'F', { ...capped, handler: 'h' });\n" },
    { name: 'reserved', filename: 'stack.ts', code: L + "new lambda.Function(this, 'F', { reservedConcurrentExecutions: 5 });\n" },
    { name: 'reserved from a parameter', filename: 'stack.ts', code: L + "export const f = (s: any, n: number) => new lambda.Function(s, 'F', { reservedConcurrentExecutions: n });\n" },
    { name: 'unknown props', filename: 'stack.ts', code: L + "declare const props: lambda.FunctionProps;\nnew lambda.Function(this, 'F', props);\n" },
    { name: 'L1 reserved', filename: 'stack.ts', code: L + "new lambda.CfnFunction(this, 'F', { code: {}, role: 'r', reservedConcurrentExecutions: 2 });\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'props via a const with a spread of a known const',
      filename: 'stack.ts',
      code: L + "const base = { handler: 'h' };\nconst props = { ...base, memorySize: 256 };\nnew lambda.Function(this, 'F', props);\n",
      errors: [{ messageId: 'missing', line: 4, suggestions: [{ title: 'reservedConcurrentExecutions', output: L + "const base = { handler: 'h' };\nconst props = { ...base, memorySize: 256, reservedConcurrentExecutions: 10 };\nnew lambda.Function(this, 'F', props);\n" }] }],
      output: null,
    },
    {
      name: 'L1 CfnFunction, multi-line',
      filename: 'stack.ts',
      code: L + "new lambda.CfnFunction(this, 'F', {\n  code: {},\n  role: 'r'\n});\n",
      errors: [{ messageId: 'missing', line: 2, suggestions: [{ title: 'reservedConcurrentExecutions', output: L + "new lambda.CfnFunction(this, 'F', {\n  code: {},\n  role: 'r',\n  reservedConcurrentExecutions: 10\n});\n" }] }],
      output: null,
    },
  ],
});
