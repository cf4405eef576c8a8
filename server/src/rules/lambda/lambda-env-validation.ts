import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { indentAt } from '../../engine/text';
import type { Fix, TextEdit } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import { callReceiving, envDestructuredReads, envReadAt, isLambdaReserved, usageOf, type EnvRead } from '../../engine/typescript/env';
import { propertyName, type TsFile } from '../../engine/typescript/file';
import { canRunAtModuleScope, declarationCount, dedentedText, fileStyle, isFreeModuleName, lineStartBefore, missingCheck, removeStatement } from '../../engine/typescript/hoist';
import { runsOncePerContainer } from '../../engine/typescript/once';
import { scopeFacts, type ScopeFacts } from '../../engine/typescript/scopes';
import { sdkFacts } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

const CHECK_CALL = /^(assert\w*|invariant|ok|strictEqual|notStrictEqual|required?\w*|requireEnv|ensure\w*|must\w*|check\w*|validate\w*|verify\w*|parse|safeParse|notEmpty|isDefined|getOrThrow|orThrow)$/i;

export const lambdaEnvValidation = defineRule({
  id: 'lambda-env-validation',
  meta: {
    title: 'Environment variable not validated at cold start',
    description:
      'A handler reads an environment variable on every invocation, or module code reads one that requests need without checking it is set (`!`, `as string` and `?? \'\'` are assertions, not checks).',
    rationale:
      'Configuration does not change between invocations. Reading it once at module scope and throwing when it is missing makes a misconfigured function fail at cold start, with a clear error, instead of failing requests later with `undefined` table names or queue URLs. A TypeScript assertion (`!`, `as string`) or an empty default (`?? \'\'`) silences the compiler but checks nothing at run time. Variables Lambda always sets (`AWS_REGION`, `AWS_LAMBDA_*`...), reads with a real default, reads that are themselves tests, reads in a lazy initialization behind a module-scope cache (`if (!cache) { ... }`: once per container) and files without a handler are not reported.',
    severity: 'warning',
    service: 'lambda',
    guide: 'Lambda / Environment Variables',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      perRequest: 'process.env.{{name}} is read on every invocation{{asserted}}; read it once at module scope and throw at cold start when it is missing.',
      assertedNotChecked: 'process.env.{{name}} is only asserted with `{{assertion}}`: nothing checks it, so a missing variable runs as {{missing}}. Check it at cold start and throw.',
      notChecked: '{{variable}} holds process.env.{{name}} and requests use it, but nothing checks it is set; throw at cold start when it is missing.',
    },
    gate: /env/,
    examples: {
      invalid: [
        {
          filename: 'handler.ts',
          code: "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';\nimport { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nconst ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nconst TABLE_NAME = process.env.TABLE_NAME!;\n\nexport const handler = async (event: { id: string }) => {\n  return ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { id: event.id } }));\n};\n",
        },
      ],
      valid: [
        {
          filename: 'handler.ts',
          code: "const TABLE_NAME = process.env.TABLE_NAME;\nconst QUEUE_URL = process.env.QUEUE_URL;\n\nif (!TABLE_NAME || !QUEUE_URL) {\n  throw new Error('Missing required environment variables');\n}\n\nexport const handler = async () => {\n  return { TABLE_NAME, QUEUE_URL };\n};\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const scopes = scopeFacts(file);
    if (!scopes.servesRequests()) return {};
    const reads: EnvRead[] = [];
    const collect = (n: ts.Node) => {
      const r = envReadAt(file, n);
      if (r) reads.push(r);
    };
    return {
      PropertyAccessExpression: collect,
      ElementAccessExpression: collect,
      VariableDeclaration(n) {
        reads.push(...envDestructuredReads(file, n as ts.VariableDeclaration));
      },
      fileEnd() {
        // Request parameters of an SDK call (`sqs.sendMessage({ QueueUrl: process.env.X })`) are
        // values the call needs, not a validator receiving the variable.
        const sdk = sdkFacts(file);
        for (const r of reads) {
          const call = r.usage === 'handed' && r.outer ? callReceiving(r.outer) : undefined;
          if (call && (sdk.operationOf(call) || sdk.presignOf(call))) r.usage = 'value';
        }
        const relevant = reads.filter((r) => !isLambdaReserved(r.name) && r.usage === 'value');
        const atInit = reads.filter((r) => scopes.isModuleInit(r.node));
        const validated = new Set(atInit.filter((r) => r.usage === 'checked' || (r.boundTo && isChecked(scopes, r.boundTo))).map((r) => r.name));

        // Per request: every read in code the handler runs, except a lazy initialization behind a
        // module-scope cache or in a memoized init, which runs once per container.
        const perRequest = relevant.filter((r) => scopes.isRequestPath(r.node) && !validated.has(r.name) && !runsOncePerContainer(file, scopes, r.node));
        const byName = new Map<string, EnvRead[]>();
        for (const r of perRequest) {
          const list = byName.get(r.name) ?? [];
          list.push(r);
          byName.set(r.name, list);
        }
        for (const [name, list] of byName) {
          const fix = hoistFix(file, scopes, name, list, reads);
          list.forEach((r, i) => {
            ctx.report({
              messageId: 'perRequest',
              data: { name, asserted: r.assertion ? ` and only asserted with \`${r.assertion}\`` : '' },
              start: r.node.getStart(file.sourceFile),
              end: r.node.getEnd(),
              key: `perRequest::${name}::${i}`,
              ...(fix ? (i === 0 ? { fix } : { suggestions: [fix] }) : {}),
            });
          });
        }

        // At cold start: asserted instead of checked, or never checked though requests need it.
        for (const r of relevant) {
          if (!scopes.isModuleInit(r.node)) continue;
          if (r.boundTo && isChecked(scopes, r.boundTo)) continue;
          // `process.env.X!.split(',')` at cold start: a missing variable already fails there (a TypeError).
          if (r.dereferenced) continue;
          const range = { start: r.node.getStart(file.sourceFile), end: r.node.getEnd() };
          if (r.assertion) {
            ctx.report({
              messageId: 'assertedNotChecked',
              data: { name: r.name, assertion: r.assertion, missing: r.assertion === "?? ''" ? 'an empty string' : 'undefined' },
              ...range,
              key: `asserted::${r.name}`,
              fix: r.boundTo ? checkAfterFix(file, r.boundTo, r.name) : undefined,
            });
          } else if (r.boundTo && ts.isIdentifier(r.boundTo.name) && usedAsSdkInput(file, scopes, r.boundTo)) {
            ctx.report({
              messageId: 'notChecked',
              data: { name: r.name, variable: r.boundTo.name.text },
              ...range,
              key: `notChecked::${r.name}`,
              fix: checkAfterFix(file, r.boundTo, r.name),
            });
          } else if (!r.boundTo && !validated.has(r.name)) {
            // `const params = { TableName: process.env.TABLE };` at module scope, sent by the handler.
            const held = sdkInputProperty(file, scopes, r);
            if (!held) continue;
            ctx.report({
              messageId: 'notChecked',
              data: { name: r.name, variable: held.text },
              ...range,
              key: `notChecked::${r.name}`,
              fix: propertyCheckFix(file, held.statement, held.text, r.name),
            });
          }
        }
      },
    };
  },
});

/** Whether any use of the variable tests it (`if (!X)`, `X === undefined`, `assert(X)`, `X ?? fallback`). */
function isChecked(scopes: ScopeFacts, bound: ts.VariableDeclaration | ts.BindingElement): boolean {
  if (!ts.isIdentifier(bound.name)) return true;
  return scopes.referencesTo(bound.name.text, bound).some(testsValue);
}

/** Whether a use of the value tests it: a condition, a comparison, a fallback, a validator's argument. */
function testsValue(ref: ts.Expression): boolean {
  {
    let outer: ts.Expression = ref;
    while (ts.isParenthesizedExpression(outer.parent) || ts.isNonNullExpression(outer.parent) || ts.isAsExpression(outer.parent)) outer = outer.parent;
    const usage = usageOf(outer);
    if (usage === 'checked' || usage === 'defaulted') return true;
    if (usage === 'handed') {
      const call = callReceiving(outer);
      const callee = call && unwrap(call.expression);
      const name = callee && (ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined);
      return !!name && CHECK_CALL.test(name);
    }
    return false;
  }
}

/** Whether requests pass the variable to an SDK operation (`TableName: TABLE_NAME`), where a missing value breaks them. */
function usedAsSdkInput(file: TsFile, scopes: ScopeFacts, bound: ts.VariableDeclaration | ts.BindingElement): boolean {
  if (!ts.isIdentifier(bound.name)) return false;
  return scopes.referencesTo(bound.name.text, bound).some((ref) => {
    const p = ref.parent;
    if (ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && p.initializer === ref)) return isSdkInput(file, scopes, p.parent as ts.ObjectLiteralExpression, 0);
    return false;
  });
}

/**
 * A read written as a property of a module constant that an SDK call takes (`const params = { TableName:
 * process.env.TABLE }` then `ddb.scan(params)`): `params.TableName` and the statement declaring it.
 */
function sdkInputProperty(file: TsFile, scopes: ScopeFacts, r: EnvRead): { text: string; statement: ts.VariableStatement } | undefined {
  const prop = r.outer?.parent;
  if (!prop || !ts.isPropertyAssignment(prop) || prop.initializer !== r.outer || !ts.isObjectLiteralExpression(prop.parent)) return undefined;
  const obj = prop.parent;
  const decl = obj.parent;
  const key = propertyName(prop.name);
  if (!key || !/^[A-Za-z_$][\w$]*$/.test(key) || !ts.isVariableDeclaration(decl) || decl.initializer !== obj || !ts.isIdentifier(decl.name)) return undefined;
  const statement = decl.parent.parent;
  if (!ts.isVariableStatement(statement) || !ts.isSourceFile(statement.parent) || !isSdkInput(file, scopes, obj, 0)) return undefined;
  // `if (!params.TableName) throw ...` tests it already.
  const tested = scopes.referencesTo(decl.name.text, decl).some((ref) => {
    const p = ref.parent;
    return ts.isPropertyAccessExpression(p) && p.expression === ref && p.name.text === key && testsValue(p);
  });
  if (tested) return undefined;
  return { text: `${decl.name.text}.${key}`, statement };
}

/** Whether an object literal reaches an SDK call as its input (directly, through one `const`, or nested in another input). */
function isSdkInput(file: TsFile, scopes: ScopeFacts, obj: ts.ObjectLiteralExpression, hops: number): boolean {
  const sdk = sdkFacts(file);
  const isInput = (obj: ts.ObjectLiteralExpression, hops: number): boolean => {
    let n: ts.Node = obj;
    while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent))) n = n.parent;
    const p = n.parent;
    // A command's input, or a lib-storage `new Upload({ client, params: {...} })`, which sends the parts.
    if (ts.isNewExpression(p) && p.arguments?.[0] === n) return !!sdk.commandOf(p) || sdk.isUpload(p);
    if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) return !!sdk.operationOf(p);
    if (ts.isVariableDeclaration(p) && p.initializer === n && ts.isIdentifier(p.name) && hops === 0) {
      return scopes.referencesTo(p.name.text, p).some((ref) => {
        const q = ref.parent;
        return (ts.isNewExpression(q) && q.arguments?.[0] === ref && !!sdk.commandOf(q)) || (ts.isCallExpression(q) && q.arguments.includes(ref) && !!sdk.operationOf(q));
      });
    }
    if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isObjectLiteralExpression(p.parent)) return isInput(p.parent, hops);
    return false;
  };
  return isInput(obj, hops);
}

