import { defineRule } from '../../engine/rule';
import { versionAtLeast } from '../../engine/project';
import { CDK_GATE, constructKey, constructVisitor, propOrDefault, propRange, renameExport, replaceValue } from '../../engine/typescript/cdk';
import { stringLiteral } from '../../engine/typescript/edits';
import * as ts from '../../engine/typescript/api';
import { unwrap } from '../../engine/typescript/bindings';
import { propertyName } from '../../engine/typescript/file';
import { SERVERLESS_GATE, functionLabel, importsServerlessTypes, isAwsProvider, isFunctionDefinition } from '../../engine/typescript/serverless';
import type { Visitor } from '../../engine/rule';
import type { TsFile } from '../../engine/typescript/file';
import type { TextEdit } from '../../engine/types';
import { isDeprecated, replacementFor, runtimeByCdkConstant, runtimeById, type LambdaRuntime } from '../../data/lambda-runtimes';

const LAMBDA = 'aws-cdk-lib/aws-lambda';

/**
 * `@serverless/typescript` types `runtime` as a union of the runtimes its release knew: the 3.x line
 * (3.38.0, the last) stops at nodejs20.x and python3.11, 4.x lists the current ones. The project's
 * version is not read, so a typed file's fix says what it needs.
 */
const TYPED_NOTE = ' (the AWS type of @serverless/typescript 4.x lists it; 3.x does not)';

