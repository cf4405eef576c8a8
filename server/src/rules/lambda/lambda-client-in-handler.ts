import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import type { TsFile } from '../../engine/typescript/file';
import { canRunAtModuleScope, declarationCount, dedentedText, fileStyle, isFreeModuleName, lineStartBefore, removeStatement } from '../../engine/typescript/hoist';
import { isCustomResourceHandler } from '../../engine/typescript/handlers';
import { scopeFacts, type ScopeFacts } from '../../engine/typescript/scopes';
import { SDK_GATE, sdkFacts } from '../../engine/typescript/sdk';
import { dependsOnInvocation, storedInModuleState } from '../../engine/typescript/flow';
import { runsOncePerContainer } from '../../engine/typescript/once';
import { applicationCode } from '../applicationCode';

export const lambdaClientInHandler = defineRule({
  id: 'lambda-client-in-handler',
  meta: {
    title: 'SDK client created on every invocation',
    description: 'An AWS SDK client (v3 or v2) is constructed inside a Lambda handler, or in code only the handler runs, instead of once at module scope.',
    rationale:
      'Lambda reuses the execution environment between invocations: a client created at module scope keeps its configuration, credentials and open TLS connections for every warm invocation. A client created inside the handler redoes that work on each request, adding latency and connection churn. Clients built from per-request data on purpose (a region or assumed-role credentials taken from the event) are not reported, nor are CloudFormation custom resource handlers, which run once per deployment.',
    severity: 'warning',
    service: 'lambda',
    guide: 'Lambda / Handler Pattern',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      clientInHandler: '{{client}} is created on every invocation ({{where}}); create it once at module scope so warm invocations reuse it and its connections.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'handler.ts',
          code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nexport const handler = async () => {\n  const ddb = new DynamoDBClient({});\n  return ddb.config.region();\n};\n",
        },
      ],
      valid: [
        {
          filename: 'handler.ts',
          code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nconst ddb = new DynamoDBClient({});\n\nexport const handler = async () => {\n  return ddb.config.region();\n};\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const scopes = scopeFacts(file);
    // A custom resource runs once per stack operation: there are no warm invocations to reuse a client.
    if (!scopes.servesRequests() || scopes.handlers.some((h) => isCustomResourceHandler(file, h))) return {};
    const sdk = sdkFacts(file);
    return {
      NewExpression(n) {
        const node = n as ts.NewExpression;
        const client = sdk.clientConstruction(node);
        if (!client || !scopes.isRequestPath(node)) return;
        // Kept in module state (`client ??= new S3Client()`, `clients.set(region, ...)`): created once.
        if (storedInModuleState(file, scopes, node)) return;
        // Behind a module-state guard or in a memoized init (`if (!runtime) {...}`, `ready ||= init()`): built once too.
        if (runsOncePerContainer(file, scopes, node)) return;
        // Built from the request on purpose: a per-tenant region, assumed-role credentials.
        if (node.arguments?.some((a) => dependsOnInvocation(file, scopes, a))) return;
        const fn = scopes.enclosingFunction(node);
        const handler = scopes.handlerOf(node);
        const helper = fn && functionName(fn);
        const where = handler ? `inside ${handler.name}` : helper ? `in ${helper}, which the handler calls` : 'inside the handler';
        const fix = moveToModuleScope(file, scopes, node);
        ctx.report({
          messageId: 'clientInHandler',
          data: { client: node.expression.getText(file.sourceFile), where },
          start: node.getStart(file.sourceFile),
          end: node.getEnd(),
          fix,
        });
      },
    };
  },
});

function functionName(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/**
 * `const s3 = new S3Client({...});` (or `DynamoDBDocumentClient.from(new DynamoDBClient({}))`) in a
 * handler → the same declaration at module scope, above the handler. Only when the declaration can
 * run at module scope and its name is free there.
 */
function moveToModuleScope(file: TsFile, scopes: ScopeFacts, node: ts.NewExpression): Fix | undefined {
  let n: ts.Node = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent))) n = n.parent;
  // One wrapping call around the construction (`DynamoDBDocumentClient.from(new DynamoDBClient())`).
  if (n.parent && ts.isCallExpression(n.parent) && n.parent.arguments.includes(n as ts.Expression)) n = n.parent;
  const decl = n.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || unwrap(decl.initializer) !== unwrap(n as ts.Expression) || !ts.isIdentifier(decl.name)) return undefined;
  const list = decl.parent;
  const statement = list.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(statement)) return undefined;
  if (!ts.isBlock(statement.parent)) return undefined;
  const name = decl.name.text;
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  if (!isConst && scopes.referencesTo(name, decl).some(isAssignmentTarget)) return undefined;
  if (!isFreeModuleName(file, name) || declarationCount(file, name) > 1) return undefined;
  const requires = localRequires(file, scopes, decl.initializer, statement);
  if (!requires) return undefined;
  if (!canRunAtModuleScope(file, scopes, decl, requires.declarations)) return undefined;
  const top = scopes.topLevelStatement(statement);
  if (!top) return undefined;
  const { eol } = fileStyle(file);
  const at = lineStartBefore(file, top);
  const moved = [...requires.statements, statement];
  return {
    title: `Move \`${name}\` to module scope`,
    kind: 'unsafe',
    edits: [{ start: at, end: at, newText: `${moved.map((st) => dedentedText(file, st)).join(eol)}${eol}${eol}` }, ...moved.map((st) => removeStatement(file, st))],
  };
}

/**
 * `const AWS = require('aws-sdk')` (or `const { S3 } = require(...)`) written in the handler's block above
 * the client the expression builds: moved with it, since a require runs the same at module scope. Undefined
 * when such a require cannot move (another block, several declarations, a name taken at module scope).
 */
function localRequires(
  file: TsFile,
  scopes: ScopeFacts,
  expr: ts.Expression,
  statement: ts.VariableStatement,
): { statements: ts.VariableStatement[]; declarations: Set<ts.Node> } | undefined {
  const statements: ts.VariableStatement[] = [];
  const declarations = new Set<ts.Node>();
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(n)) {
      const d = file.declarationOf(n);
      if (!d || d.kind !== 'import' || scopes.isModuleLevel(d) || declarations.has(d.node)) return;
      let v: ts.Node = d.node;
      while (ts.isBindingElement(v) || ts.isObjectBindingPattern(v)) v = v.parent;
      const st = v.parent?.parent;
      if (!ts.isVariableDeclaration(v) || !st || !ts.isVariableStatement(st) || st.declarationList.declarations.length !== 1 || st.parent !== statement.parent || st.end > statement.pos) {
        ok = false;
        return;
      }
      const names = ts.isIdentifier(v.name) ? [v.name.text] : v.name.elements.flatMap((el) => (ts.isBindingElement(el) && ts.isIdentifier(el.name) ? [el.name.text] : []));
      if (names.some((x) => !isFreeModuleName(file, x) || declarationCount(file, x) > 1)) {
        ok = false;
        return;
      }
      declarations.add(d.node);
      if (!statements.includes(st)) statements.push(st);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return ok ? { statements: statements.sort((a, b) => a.pos - b.pos), declarations } : undefined;
}

function isAssignmentTarget(id: ts.Identifier): boolean {
  const p = id.parent;
  return ts.isBinaryExpression(p) && p.left === id && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}