/** `const params = {...};` → the same, followed by the guide's check of the property that holds the variable. */
function propertyCheckFix(file: TsFile, statement: ts.VariableStatement, held: string, envName: string): Fix {
  const style = fileStyle(file);
  const at = statement.getEnd();
  return {
    title: `Throw at cold start when ${envName} is missing`,
    kind: 'unsafe',
    edits: [{ start: at, end: at, newText: `${style.eol}${missingCheck(style, held, envName, '')}` }],
  };
}

/** `const X = process.env.X!;` → the same, followed by the guide's check (the assertion keeps TypeScript's type). */
function checkAfterFix(file: TsFile, bound: ts.VariableDeclaration | ts.BindingElement, envName: string): Fix | undefined {
  if (!ts.isIdentifier(bound.name)) return undefined;
  let decl: ts.Node = bound;
  while (!ts.isVariableDeclaration(decl)) decl = decl.parent;
  const statement = decl.parent.parent;
  if (!ts.isVariableStatement(statement) || !(ts.isSourceFile(statement.parent) || ts.isBlock(statement.parent))) return undefined;
  const style = fileStyle(file);
  const indent = indentAt(file.text, statement.getStart(file.sourceFile));
  const at = statement.getEnd();
  return {
    title: `Throw at cold start when ${envName} is missing`,
    kind: 'unsafe',
    edits: [{ start: at, end: at, newText: `${style.eol}${missingCheck(style, bound.name.text, envName, indent)}` }],
  };
}

