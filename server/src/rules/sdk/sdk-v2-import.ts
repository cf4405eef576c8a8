import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { TsFile } from '../../engine/typescript/file';
import { SDK_GATE } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

export const sdkV2Import = defineRule({
  id: 'sdk-v2-import',
  meta: {
    title: 'AWS SDK v2 import',
    description: 'The code imports or requires `aws-sdk` (SDK for JavaScript v2, end of support since 2025-09-08).',
    rationale:
      'AWS SDK for JavaScript v2 reached end of support on 2025-09-08: no more security fixes, and Lambda Node.js 18+ runtimes do not ship it. SDK v3 is modular (`@aws-sdk/client-*`), smaller in a bundle, and the only one maintained. Migrate client by client; `aws-sdk-client-mock` and other `@aws-sdk/*` packages are v3 and not reported. Test code and fixtures (`*.test.ts`, `__tests__/`, `__mocks__/`, `test/`, `__fixtures__/`) are not reported: they follow the application code, which is.',
    severity: 'warning',
    service: 'sdk',
    guide: '(all sections use v3)',
    fix: 'none',
    languages: ['typescript'],
    tags: ['deprecated'],
    messages: {
      v2Import: "'{{module}}' is AWS SDK v2, out of support since 2025-09-08. Use the modular SDK v3 clients (@aws-sdk/client-*).",
    },
    gate: SDK_GATE,
    examples: {
      invalid: [{ filename: 'handler.js', code: "const AWS = require('aws-sdk');\n\nconst sqs = new AWS.SQS();\n\nexports.handler = async (event) => sqs.sendMessage({ QueueUrl: event.queueUrl, MessageBody: 'x' }).promise();\n" }],
      valid: [{ filename: 'handler.js', code: "const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');\n\nconst sqs = new SQSClient({});\n\nexports.handler = async (event) => sqs.send(new SendMessageCommand({ QueueUrl: event.queueUrl, MessageBody: 'x' }));\n" }],
    },
  },
  create(ctx) {
    // Test code and fixtures follow the application's SDK: a test's `import AWS from 'aws-sdk'` to
    // hand the instance to `aws-sdk-mock`, or a fixture showing v2 on purpose, is not what to migrate.
    const file = applicationCode(ctx);
    if (!file) return {};
    const check = (specifier: ts.Expression | undefined) => {
      if (!specifier || !ts.isStringLiteralLike(specifier) || !isV2Module(specifier.text)) return;
      ctx.report({ messageId: 'v2Import', data: { module: specifier.text }, start: specifier.getStart(file.sourceFile), end: specifier.getEnd() });
    };
    return {
      ImportDeclaration(n) {
        check((n as ts.ImportDeclaration).moduleSpecifier);
      },
      ExportDeclaration(n) {
        check((n as ts.ExportDeclaration).moduleSpecifier);
      },
      ImportEqualsDeclaration(n) {
        const ref = (n as ts.ImportEqualsDeclaration).moduleReference;
        if (ts.isExternalModuleReference(ref)) check(ref.expression);
      },
      CallExpression(n) {
        const call = n as ts.CallExpression;
        if (isRequire(file, call) || call.expression.kind === ts.SyntaxKind.ImportKeyword) check(call.arguments[0]);
      },
    };
  },
});

/** `aws-sdk` and its subpaths (`aws-sdk/clients/sqs`, `aws-sdk/global`); not `@aws-sdk/*` nor `aws-sdk-client-mock`. */
function isV2Module(module: string): boolean {
  return module === 'aws-sdk' || module.startsWith('aws-sdk/');
}

/** `require(...)` of the real global `require` (not a local function of that name). */
function isRequire(file: TsFile, call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isIdentifier(callee) && callee.text === 'require' && !file.declarationOf(callee);
}
