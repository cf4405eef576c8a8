import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import { SDK_GATE, sdkFacts, type SdkClientClass } from '../../engine/typescript/sdk';
import { isProcessEnv } from '../../engine/typescript/env';
import type { TsFile } from '../../engine/typescript/file';

const LOCAL_URL = /^(https?:\/\/)?(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1\]|host\.docker\.internal|localstack|[\w.-]*\.?localhost\.localstack\.cloud)(:\d+)?(\/.*)?$/i;
/** Local tooling that legitimately talks to emulators: tests, seeds, scripts, local-only configs. */
const LOCAL_TOOLING_PATH = /(^|\/)(e2e|integration|fixtures?|__fixtures__|mocks?|local|localstack|scripts?|seeds?|dev|docker)\/|\.(local|dev)\.[cm]?[jt]sx?$|(^|\/)(jest|vitest|playwright)\.[^/]*$|setup-?tests?\.[cm]?[jt]sx?$/i;

export const hardcodedLocalEndpoint = defineRule({
  id: 'hardcoded-local-endpoint',
  meta: {
    title: 'Local endpoint hard-coded in a client',
    description: 'An SDK client (or `AWS.config.update`) is configured with a literal local endpoint (`http://localhost…`, `127.0.0.1`, LocalStack) in non-test code.',
    rationale:
      'A literal localhost endpoint ships to production with the code: deployed, the client tries to reach the function\'s own loopback and every call fails (or, as a fallback, silently masks a missing setting). Read the endpoint from the environment with `undefined` as the fallback, so tests and local runs set it and deployed code uses the real service. Test files, scripts and explicitly conditional local configs are not reported.',
    severity: 'warning',
    service: 'sdk',
    guide: 'Testing',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      localEndpoint: 'The endpoint {{url}} is hard-coded: deployed, this client calls the local machine instead of AWS. Read it from an environment variable with `undefined` as the fallback.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'src/db.ts',
          code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nexport const ddb = new DynamoDBClient({\n  endpoint: 'http://localhost:8000',\n  region: 'us-east-1',\n});\n",
        },
      ],
      valid: [
        {
          filename: 'src/db.ts',
          code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n\nexport const ddb = new DynamoDBClient({\n  endpoint: process.env.DYNAMODB_ENDPOINT || undefined,\n  region: 'us-east-1',\n});\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = ctx.ts;
    if (!file || ctx.file.isTest || LOCAL_TOOLING_PATH.test(ctx.file.path.replace(/\\/g, '/'))) return {};
    const sdk = sdkFacts(file);
    const check = (site: ts.Node, config: ts.Expression | undefined, client: SdkClientClass | undefined) => {
      const props = config && file.objectProps(config);
      const endpoint = props?.get('endpoint');
      if (!endpoint || endpoint === 'unknown' || !endpoint.value) return;
      // Through a const too (`const ENDPOINT = process.env.X || 'http://localhost:4566'`), reported
      // once at the literal in the declaration however many clients use it.
      const value = file.resolveExpression(endpoint.value) ?? unwrap(endpoint.value);
      const envName = client ? `${client.service.toUpperCase()}_ENDPOINT` : 'AWS_ENDPOINT_URL';
      const local = isLocalLiteral(value) || (ts.isBinaryExpression(value) && isLocalLiteral(unwrap(value.right)));
      // A client built only in a branch the environment chooses (`if (IS_OFFLINE) return new
      // DynamoDB({ endpoint: 'http://localhost:8000' })`) is the local config on purpose. Checked
      // only once a local literal is found, so the walk up runs for a handful of nodes a file.
      if (local && chosenByLocalCondition(file, site)) return;
      if (isLocalLiteral(value)) {
        const fix: Fix = { title: `Read the endpoint from process.env.${envName}`, kind: 'unsafe', edits: [{ start: value.getStart(file.sourceFile), end: value.getEnd(), newText: `process.env.${envName} || undefined` }] };
        report(value, fix);
      } else if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && isLocalLiteral(unwrap(value.right))) {
        // `process.env.X || 'http://localhost:4566'`: deployed without X, the client goes local.
        const right = unwrap(value.right);
        report(right, { title: 'Fall back to `undefined` (the real service)', kind: 'unsafe', edits: [{ start: right.getStart(file.sourceFile), end: right.getEnd(), newText: 'undefined' }] });
      }
    };
    const reported = new Set<number>();
    const report = (node: ts.Node, fix: Fix) => {
      const start = node.getStart(file.sourceFile);
      if (reported.has(start)) return;
      reported.add(start);
      ctx.report({ messageId: 'localEndpoint', data: { url: node.getText(file.sourceFile) }, start, end: node.getEnd(), fix });
    };
    return {
      NewExpression(n) {
        const client = sdk.clientConstruction(n);
        if (client) check(n, client.config, client);
      },
      CallExpression(n) {
        const call = n as ts.CallExpression;
        const client = sdk.clientConstruction(call);
        if (client) return check(call, client.config, client);
        // SDK v2 global configuration: `AWS.config.update({ endpoint })`.
        const ref = file.symbolOf(call.expression);
        if (ref && ref.module === 'aws-sdk' && ref.path.join('.') === 'config.update') check(call, call.arguments[0], undefined);
      },
    };
  },
});

