import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { TsFile, parseTypeScript } from '../../server/src/engine/typescript/file';
import { lambdaHandlers } from '../../server/src/engine/typescript/handlers';

function handlers(code: string, filename = 'handler.ts') {
  const f = new TsFile(parseTypeScript(filename, code));
  return lambdaHandlers(f).map((h) => ({
    name: h.name,
    // The first line of the function that runs per invocation, to see which one was found.
    fn: h.fn.getText(f.sourceFile).split('\n')[0],
    event: h.eventType,
    wrapped: h.wrapped,
  }));
}
const names = (code: string, filename?: string) => handlers(code, filename).map((h) => h.name);

describe('lambdaHandlers: export forms', () => {
  it('export const handler = async arrow', () => assert.deepEqual(names('export const handler = async (event) => { return 1; };'), ['handler']));
  it('export async function handler', () => assert.deepEqual(names('export async function handler(event) { return 1; }'), ['handler']));
  it('export const handler = function expression', () => assert.deepEqual(names('export const handler = async function (event) { return 1; };'), ['handler']));
  it('export { main as handler }', () => assert.deepEqual(names('async function main(event) { return 1; }\nexport { main as handler };'), ['handler']));
  it('exports.handler (CommonJS)', () => assert.deepEqual(names('exports.handler = async (event) => 1;', 'h.js'), ['handler']));
  it('module.exports.handler', () => assert.deepEqual(names('module.exports.handler = async function (event, context) { return 1; };', 'h.cjs'), ['handler']));
  it('module.exports = { handler }', () => assert.deepEqual(names('const handler = async (event) => 1;\nmodule.exports = { handler };', 'h.js'), ['handler']));
  it('module.exports = { handler: fn, other }', () =>
    assert.deepEqual(names('async function run(event) { return 1; }\nmodule.exports = { handler: run, version: 2 };', 'h.js'), ['handler']));
  it('module.exports = { handler(event) {} } method', () => assert.deepEqual(names('module.exports = { async handler(event) { return 1; } };', 'h.js'), ['handler']));
  it('exports.a = exports.handler = fn: one handler, under its handler name', () =>
    assert.deepEqual(names('exports.main = exports.handler = async (e) => 1;', 'h.js'), ['handler']));
  it('SAM-style lambdaHandler', () => assert.deepEqual(names('export const lambdaHandler = async (event) => 1;'), ['lambdaHandler']));
  it('any export with Lambda\'s (event, context[, callback]) parameters (serverless.yml names it)', () =>
    assert.deepEqual(names('module.exports.listItems = (event, context, callback) => callback(null, 1);\nexports.remove = async (_event, _context) => 1;', 'items.js'), ['listItems', 'remove']));
  it('an event parameter named for its trigger, beside a context', () =>
    assert.deepEqual(names('module.exports.streamProcessor = (kinesisEvent, context, callback) => callback(null, kinesisEvent.Records.length);\nexport const onMessage = async (sqsEvent, ctx) => sqsEvent;\nexport const onClick = (domEvent, options) => domEvent;', 'stream.js'), ['streamProcessor', 'onMessage']));
  it('a lone event parameter under any name, when the body reads a field only Lambda events have', () =>
    assert.deepEqual(
      names(
        [
          'exports.onUpload = async (event) => {',
          '  for (const rec of event.Records) console.log(rec.s3.object.key);',
          '};',
          'module.exports.byId = async (evt) => lookup(evt?.pathParameters?.id);',
          'export const onSignUp = async (cognitoEvent) => { const { triggerSource, userName } = cognitoEvent; return cognitoEvent; };',
          "export async function route(event) { return event['requestContext'] ? 1 : 0; }",
        ].join('\n'),
        'items.js',
      ),
      ['onUpload', 'byId', 'onSignUp'],
    ));
  it('a lone event parameter whose body is read in a function that answers with a statusCode', () =>
    assert.deepEqual(
      names(
        [
          'async function createItem(event) {',
          '  const { name } = JSON.parse(event.body);',
          '  return { statusCode: 201, body: name };',
          '}',
          'function listItems(event) {',
          '  const { headers } = event;',
          "  return { statusCode: 200, headers, body: '[]' };",
          '}',
          'module.exports = { createItem, listItems };',
        ].join('\n'),
        'api.js',
      ),
      ['createItem', 'listItems'],
    ));
  it('a lone event parameter stays a non-handler without a Lambda-only field (DOM, emitters, body parsers)', () =>
    assert.deepEqual(
      names(
        [
          'export const onClick = (event) => { event.preventDefault(); return event.target; };',
          'export function parseBody(event) { return JSON.parse(event.body); }',
          'export const onMessage = (messageEvent) => messageEvent.data.Records;',
          'export const withOptions = (event, options) => event.Records.map(options.map);',
          '// event.Records in a comment of another export',
          'export const label = (event) => String(event.type);',
          'export default async (event) => event.Records.length;',
        ].join('\n'),
        'ui.js',
      ),
      [],
    ));
  it('other parameter names do not make a handler', () =>
    assert.deepEqual(names('export function mapEvent(event, options) { return event; }\nexport const route = (req, res) => res.end();'), []));
  it('export default of a const with Lambda\'s parameters, or of a typed or middy-wrapped function', () => {
    assert.deepEqual(names('const run = async (event, context) => 1;\nexport default run;', 'fn.js'), ['default']);
    assert.deepEqual(names("import type { S3Event } from 'aws-lambda';\nexport default async (e: S3Event) => e.Records.length;"), ['default']);
    assert.deepEqual(names("import middy from '@middy/core';\nconst base = async (input) => input;\nexport default middy(base);"), ['default']);
  });
  it('a default export without a Lambda signature is not a handler (Next.js pages, Netlify v2 functions)', () =>
    assert.deepEqual(names('export default async (req, context) => new Response(1);\nconst api = (req, res) => res.end();\nexport { api };\n'), []));
  it('web route handlers named like Lambda handlers are not handlers: (req, res), (request, reply), framework-typed', () => {
    assert.deepEqual(names('export const listUsersHandler = async (req, res) => res.json([]);\nexport async function handler(request, reply) { return reply.send(1); }\nmodule.exports = { uploadHandler: async (_req, response) => response.end() };', 'routes.js'), []);
    assert.deepEqual(names("import type { Request } from 'express';\nexport const getHandler = async (req: Request) => req.body;"), []);
    assert.deepEqual(names("import type { NextApiRequest } from 'next';\nexport async function handler(req: NextApiRequest) { return req.query; }"), []);
    assert.deepEqual(names("import express from 'express';\nexport const handler = async (req: express.Request) => req.body;"), []);
    assert.deepEqual(names("import type { RequestHandler } from 'express';\nexport const getHandler: RequestHandler = async (_, out) => { out.end(); };"), []);
  });
  it('Lambda handlers keep their context, event types and middy whatever the parameter names', () => {
    assert.deepEqual(names('export const handler = async (req, context) => req.body;\nexport const apiHandler = async (request) => request.rawPath;'), ['handler', 'apiHandler']);
    assert.deepEqual(names("import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (req: APIGatewayProxyEvent, res: unknown) => req.body;"), ['handler']);
  });
  it('exported helpers and non-functions are not handlers', () =>
    assert.deepEqual(names("export const config = { a: 1 };\nexport function helper(x) { return x; }\nexport const handler = new Something();"), []));
});