export const lambdaDeprecatedRuntime = defineRule({
  id: 'lambda-deprecated-runtime',
  meta: {
    title: 'Deprecated Lambda runtime',
    description: 'A Lambda function on a runtime past its AWS deprecation date (from a dated table in `server/src/data/lambda-runtimes.ts`).',
    rationale:
      'After its deprecation date a runtime gets no security patches, and shortly after AWS blocks creating and then updating functions that use it: a routine deploy starts failing. Move to the newest supported runtime of the same language. ' +
      "Read in CDK (`Runtime.NODEJS_16_X`, `new Runtime('nodejs16.x')`, an L1 `CfnFunction`'s `runtime` string; and a `runtime: Runtime.X` in function props that no function of the file reads, such as a shared defaults object that stacks in other files spread, typed `FunctionProps` or not) and in Serverless Framework configs written in TypeScript/JavaScript (`serverless.ts`, `serverless.js`): `provider.runtime` of the `aws` provider, and a function definition's own `runtime`.",
    severity: 'warning',
    service: 'lambda',
    guide: 'Lambda / Timeouts and Memory',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      deprecated: 'Function {{name}} uses {{runtime}}, deprecated by AWS since {{date}}: no more security patches, and deployments will be blocked. Move to {{replacement}}.',
      deprecatedProvider:
        'The Serverless provider runtime {{runtime}}, used by every function of this service that sets none, is deprecated by AWS since {{date}}: no more security patches, and deployments will be blocked. Move to {{replacement}}.',
      deprecatedProps:
        'Function props {{name}} set {{runtime}}, deprecated by AWS since {{date}}: every function built from them gets no more security patches and blocked deployments. Move to {{replacement}}.',
      deprecatedDefault:
        'Function {{name}} defaults to {{runtime}} (the props its caller passes may override it), deprecated by AWS since {{date}}: every caller that does not set a runtime gets no more security patches and blocked deployments. Move the default to {{replacement}}.',
    },
    options: {
      asOf: {
        description: 'The date (YYYY-MM-DD) to judge deprecation on; empty means today.',
        default: '',
        schema: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' },
      },
    },
    // CDK constructs, or a Serverless config.
    gate: new RegExp(`${CDK_GATE.source}|${SERVERLESS_GATE.source}`),
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'Handler', { runtime: lambda.Runtime.NODEJS_16_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist') });\n" }],
      valid: [{ filename: 'stack.ts', code: "import * as lambda from 'aws-cdk-lib/aws-lambda';\nnew lambda.Function(this, 'Handler', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromAsset('dist') });\n" }],
    },
  },
  create(ctx) {
    const asOf = typeof ctx.options.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(ctx.options.asOf) ? ctx.options.asOf : new Date().toISOString().slice(0, 10);
    const cdkVersion = ctx.settings.awsCdkLibVersion;
    const cdk = CDK_GATE.test(ctx.file.text);
    // Where this file's functions are built: a props object read there is judged with its function.
    const constructRanges: [number, number][] = [];
    const insideFunction = (at: number) => constructRanges.some(([start, end]) => at >= start && at < end);
    // The `runtime` props the functions read, wherever written (a helper's return value, a const).
    const readByFunction = new Set<ts.Node>();
    const visitor: Visitor = cdk ? constructVisitor(ctx, ['function', 'cfnFunction'], (c, file) => {
      constructRanges.push([c.node.getStart(file.sourceFile), c.node.getEnd()]);
      // Or a construct library's default, which its caller's props may override: what the library itself hard-codes.
      const s = propOrDefault(file, c, 'runtime');
      if (s.state !== 'present') return;
      readByFunction.add(s.prop.node);
      const v = s.value;
      let runtime: LambdaRuntime | undefined;
      if (c.kind === 'cfnFunction') runtime = v.kind === 'string' ? runtimeById(v.value) : undefined;
      else if (v.kind === 'symbol' && v.ref.module === LAMBDA && v.ref.path.length === 2 && v.ref.path[0] === 'Runtime') runtime = runtimeByCdkConstant(v.ref.path[1]);
      else if (v.kind === 'new' && v.ref.module === LAMBDA && v.ref.path.join('.') === 'Runtime') {
        const id = file.evaluate(v.args[0]);
        runtime = id.kind === 'string' ? runtimeById(id.value) : undefined;
      }
      if (!runtime || !isDeprecated(runtime, asOf)) return;
      const l2Constant = c.kind !== 'cfnFunction' && v.kind === 'symbol';
      const next = replacementFor(runtime, asOf, { cdk: l2Constant, cdkVersionAtLeast: (min) => versionAtLeast(cdkVersion, min) });
      let edits: TextEdit[] | undefined;
      // CDK v1 (end of support 2023) has none of today's runtimes: name one, edit nothing.
      if (next && l2Constant && !c.v1) {
        const e = renameExport(v, next.cdk!);
        edits = e && [e];
      } else if (next && c.kind === 'cfnFunction' && s.byDefault !== 'fallback') edits = replaceValue(file, s.prop, stringLiteral(file, next.id));
      ctx.report({
        messageId: s.byDefault ? 'deprecatedDefault' : 'deprecated',
        data: { name: c.label, runtime: runtime.id, date: runtime.deprecated!, replacement: next?.id ?? 'a supported runtime' },
        ...propRange(file, s.prop),
        key: constructKey(c),
        // A new major language version can change behaviour: the code must be tested on it.
        fix: edits && next && { title: `Use ${l2Constant ? `Runtime.${next.cdk}` : next.id}`, kind: 'unsafe', edits },
      });
    }) : {};
    const file = ctx.ts;
    if (!file || ctx.file.isTest) return visitor;
    const serverless = SERVERLESS_GATE.test(ctx.file.text);
    // CDK function props written apart from any function (a shared defaults object, often in a file of
    // its own): the text's `runtime: ...Runtime.X` with a deprecated X (or `new Runtime(`) are found by
    // one regular expression, and at the file's end only those outside this file's functions are read.
    // A visitor on every property would tax every CDK file for a rare case.
    const candidates = cdk ? deprecatedRuntimeKeys(ctx.file.text, asOf) : [];
    const scanProps = candidates.length > 0;
    if (!serverless && !scanProps) return visitor;
    // Serverless Framework configs: `runtime` keys seen by the walk, judged at the end, once the
    // file is known to be a config (an `aws` provider anywhere in it, or the framework's types).
    const runtimes: ts.PropertyAssignment[] = [];
    let provider = false;
    const onProperty = (node: ts.Node): void => {
      const p = node as ts.PropertyAssignment;
      const name = propertyName(p.name);
      if (name === 'runtime') runtimes.push(p);
      else if (name === 'provider' && !provider) {
        const obj = unwrap(p.initializer);
        provider = ts.isObjectLiteralExpression(obj) && isAwsProvider(file, obj);
      }
    };
    const fileEnd = (): void => {
      for (const at of candidates) {
        if (insideFunction(at)) continue;
        const p = propertyAt(file, at);
        if (p) reportPropsObject(p);
      }
      if (serverless) serverlessEnd();
    };
    /**
     * `const defaults: Partial<NodejsFunctionProps> = { runtime: Runtime.NODEJS_18_X, ... }`, or the
     * same object untyped, exported for stacks in other files to spread: no function of this file
     * reads it (those are judged with their function, above), so the props are reported where they
     * are written. Only a CDK `Runtime` of `aws-cdk-lib/aws-lambda` is read: what else would hold one.
     */
    const reportPropsObject = (p: ts.PropertyAssignment): void => {
      const v = file.evaluate(p.initializer);
      let runtime: LambdaRuntime | undefined;
      if (v.kind === 'symbol' && v.ref.module === LAMBDA && v.ref.path.length === 2 && v.ref.path[0] === 'Runtime') runtime = runtimeByCdkConstant(v.ref.path[1]);
      else if (v.kind === 'new' && v.ref.module === LAMBDA && v.ref.path.join('.') === 'Runtime') {
        const id = file.evaluate(v.args[0]);
        runtime = id.kind === 'string' ? runtimeById(id.value) : undefined;
      }
      if (!runtime || !isDeprecated(runtime, asOf) || readByFunction.has(p)) return;
      const at = p.getStart(file.sourceFile);
      const names = holderNames(p.parent);
      if (names.some((n) => constructRanges.some(([start, end]) => new RegExp(`\\b${n.replace(/\$/g, '\\$')}\\b`).test(file.text.slice(start, end))))) return;
      const l2Constant = v.kind === 'symbol';
      const next = replacementFor(runtime, asOf, { cdk: l2Constant, cdkVersionAtLeast: (min) => versionAtLeast(cdkVersion, min) });
      const v1 = /['"]@aws-cdk\/aws-lambda['"]/.test(file.text);
      const e = next && l2Constant && !v1 ? renameExport(v, next.cdk!) : undefined;
      // Props written inline for a construct we do not know as a function (`new triggers.TriggerFunction(...)`, a wrapper class): named by it.
      const owner = p.parent.parent;
      const name = names[0] ?? (ts.isNewExpression(owner) ? `for \`new ${owner.expression.getText(file.sourceFile)}\`` : 'written here');
      ctx.report({
        messageId: 'deprecatedProps',
        data: { name, runtime: runtime.id, date: runtime.deprecated!, replacement: next?.id ?? 'a supported runtime' },
        start: at,
        end: p.getEnd(),
        key: `FunctionProps::${name}`,
        // As for a function: a new major language version can change behaviour, so never unattended.
        fix: e && next && { title: `Use Runtime.${next.cdk}`, kind: 'unsafe', edits: [e] },
      });
    };
    const serverlessEnd = (): void => {
      const typed = importsServerlessTypes(file);
      for (const p of runtimes) {
        const obj = p.parent;
        const isProvider = isAwsProvider(file, obj);
        if (!isProvider && !(isFunctionDefinition(obj) && (provider || typed))) continue;
        const v = file.evaluate(p.initializer);
        const runtime = v.kind === 'string' ? runtimeById(v.value) : undefined;
        if (!runtime || !isDeprecated(runtime, asOf)) continue;
        const next = replacementFor(runtime, asOf, { cdk: false });
        const literal = unwrap(p.initializer);
        const edits: TextEdit[] | undefined = next && ts.isStringLiteralLike(literal) ? [{ start: literal.getStart(file.sourceFile), end: literal.getEnd(), newText: stringLiteral(file, next.id) }] : undefined;
        const name = isProvider ? 'provider' : functionLabel(file, obj);
        ctx.report({
          messageId: isProvider ? 'deprecatedProvider' : 'deprecated',
          data: { name, runtime: runtime.id, date: runtime.deprecated!, replacement: next?.id ?? 'a supported runtime' },
          start: p.getStart(file.sourceFile),
          end: p.getEnd(),
          key: `Serverless::${name}`,
          fix: edits && next && { title: `Use ${next.id}${typed ? TYPED_NOTE : ''}`, kind: 'unsafe', edits },
        });
      }
    };
    // One object literal, never handlers added to `visitor`: see engine/rule.ts (Visitor).
    return { NewExpression: visitor.NewExpression, CallExpression: visitor.CallExpression, PropertyAssignment: serverless ? onProperty : undefined, fileEnd };
  },
});

