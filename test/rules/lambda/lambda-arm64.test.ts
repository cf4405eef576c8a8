import { lambdaArm64 } from '../../../server/src/rules/lambda/lambda-arm64';
import { ruleTester, type InvalidCase } from '../../helpers/rule-tester';
import { importForms } from '../cdk-forms';

const arch: Record<string, [string, string]> = {
  'namespace import': ["import * as lambda from 'aws-cdk-lib/aws-lambda';\n", 'lambda.Architecture'],
  'named import': ["import { Function, Architecture } from 'aws-cdk-lib/aws-lambda';\n", 'Architecture'],
  'aliased named import': ["import { Function as Aliased, Architecture } from 'aws-cdk-lib/aws-lambda';\n", 'Architecture'],
  'aws_lambda as lambda': ["import { aws_lambda as lambda } from 'aws-cdk-lib';\n", 'lambda.Architecture'],
  'cdk.aws_lambda': ["import * as cdk from 'aws-cdk-lib';\n", 'cdk.aws_lambda.Architecture'],
  'require namespace (JavaScript)': ["const lambda = require('aws-cdk-lib/aws-lambda');\n", 'lambda.Architecture'],
  'require destructuring (JavaScript)': ["const { Function, Architecture } = require('aws-cdk-lib/aws-lambda');\n", 'Architecture'],
  'CDK v1 module': ["import * as lambda from '@aws-cdk/aws-lambda';\n", 'lambda.Architecture'],
};
const formCases: InvalidCase[] = importForms('aws-lambda', 'lambda', 'Function').map((f) => ({
  name: `x86 by default, ${f.name}`,
  filename: f.filename,
  code: `${f.header}new ${f.cls}(this, 'Fn', { handler: 'index.handler' });\n`,
  errors: [{ messageId: 'missing', line: 2, column: 5, severity: 'information', data: { name: 'Fn' } }],
  output: `${arch[f.name][0]}new ${f.cls}(this, 'Fn', { handler: 'index.handler', architecture: ${arch[f.name][1]}.ARM_64 });\n`,
}));
const L = "import * as lambda from 'aws-cdk-lib/aws-lambda';\n";
const NODE = "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\n";

ruleTester(lambdaArm64, {
  valid: [
    { name: 'ARM_64 through shared defaults', filename: 'stack.ts', code: L + "const defaults = { architecture: lambda.Architecture.ARM_64 };\nnew lambda.Function(this, 'F', { ...defaults, handler: 'h' });\n" },
    { name: 'defaults we cannot see', filename: 'stack.ts', code: L + "import { defaults } from './defaults';\nnew lambda.Function(this, 'F', { ...defaults, handler: 'h' });\n" },
    { name: 'ARM_64', filename: 'stack.ts', code: L + "new lambda.Function(this, 'F', { architecture: lambda.Architecture.ARM_64 });\n" },
    { name: 'deprecated architectures list with ARM_64', filename: 'stack.ts', code: L + "new lambda.Function(this, 'F', { architectures: [lambda.Architecture.ARM_64] });\n" },
    { name: 'architecture chosen at run time', filename: 'stack.ts', code: L + "declare const arm: boolean;\nnew lambda.Function(this, 'F', { architecture: arm ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64 });\n" },
    { name: 'L1 arm64', filename: 'stack.ts', code: L + "new lambda.CfnFunction(this, 'F', { code: {}, role: 'r', architectures: ['arm64'] });\n" },
  ],
  invalid: [
    ...formCases,
    {
      name: 'X86_64 in a const used through a spread',
      filename: 'stack.ts',
      code: L + "const legacy = { architecture: lambda.Architecture.X86_64 };\nnew lambda.Function(this, 'F', { ...legacy });\n",
      errors: [{ messageId: 'x86', line: 2, column: 18 }],
      output: L + "const legacy = { architecture: lambda.Architecture.ARM_64 };\nnew lambda.Function(this, 'F', { ...legacy });\n",
    },
    {
      name: 'NodejsFunction: Architecture comes from aws-lambda, a new import',
      filename: 'stack.ts',
      code: NODE + "new NodejsFunction(this, 'Api', { entry: 'a.ts' });\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: NODE + "import { Architecture } from 'aws-cdk-lib/aws-lambda';\nnew NodejsFunction(this, 'Api', { entry: 'a.ts', architecture: Architecture.ARM_64 });\n",
    },
    {
      name: 'explicit X86_64',
      filename: 'stack.ts',
      code: L + "new lambda.Function(this, 'F', { architecture: lambda.Architecture.X86_64 });\n",
      errors: [{ messageId: 'x86', line: 2, column: 34 }],
      output: L + "new lambda.Function(this, 'F', { architecture: lambda.Architecture.ARM_64 });\n",
    },
    {
      name: 'DockerImageFunction: reported, no fix (the image must be rebuilt)',
      filename: 'stack.ts',
      code: L + "new lambda.DockerImageFunction(this, 'Img', { code: lambda.DockerImageCode.fromImageAsset('img') });\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: null,
    },
    {
      name: 'L1 x86_64',
      filename: 'stack.ts',
      code: L + "new lambda.CfnFunction(this, 'F', { code: {}, role: 'r', architectures: ['x86_64'] });\n",
      errors: [{ messageId: 'x86', line: 2 }],
      output: L + "new lambda.CfnFunction(this, 'F', { code: {}, role: 'r', architectures: ['arm64'] });\n",
    },
    {
      name: 'L1 without architectures',
      filename: 'stack.ts',
      code: L + "new lambda.CfnFunction(this, 'F', { code: {}, role: 'r' });\n",
      errors: [{ messageId: 'missing', line: 2 }],
      output: L + "new lambda.CfnFunction(this, 'F', { code: {}, role: 'r', architectures: ['arm64'] });\n",
    },
  ],
});