describe('lambdaHandlers: wrappers', () => {
  it('middy(fn)', () =>
    assert.deepEqual(handlers("import middy from '@middy/core';\nconst base = async (event) => 1;\nexport const handler = middy(base);"), [
      { name: 'handler', fn: 'async (event) => 1', event: undefined, wrapped: true },
    ]));
  it('middy(baseHandler).use(...).use(...)', () =>
    assert.deepEqual(
      names("import middy from '@middy/core';\nasync function baseHandler(event) { return 1; }\nexport const handler = middy(baseHandler).use(a()).use(b());"),
      ['handler'],
    ));
  it('middy().use(...).handler(fn) (middy 5)', () =>
    assert.deepEqual(handlers("import middy from '@middy/core';\nexport const handler = middy().use(x()).handler(async (event) => {\n  return 1;\n});")[0].fn, 'async (event) => {'));
  it('a middy-wrapped export is a handler whatever its name', () =>
    assert.deepEqual(names("import middy from '@middy/core';\nexport const main = middy(async (event) => 1);"), ['main']));
  it('generic wrapper of a handler: Sentry', () =>
    assert.deepEqual(names("import * as Sentry from '@sentry/serverless';\nexport const handler = Sentry.AWSLambda.wrapHandler(async (event) => 1);"), ['handler']));
  it('Powertools class handler bound with .bind', () =>
    assert.deepEqual(
      handlers('class Lambda {\n  public async handler(event: unknown, context: unknown) { return 1; }\n}\nconst instance = new Lambda();\nexport const handler = instance.handler.bind(instance);')[0].fn,
      'public async handler(event: unknown, context: unknown) { return 1; }',
    ));
  it('a class property holding the handler: new Api().handler, instance.handler, .bind', () => {
    const src = (exp: string) => `class Api {\n  private table = 'orders';\n  public handler = async (event: unknown) => this.table;\n  static make = () => new Api();\n}\n${exp}`;
    assert.deepEqual(handlers(src('export const handler = new Api().handler;'))[0].fn, 'async (event: unknown) => this.table');
    assert.deepEqual(handlers(src('const api = new Api();\nexport const handler = api.handler;'))[0].fn, 'async (event: unknown) => this.table');
    assert.deepEqual(handlers(src('const api = new Api();\nexport const handler = api.handler.bind(api);'))[0].fn, 'async (event: unknown) => this.table');
    // A property that is not a function, a static member, or an object that is not a local class instance: no handler.
    assert.deepEqual(names(src('export const handler = new Api().table;')), []);
    assert.deepEqual(names(src('export const handler = Api.make;')), []);
    assert.deepEqual(names("import { api } from './api';\nexport const handler = api.handler;"), []);
  });
});