function isLocalLiteral(e: ts.Expression): boolean {
  return ts.isStringLiteralLike(e) && LOCAL_URL.test(e.text);
}

/** Names that say a flag selects a local run: `IS_OFFLINE`, `isLocal`, `AWS_SAM_LOCAL`, `useEmulator`. */
const LOCAL_FLAG = /offline|local(?!e)|emulat/i;

/**
 * Whether `node` runs only in a branch chosen by the environment or by a flag named for a local
 * run: inside the `then`/`else` of an `if`, a `? :` or the right of `&&` whose condition reads
 * `process.env` / `import.meta.env` (directly or through a const) or names such a flag, or after
 * an `if` that returns or throws on such a flag or on a stage name (`NODE_ENV === 'production'`).
 */
function chosenByLocalCondition(file: TsFile, node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression && localCondition(file, parent.expression)) return true;
    if (ts.isConditionalExpression(parent) && child !== parent.condition && localCondition(file, parent.condition)) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right && localCondition(file, parent.left)) return true;
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const s of parent.statements) {
        if (s === child) break;
        // Stricter here: `if (!process.env.TABLE) throw ...` above a client validates, it does not choose.
        if (ts.isIfStatement(s) && exits(s.thenStatement) && localCondition(file, s.expression, true)) return true;
      }
    }
  }
  return false;
}

function exits(s: ts.Statement): boolean {
  const last = ts.isBlock(s) ? s.statements[s.statements.length - 1] : s;
  return !!last && (ts.isReturnStatement(last) || last.kind === ts.SyntaxKind.ThrowStatement);
}

const STAGE_NAME = /^(local|dev|development|test|offline|prod|production)$/i;

/** A condition on the environment (`strict`: on a local flag's name or a stage name only). */
function localCondition(file: TsFile, cond: ts.Expression, strict = false, depth = 0): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(n) && n.name.text === 'env' && (isProcessEnv(file, n) || n.expression.kind === ts.SyntaxKind.MetaProperty)) {
      found = !strict;
    } else if (ts.isStringLiteralLike(n)) {
      found = strict && STAGE_NAME.test(n.text);
    } else if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) {
      if (LOCAL_FLAG.test(n.text)) found = true;
      else if (ts.isIdentifier(n) && depth < 2) {
        const init = file.resolveExpression(n);
        if (init && init !== n && localCondition(file, init, strict, depth + 1)) found = true;
      }
    } else {
      ts.forEachChild(n, visit);
    }
  };
  visit(cond);
  return found;
}
