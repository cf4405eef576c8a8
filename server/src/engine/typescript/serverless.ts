// Serverless Framework configs written in TypeScript/JavaScript (`serverless.ts` from the official
// template, typed `AWS` from `@serverless/typescript`; `serverless.js`; per-function files such as
// `src/functions/hello/index.ts` exporting one function definition). They are plain objects, not
// constructs: a `provider` object with `name: 'aws'`, and function definitions (objects with a
// `handler` string) under `functions` or in a file typed from the framework's type packages.
// Recognition works on the nodes the shared walk visits: nothing here walks the file.
import * as ts from './api';
import { unwrap } from './bindings';
import { propertyName, type TsFile } from './file';

/**
 * What a file's text must contain to hold a Serverless config the rules can read: a `provider`
 * key, or an import of the framework's types (`@serverless/typescript`, `serverless/aws`).
 */
export const SERVERLESS_GATE = /serverless|provider['"]?\s*:/;

const TYPE_MODULE = /^(?:@serverless\/typescript|serverless\/aws|serverless)$/;

/** The file imports a type of the framework (`import type { AWS } from '@serverless/typescript'`), once per file. */
export function importsServerlessTypes(file: TsFile): boolean {
  const memo = file.memo<'types', boolean>(importsServerlessTypes);
  let yes = memo.get('types');
  if (yes === undefined) {
    yes = file.sourceFile.statements.some((s) => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && TYPE_MODULE.test(s.moduleSpecifier.text));
    memo.set('types', yes);
  }
  return yes;
}

/** `provider: { name: 'aws', ... }` (or `const provider = {...}`): the AWS provider of a Serverless config. */
export function isAwsProvider(file: TsFile, obj: ts.ObjectLiteralExpression): boolean {
  const key = holderName(obj);
  if (!key || !/^provider$/i.test(key)) return false;
  const name = ownProp(obj, 'name');
  const v = name && file.evaluate(name);
  return v?.kind === 'string' && v.value === 'aws';
}

/**
 * A function definition: an object with a `handler` string (or template) that is not the props of
 * a call or construct (`new sst.Function(...)`, `createLambda({...})` are other tools' functions).
 * Whether it belongs to a Serverless config is the caller's question (see `isServerlessFile`).
 */
export function isFunctionDefinition(obj: ts.ObjectLiteralExpression): boolean {
  const handler = ownProp(obj, 'handler');
  if (!handler) return false;
  const h = unwrap(handler);
  if (!ts.isStringLiteralLike(h) && !ts.isTemplateExpression(h)) return false;
  const parent = outer(obj).parent;
  return !!parent && !ts.isCallExpression(parent) && !ts.isNewExpression(parent);
}

/** A name for a function definition: its key under `functions`, its variable, or `handler`'s value. */
export function functionLabel(file: TsFile, obj: ts.ObjectLiteralExpression): string {
  const key = holderName(obj);
  if (key) return key;
  const handler = ownProp(obj, 'handler');
  const v = handler && file.evaluate(handler);
  return v?.kind === 'string' ? v.value : 'definition';
}

/** The value of a property written in the literal itself (`name: 'aws'`), not through a spread. */
function ownProp(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) if (ts.isPropertyAssignment(p) && propertyName(p.name) === name) return p.initializer;
  return undefined;
}

/** The key or variable the object is written to: `provider: {...}`, `const hello = {...}`. */
function holderName(obj: ts.ObjectLiteralExpression): string | undefined {
  const holder = outer(obj).parent;
  if (holder && ts.isPropertyAssignment(holder)) return propertyName(holder.name);
  if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  return undefined;
}

/** The node standing for the object in its parent: through `as`, `satisfies`, parentheses. */
function outer(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent) || ts.isTypeAssertionExpression(n.parent))) n = n.parent;
  return n;
}