describe('lambdaHandlers: aws-lambda event types', () => {
  it('typed parameter', () =>
    assert.deepEqual(handlers("import type { SQSEvent } from 'aws-lambda';\nexport const handler = async (event: SQSEvent) => {};")[0].event, 'SQSEvent'));
  it('typed export: SQSHandler', () =>
    assert.deepEqual(handlers("import { SQSHandler } from 'aws-lambda';\nexport const handler: SQSHandler = async (event) => {};")[0].event, 'SQSEvent'));
  it('typed export: Handler<SQSEvent>', () =>
    assert.deepEqual(handlers("import { Handler, SQSEvent } from 'aws-lambda';\nexport const handler: Handler<SQSEvent, void> = async (event) => {};")[0].event, 'SQSEvent'));
  it('namespace import: lambda.APIGatewayProxyEvent', () =>
    assert.deepEqual(handlers("import * as lambda from 'aws-lambda';\nexport async function handler(event: lambda.APIGatewayProxyEvent) { return 1; }")[0].event, 'APIGatewayProxyEvent'));
  it('APIGatewayProxyHandlerV2 → APIGatewayProxyEventV2', () =>
    assert.deepEqual(handlers("import { APIGatewayProxyHandlerV2 } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandlerV2 = async () => ({ statusCode: 200 });")[0].event, 'APIGatewayProxyEventV2'));
  it('an exported function of any name typed with an aws-lambda event', () =>
    assert.deepEqual(names("import { S3Event } from 'aws-lambda';\nexport const onUpload = async (event: S3Event) => {};"), ['onUpload']));
  it('JSDoc import type in CommonJS', () =>
    assert.deepEqual(handlers("/** @param {import('aws-lambda').SQSEvent} event */\nexports.process = async (event) => {};", 'h.js')[0].event, 'SQSEvent'));
  it('JSDoc-typed export function in JS', () =>
    assert.deepEqual(handlers("/** @param {import('aws-lambda').SQSEvent} event */\nexport async function consume(event) {}", 'h.mjs')[0].event, 'SQSEvent'));
  it('a local type of the same name is not the aws-lambda one', () =>
    assert.deepEqual(names('type SQSEvent = { Records: unknown[] };\nexport const consume = async (event: SQSEvent) => {};'), []));
});

describe('lambdaHandlers: runs once per file', () => {
  it('returns the same array for the same file', () => {
    const f = new TsFile(parseTypeScript('h.ts', 'export const handler = async () => 1;'));
    assert.equal(lambdaHandlers(f), lambdaHandlers(f));
    assert.ok(ts.isArrowFunction(lambdaHandlers(f)[0].fn));
  });
});
