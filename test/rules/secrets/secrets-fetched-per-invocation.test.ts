import { secretsFetchedPerInvocation } from '../../../server/src/rules/secrets/secrets-fetched-per-invocation';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\n\nconst sm = new SecretsManagerClient({});\n";

ruleTester(secretsFetchedPerInvocation, {
  valid: [
    ...handlerDecoys,
    {
      // @aws-cdk/aws-redshift-alpha's user provider: a custom resource runs once per deployment.
      name: 'a CloudFormation custom resource handler (reads RequestType)',
      filename: 'user.ts',
      code: `${HEAD}export async function handler(props: { secretArn: string }, event: { RequestType: string }) {\n  if (event.RequestType === 'Create') {\n    const r = await sm.send(new GetSecretValueCommand({ SecretId: props.secretArn }));\n    return { Data: { password: r.SecretString } };\n  }\n}\n`,
    },
    {
      name: 'a custom resource handler typed with aws-lambda',
      filename: 'cr.ts',
      code: `import type { CloudFormationCustomResourceEvent } from 'aws-lambda';\n${HEAD}export const handler = async (event: CloudFormationCustomResourceEvent) => {\n  const r = await sm.send(new GetSecretValueCommand({ SecretId: event.ResourceProperties.SecretId }));\n  return { PhysicalResourceId: 'x', Data: { v: r.SecretString } };\n};\n`,
    },
    { name: 'the promise cached with ??=', filename: 'h.ts', code: `${HEAD}let secretPromise: Promise<string> | undefined;\nexport const handler = async () => {\n  secretPromise ??= sm.send(new GetSecretValueCommand({ SecretId: 's' })).then((r) => r.SecretString!);\n  return secretPromise;\n};\n` },
    { name: 'a per-key cache in a module Map', filename: 'h.ts', code: `${HEAD}const cache = new Map<string, string>();\nexport const handler = async (event: { id: string }) => {\n  if (!cache.has(event.id)) {\n    const r = await sm.send(new GetSecretValueCommand({ SecretId: event.id }));\n    cache.set(event.id, r.SecretString!);\n  }\n  return cache.get(event.id);\n};\n` },
    { name: 'fetched once at cold start with top-level await', filename: 'h.mts', code: `${HEAD}const secret = await sm.send(new GetSecretValueCommand({ SecretId: 's' }));\nexport const handler = async () => secret.SecretString;\n` },
    { name: 'a helper whose caller caches the result', filename: 'h.ts', code: `${HEAD}let password: string | undefined;\nasync function fetchPassword() {\n  const r = await sm.send(new GetSecretValueCommand({ SecretId: 'db' }));\n  return r.SecretString!;\n}\nexport const handler = async () => {\n  password ??= await fetchPassword();\n  return password;\n};\n` },
    { name: 'no handler: a secrets helper module', filename: 'src/secrets.ts', code: `${HEAD}export async function getSecret(id: string) {\n  return (await sm.send(new GetSecretValueCommand({ SecretId: id }))).SecretString;\n}\n` },
    { name: 'SSM parameters without decryption are configuration, not secrets', filename: 'h.ts', code: "import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';\nconst ssm = new SSMClient({});\nexport const handler = async () => ssm.send(new GetParameterCommand({ Name: '/app/flag' }));\n" },
    {
      name: 'a Next.js App Router route that keeps the secret in a module variable',
      filename: 'app/api/webhook/route.ts',
      code: "import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\nconst sm = new SecretsManagerClient({});\nlet signingKey: string | undefined;\nexport async function POST(req: Request) {\n  if (!signingKey) {\n    const out = await sm.send(new GetSecretValueCommand({ SecretId: 'webhook-signing-key' }));\n    signingKey = out.SecretString;\n  }\n  return Response.json({ ok: (await req.text()).length > 0 && !!signingKey });\n}\n",
    },
    {
      name: 'an exported GET in a file that is not a route file (lib/, no framework import) is not known to serve requests',
      filename: 'lib/config.ts',
      code: "import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';\nconst ssm = new SSMClient({});\nexport async function GET(name: string) {\n  const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));\n  return out.Parameter?.Value;\n}\n",
    },
    {
      name: 'an Express route reading a plain (not decrypted) SSM parameter',
      filename: 'server.js',
      code: "const express = require('express');\nconst { SSMClient, GetParameterCommand } = require('@aws-sdk/client-ssm');\nconst ssm = new SSMClient({});\nconst app = express();\napp.get('/flags', async (req, res) => {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/app/flags' }));\n  res.json(JSON.parse(out.Parameter.Value));\n});\napp.listen(8080);\n",
    },
  ],
  invalid: [
    {
      name: 'GetSecretValue in the handler, no cache',
      filename: 'h.ts',
      code: `${HEAD}\nexport const handler = async () => {\n  const secret = await sm.send(new GetSecretValueCommand({ SecretId: 'db-password' }));\n  return secret.SecretString;\n};\n`,
      errors: [{ messageId: 'fetchedPerInvocation', line: 6, column: 24, endColumn: 31, data: { operation: 'GetSecretValue' } }],
      output: null,
    },
    {
      name: 'in a helper only the handler calls, result returned uncached',
      filename: 'h.ts',
      code: `${HEAD}async function getSecret() {\n  const r = await sm.send(new GetSecretValueCommand({ SecretId: 'api-key' }));\n  return r.SecretString!;\n}\nexport const handler = async () => ({ key: await getSecret() });\n`,
      errors: [{ messageId: 'fetchedPerInvocation', line: 5 }],
      output: null,
    },
    {
      name: 'SDK v2 getSecretValue().promise() in a CommonJS handler',
      filename: 'h.js',
      code: "const AWS = require('aws-sdk');\nconst sm = new AWS.SecretsManager();\nexports.handler = async () => {\n  const { SecretString } = await sm.getSecretValue({ SecretId: 'db' }).promise();\n  return SecretString;\n};\n",
      errors: [{ messageId: 'fetchedPerInvocation', line: 4 }],
      output: null,
    },
    {
      name: 'SSM SecureString read with decryption on every invocation',
      filename: 'h.ts',
      code: "import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';\nconst ssm = new SSMClient({});\nexport const handler = async () => ssm.send(new GetParameterCommand({ Name: '/app/db-password', WithDecryption: true }));\n",
      errors: [{ messageId: 'fetchedPerInvocation', line: 3, data: { operation: 'SSM GetParameter with decryption' } }],
      output: null,
    },
    {
      name: 'a Next.js App Router route handler (const export) fetching a secret on every request',
      filename: 'app/api/payments/route.ts',
      code: "import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\nconst sm = new SecretsManagerClient({});\nexport const POST = async (req: Request) => {\n  const key = await sm.send(new GetSecretValueCommand({ SecretId: 'stripe-key' }));\n  return Response.json({ ok: !!key.SecretString, size: (await req.text()).length });\n};\n",
      errors: [{ messageId: 'fetchedPerRequest', line: 4, data: { operation: 'GetSecretValue' } }],
      output: null,
    },
    {
      name: 'an Express route callback reading a SecureString with decryption per request',
      filename: 'server.js',
      code: "const express = require('express');\nconst { SSMClient, GetParameterCommand } = require('@aws-sdk/client-ssm');\nconst ssm = new SSMClient({});\nconst router = express.Router();\nrouter.post('/login', async (req, res) => {\n  const out = await ssm.send(new GetParameterCommand({ Name: '/app/jwt-secret', WithDecryption: true }));\n  res.json({ token: sign(req.body, out.Parameter.Value) });\n});\nfunction sign(body, key) { return String(body) + key.length; }\nmodule.exports = router;\n",
      errors: [{ messageId: 'fetchedPerRequest', line: 6, data: { operation: 'SSM GetParameter with decryption' } }],
      output: null,
    },
  ],
});
