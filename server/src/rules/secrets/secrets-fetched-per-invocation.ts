import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { TsFile } from '../../engine/typescript/file';
import { functionName, writesModuleState } from '../../engine/typescript/flow';
import { runsOncePerContainer } from '../../engine/typescript/once';
import { inWebRoute, mayHaveWebRoutes } from '../../engine/typescript/routes';
import { isCustomResourceHandler } from '../../engine/typescript/handlers';
import { scopeFacts, type ScopeFacts } from '../../engine/typescript/scopes';
import { SDK_GATE, sdkFacts, type SdkOperation } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

const SSM_PARAMETER_READS = new Set(['GetParameter', 'GetParameters', 'GetParametersByPath']);

export const secretsFetchedPerInvocation = defineRule({
  id: 'secrets-fetched-per-invocation',
  meta: {
    title: 'Secret fetched on every invocation',
    description: 'A handler (or code only it runs), or a web route (Next.js `app/**/route.ts`, `pages/api/`, an Express, Fastify, Koa or Hono route), calls `GetSecretValue`, or reads an SSM SecureString parameter with decryption, on every invocation without keeping the value in a module-scope cache.',
    rationale:
      'Secrets rarely change between invocations. Fetching them per request adds a network round trip to every invocation, costs money per API call, and can hit the Secrets Manager or SSM request quotas under load (throttling failures). Fetch once, keep the value (or the promise) in a module-scope variable, and refresh on a schedule or on an authentication error if rotation matters. CloudFormation custom resource handlers (they read `RequestType`) are left alone: they run once per deployment.',
    severity: 'warning',
    service: 'secrets',
    guide: 'Secrets Manager',
    fix: 'none',
    languages: ['typescript'],
    messages: {
      fetchedPerInvocation: '{{operation}} runs on every invocation and its result is not cached: each request waits for it and pays for it. Keep the secret in a module-scope cache.',
      fetchedPerRequest: '{{operation}} runs on every request this route serves and its result is not cached: each request waits for it and pays for it. Keep the secret in a module-scope cache.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'handler.ts',
          code: "import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\n\nconst sm = new SecretsManagerClient({});\n\nexport const handler = async () => {\n  const secret = await sm.send(new GetSecretValueCommand({ SecretId: 'db-password' }));\n  return connect(secret.SecretString!);\n};\n\ndeclare function connect(password: string): Promise<void>;\n",
        },
      ],
      valid: [
        {
          filename: 'handler.ts',
          code: "import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\n\nconst sm = new SecretsManagerClient({});\nlet cachedSecret: string | null = null;\n\nasync function getSecret(): Promise<string> {\n  if (!cachedSecret) {\n    const response = await sm.send(new GetSecretValueCommand({ SecretId: 'db-password' }));\n    cachedSecret = response.SecretString!;\n  }\n  return cachedSecret;\n}\n\nexport const handler = async () => connect(await getSecret());\n\ndeclare function connect(password: string): Promise<void>;\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const scopes = scopeFacts(file);
    // A custom resource runs once per deployment: nothing to amortize, and a cache would be stale after a rotation.
    if (scopes.handlers.some((h) => isCustomResourceHandler(file, h))) return {};
    const lambda = scopes.servesRequests();
    // A server's route (Next.js `app/**/route.ts`, an Express callback) runs per request as a handler does.
    const web = mayHaveWebRoutes(file);
    if (!lambda && !web) return {};
    const sdk = sdkFacts(file);
    return {
      CallExpression(n) {
        const op = sdk.operationOf(n as ts.CallExpression);
        if (!op || !isSecretRead(file, op)) return;
        const messageId = lambda && scopes.isRequestPath(op.call) ? 'fetchedPerInvocation' : web && inWebRoute(file, op.call) ? 'fetchedPerRequest' : undefined;
        if (!messageId || isCached(file, scopes, op.call) || runsOncePerContainer(file, scopes, op.call)) return;
        const callee = op.call.expression;
        ctx.report({
          messageId,
          data: { operation: op.service === 'ssm' ? `SSM ${op.operation} with decryption` : op.operation },
          start: callee.getStart(file.sourceFile),
          end: callee.getEnd(),
        });
      },
    };
  },
});

function isSecretRead(file: TsFile, op: SdkOperation): boolean {
  if (op.service === 'secretsmanager') return op.operation === 'GetSecretValue' || op.operation === 'BatchGetSecretValue';
  if (op.service === 'ssm' && SSM_PARAMETER_READS.has(op.operation) && op.input) {
    const decrypt = file.objectProps(op.input)?.get('WithDecryption');
    if (!decrypt || decrypt === 'unknown') return false;
    const v = file.evaluate(decrypt.value);
    return v.kind === 'boolean' && v.value;
  }
  return false;
}

/**
 * Whether the fetched value is kept between invocations: the request code that fetches it (or its
 * caller) stores it, or something derived from it, in module state, or tests module state first
 * (`if (!cachedSecret)`).
 */
function isCached(file: TsFile, scopes: ScopeFacts, call: ts.CallExpression): boolean {
  for (let fn = scopes.enclosingFunction(call), depth = 0; fn && depth < 4; fn = scopes.enclosingFunction(fn), depth++) {
    if (writesModuleState(file, scopes, fn)) return true;
    const role = scopes.roleOf(fn);
    if (role !== 'handler' && role !== 'request') break;
  }
  // A helper whose callers keep its result: `cached ??= await fetchSecret()`.
  const fn = scopes.enclosingFunction(call);
  const name = fn && functionName(fn);
  if (!name) return false;
  const refs = scopes.referencesTo(name.text, name.decl);
  return refs.some((ref) => {
    const fnOfRef = scopes.enclosingFunction(ref);
    return !!fnOfRef && writesModuleState(file, scopes, fnOfRef);
  });
}