/**
 * The names an object literal is known by, nearest first: `const defaults = {...}` → `defaults`;
 * `{ lambda: { node: {...} } }` → `node`, `lambda`, and the const holding them.
 */
function holderNames(obj: ts.Node): string[] {
  const out: string[] = [];
  let n: ts.Node = obj;
  for (let depth = 0; depth < 6 && n.parent; depth++) {
    const parent = n.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) {
      n = parent;
      continue;
    }
    if (ts.isPropertyAssignment(parent) && parent.initializer === n) {
      const name = propertyName(parent.name);
      if (name && /^[A-Za-z_$][\w$]*$/.test(name)) out.push(name);
      n = parent.parent;
      continue;
    }
    if ((ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === n && ts.isIdentifier(parent.name)) out.push(parent.name.text);
    break;
  }
  return out;
}

/** `runtime: lambda.Runtime.NODEJS_16_X`, `'runtime': Runtime.PYTHON_3_8`, `runtime: new Runtime(`. */
const RUNTIME_VALUE = /\bruntime['"]?\s*:\s*(?:new\s+)?(?:[\w$]+\.)*Runtime(?:\.([A-Z][A-Z0-9_]*)|\s*\()/g;

/** Where the text sets a `runtime` key to a deprecated CDK constant, or to a `new Runtime(...)` (read later). */
function deprecatedRuntimeKeys(text: string, asOf: string): number[] {
  const out: number[] = [];
  if (!text.includes('untime')) return out;
  RUNTIME_VALUE.lastIndex = 0;
  for (let m = RUNTIME_VALUE.exec(text); m; m = RUNTIME_VALUE.exec(text)) {
    const r = m[1] ? runtimeByCdkConstant(m[1]) : undefined;
    if (!m[1] || (r && isDeprecated(r, asOf))) out.push(m.index);
  }
  return out;
}

/**
 * The `runtime` property whose key the text names at `at`: the last node (in source order, where
 * `pos` never decreases) that starts at or before it is the key, an identifier or a quoted name.
 */
function propertyAt(file: TsFile, at: number): ts.PropertyAssignment | undefined {
  const nodes = file.nodes;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (nodes[mid].pos <= at) lo = mid;
    else hi = mid - 1;
  }
  const key = nodes[lo];
  const p = key?.parent;
  return p && ts.isPropertyAssignment(p) && p.name === key && propertyName(p.name) === 'runtime' ? p : undefined;
}