/**
 * Reads of one variable in request code → one module-scope constant with the check. A lone
 * `const x = process.env.X` moves as it is; otherwise `const X = process.env.X` is added above the
 * handler and each read becomes `X` (an existing `const X = process.env.X` at module scope is reused).
 */
function hoistFix(file: TsFile, scopes: ScopeFacts, name: string, list: EnvRead[], all: EnvRead[]): Fix | undefined {
  const style = fileStyle(file);
  const first = list[0];
  const top = scopes.topLevelStatement(first.node);
  if (!top) return undefined;
  const insertAt = Math.min(...list.map((r) => lineStartBefore(file, scopes.topLevelStatement(r.node) ?? top)));
  const title = `Read ${name} once at module scope and throw when it is missing`;

  if (list.length === 1 && first.boundTo && ts.isVariableDeclaration(first.boundTo) && ts.isIdentifier(first.boundTo.name)) {
    const decl = first.boundTo;
    const local = (decl.name as ts.Identifier).text;
    const list = decl.parent as ts.VariableDeclarationList;
    const statement = list.parent;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    if (
      ts.isVariableStatement(statement) && list.declarations.length === 1 && ts.isBlock(statement.parent) &&
      isConst && isFreeModuleName(file, local) && declarationCount(file, local) <= 1 && canRunAtModuleScope(file, scopes, statement)
    ) {
      const text = `${dedentedText(file, statement)}${style.eol}${missingCheck(style, local, name, '')}${style.eol}${style.eol}`;
      return { title, kind: 'unsafe', edits: [{ start: insertAt, end: insertAt, newText: text }, removeStatement(file, statement)] };
    }
  }

  if (!/^[A-Za-z_$][\w$]*$/.test(name) || list.some((r) => !ts.isPropertyAccessExpression(r.node) && !ts.isElementAccessExpression(r.node))) return undefined;
  // An existing module constant bound to the same read is reused.
  const existing = file.bindings.declarationsIn(file.sourceFile).get(name);
  let reuse = false;
  if (existing) {
    const bound = all.find((r) => r.name === name && r.boundTo === existing.node);
    if (!bound || existing.kind !== 'variable' || !existing.isConst) return undefined;
    reuse = true;
  }
  for (const r of list) {
    const decl = file.bindings.declarationOf(name, r.node);
    if (decl && decl !== existing) return undefined; // a local of that name would shadow the constant
  }
  const edits: TextEdit[] = list.map((r) => ({ start: r.node.getStart(file.sourceFile), end: r.node.getEnd(), newText: name }));
  if (!reuse) {
    const text = `const ${name} = process.env.${name}${style.semi}${style.eol}${missingCheck(style, name, name, '')}${style.eol}${style.eol}`;
    edits.unshift({ start: insertAt, end: insertAt, newText: text });
  }
  return { title, kind: 'unsafe', edits };
}
