import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { unwrap } from '../../engine/typescript/bindings';
import type { TsFile } from '../../engine/typescript/file';
import { isBoundary } from '../../engine/typescript/scopes';
import { SDK_GATE, sdkFacts, type SdkFacts } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

/** AWS error names are PascalCase words (`NoSuchKey`, `ConditionalCheckFailedException`); Node's are `ENOENT`, `ERR_…`. */
const AWS_ERROR_NAME = /^[A-Z][a-z]+[A-Za-z0-9]*$/;

export const errorV2CodeCheck = defineRule({
  id: 'error-v2-code-check',
  meta: {
    title: 'SDK v3 error checked with `.code`',
    description: 'An error thrown by an SDK v3 call is tested with `error.code === \'...\'` (the SDK v2 style); v3 errors carry the name in `error.name`.',
    rationale:
      'SDK v3 service exceptions have no `code` property: the error name (`NoSuchKey`, `ConditionalCheckFailedException`) is in `name`, and each has a class for `instanceof`. A v2-style `error.code` test is always false after migrating to v3, so the special case silently never runs. Only errors that can only come from v3 calls are reported (not v2 calls, nor Node system errors such as `ENOENT`).',
    severity: 'warning',
    service: 'sdk',
    guide: 'Error Handling',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      codeCheck: '`{{error}}.code` is undefined on SDK v3 errors, so this test of \'{{value}}\' never matches. Test `{{error}}.name` (or use `instanceof`).',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'read.ts',
          code: "import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\n\nexport async function read(key: string) {\n  try {\n    return await s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));\n  } catch (err: any) {\n    if (err.code === 'NoSuchKey') return null;\n    throw err;\n  }\n}\n",
        },
      ],
      valid: [
        {
          filename: 'read.ts',
          code: "import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\n\nexport async function read(key: string) {\n  try {\n    return await s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));\n  } catch (error) {\n    if (error instanceof S3ServiceException && error.name === 'NoSuchKey') return null;\n    throw error;\n  }\n}\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file || !file.text.includes('code')) return {};
    const sdk = sdkFacts(file);
    const origins = new Map<ts.Node, boolean>();
    const check = (access: ts.PropertyAccessExpression | ts.ElementAccessExpression, nameNode: ts.Node) => {
      const value = comparedAwsName(file, access);
      if (!value) return;
      const source = errorSource(file, access.expression);
      if (!source) return;
      let fromV3 = origins.get(source);
      if (fromV3 === undefined) origins.set(source, (fromV3 = onlyV3(file, sdk, source)));
      if (!fromV3) return;
      const error = unwrap(access.expression).getText(file.sourceFile);
      ctx.report({
        messageId: 'codeCheck',
        data: { error, value },
        start: nameNode.getStart(file.sourceFile),
        end: nameNode.getEnd(),
        fix: {
          title: 'Test `.name` instead of `.code`',
          kind: 'unsafe',
          edits: [{ start: nameNode.getStart(file.sourceFile), end: nameNode.getEnd(), newText: ts.isIdentifier(nameNode) ? 'name' : nameNode.getText(file.sourceFile).replace('code', 'name') }],
        },
      });
    };
    return {
      PropertyAccessExpression(n) {
        const access = n as ts.PropertyAccessExpression;
        if (access.name.text === 'code') check(access, access.name);
      },
      ElementAccessExpression(n) {
        const access = n as ts.ElementAccessExpression;
        if (ts.isStringLiteralLike(access.argumentExpression) && access.argumentExpression.text === 'code') check(access, access.argumentExpression);
      },
    };
  },
});

/** The AWS-style error name `x.code` is compared with (`===`, `switch`/`case`, `[...].includes(x.code)`). */
function comparedAwsName(file: TsFile, access: ts.Expression): string | undefined {
  let n: ts.Node = access;
  while (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent) || ts.isAsExpression(n.parent)) n = n.parent;
  const p = n.parent;
  const awsName = (e: ts.Expression | undefined): string | undefined => {
    const v = e && file.evaluate(e);
    return v && v.kind === 'string' && AWS_ERROR_NAME.test(v.value) ? v.value : undefined;
  };
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
    return awsName(p.left === n ? p.right : p.left);
  }
  if (ts.isSwitchStatement(p) && p.expression === n) {
    for (const clause of p.caseBlock.clauses) {
      const name = ts.isCaseClause(clause) ? awsName(clause.expression) : undefined;
      if (name) return name;
    }
    return undefined;
  }
  if (ts.isCallExpression(p) && p.arguments[0] === n && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === 'includes') {
    const list = file.resolveExpression(p.expression.expression);
    if (list && ts.isArrayLiteralExpression(list)) return list.elements.map((e) => awsName(e as ts.Expression)).find((x) => x);
  }
  return undefined;
}

/**
 * Where the error comes from: the `try` block of the catch clause that binds it, or the call a
 * `.catch((err) => ...)` is attached to.
 */
function errorSource(file: TsFile, expr: ts.Expression): ts.Node | undefined {
  const e = unwrap(expr);
  if (!ts.isIdentifier(e)) return undefined;
  const decl = file.declarationOf(e);
  if (!decl) return undefined;
  if (decl.kind === 'other' && ts.isVariableDeclaration(decl.node) && ts.isCatchClause(decl.node.parent)) return decl.node.parent.parent.tryBlock;
  if (decl.kind === 'parameter' && ts.isParameter(decl.node)) {
    const fn = decl.node.parent;
    const call = fn.parent;
    if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'catch' && call.arguments[0] === fn && fn.parameters[0] === decl.node) {
      return call.expression.expression;
    }
  }
  return undefined;
}

/**
 * Whether everything that can throw there is SDK v3: at least one v3 call (directly, or in a
 * same-file function it calls) and no SDK v2 call.
 */
function onlyV3(file: TsFile, sdk: SdkFacts, source: ts.Node): boolean {
  let v3 = false;
  let v2 = false;
  const seen = new Set<ts.Node>();
  const scan = (root: ts.Node, depth: number): void => {
    const visit = (n: ts.Node): void => {
      if (v2) return;
      if (ts.isCallExpression(n)) {
        if (sdk.isV2Call(n)) v2 = true;
        else if (sdk.isV3Call(n)) v3 = true;
        else if (depth < 2) {
          // One step into same-file helpers: `await getObject(key)`.
          const callee = unwrap(n.expression);
          if (ts.isIdentifier(callee)) {
            const decl = file.declarationOf(callee);
            const fn = decl?.kind === 'function' ? decl.node : decl?.kind === 'variable' && decl.node.initializer && isBoundary(unwrap(decl.node.initializer)) ? unwrap(decl.node.initializer) : undefined;
            if (fn && !seen.has(fn)) {
              seen.add(fn);
              scan(fn, depth + 1);
            }
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(root);
  };
  scan(source, 0);
  return v3 && !v2;
}
