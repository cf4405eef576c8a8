import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { scopeFacts } from '../../engine/typescript/scopes';
import { inWebRoute, mayHaveWebRoutes } from '../../engine/typescript/routes';
import { SDK_GATE, sdkFacts } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

export const dynamodbScan = defineRule({
  id: 'dynamodb-scan',
  meta: {
    title: 'DynamoDB Scan in request code',
    description: 'A Lambda handler (or code only it runs) or a web route handler (Next.js, SvelteKit, Express, Fastify, Koa, Hono) scans a DynamoDB table (`ScanCommand`, `paginateScan`, `scan(...)`, SDK v2 included).',
    rationale:
      'A Scan reads every item of the table (or index), page by page, and bills for all of it, whatever the filter keeps. Its latency and cost grow with the table, so a request path that scans gets slower and more expensive as data grows, and can exhaust capacity. Model the access pattern with keys and indexes and use Query (the guide\'s composite keys), or move the scan to a batch job. A server\'s route runs per request as a handler does: Next.js route handlers (`app/**/route.ts`) and API routes (`pages/api/`), SvelteKit endpoints (`+server.ts`), and the routes an Express, Fastify, Koa or Hono app made in the same file registers are reported too. Scripts, workers, browser code and exported helpers of unknown callers are not.',
    severity: 'information',
    service: 'dynamodb',
    guide: 'DynamoDB / Key Patterns',
    fix: 'none',
    languages: ['typescript'],
    messages: {
      scanInRequest: 'This {{how}} reads the whole table on every invocation; its cost and latency grow with the table. Query by key or a secondary index instead.',
      scanInRoute: 'This {{how}} reads the whole table on every request to this route; its cost and latency grow with the table. Query by key or a secondary index instead.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'handler.ts',
          code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';\n\nconst ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n\nexport const handler = async () => {\n  const result = await ddb.send(new ScanCommand({ TableName: 'orders' }));\n  return result.Items;\n};\n",
        },
      ],
      valid: [
        {
          filename: 'handler.ts',
          code: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';\n\nconst ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));\n\nexport const handler = async (event: { userId: string }) => {\n  const result = await ddb.send(new QueryCommand({ TableName: 'orders', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `USER#${event.userId}` } }));\n  return result.Items;\n};\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const scopes = scopeFacts(file);
    const lambda = scopes.servesRequests();
    const web = mayHaveWebRoutes(file);
    if (!lambda && !web) return {};
    const sdk = sdkFacts(file);
    return {
      CallExpression(n) {
        const op = sdk.operationOf(n as ts.CallExpression);
        if (!op || op.service !== 'dynamodb' || op.operation !== 'Scan') return;
        // A server's route runs per request as a handler does; known by the framework's conventions (routes.ts).
        const messageId = lambda && scopes.isRequestPath(op.call) ? 'scanInRequest' : web && inWebRoute(file, op.call) ? 'scanInRoute' : undefined;
        if (!messageId) return;
        const callee = op.call.expression;
        ctx.report({
          messageId,
          data: { how: op.style === 'paginator' ? 'paginated Scan' : 'Scan' },
          start: callee.getStart(file.sourceFile),
          end: callee.getEnd(),
        });
      },
    };
  },
});
