import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { TsFile, parseTypeScript } from '../../server/src/engine/typescript/file';
import { scopeFacts } from '../../server/src/engine/typescript/scopes';

/** The facts at each call of `probe()` in the code, in order. */
function probes(code: string, filename = 'handler.ts') {
  const f = new TsFile(parseTypeScript(filename, code));
  const scopes = scopeFacts(f);
  const out: { request: boolean; init: boolean; loop: string | undefined }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'probe') {
      out.push({ request: scopes.isRequestPath(n), init: scopes.isModuleInit(n), loop: scopes.loopOf(n)?.kind });
    }
    ts.forEachChild(n, visit);
  };
  visit(f.sourceFile);
  return out;
}
const where = (code: string, filename?: string) => probes(code, filename).map((p) => (p.request ? 'request' : p.init ? 'init' : 'unknown'));
const loops = (code: string) => probes(code).map((p) => p.loop ?? '-');

describe('scopes: request path and cold start', () => {
  it('module code and the handler body', () => assert.deepEqual(where('probe();\nexport const handler = async () => { probe(); };'), ['init', 'request']));
  it('a helper declared inside the handler', () =>
    assert.deepEqual(where('export const handler = async () => {\n  function make() { probe(); }\n  const other = () => probe();\n  make(); other();\n};'), ['request', 'request']));
  it('a module-level helper only the handler calls', () => assert.deepEqual(where('function make() { probe(); }\nexport const handler = async () => make();'), ['request']));
  it('transitively: helper → helper', () => assert.deepEqual(where('function a() { probe(); }\nconst b = () => a();\nexport const handler = async () => b();'), ['request']));
  it('a helper also called at module scope is not request-only', () =>
    assert.deepEqual(where('function make() { probe(); }\nconst x = make();\nexport const handler = async () => make();'), ['unknown']));
  it('an exported helper may be called from elsewhere', () => assert.deepEqual(where('export function make() { probe(); }\nexport const handler = async () => make();'), ['unknown']));
  it('a helper exported through module.exports', () =>
    assert.deepEqual(where('function make() { probe(); }\nexports.handler = async () => make();\nmodule.exports.make = make;', 'h.js'), ['unknown']));
  it('a function only module code calls runs at cold start', () => assert.deepEqual(where('function init() { probe(); }\nconst ready = init();\nexport const handler = async () => ready;'), ['init']));
  it('module-scope IIFE and init promise', () =>
    assert.deepEqual(where('const ready = (async () => { probe(); })();\nvoid (function () { probe(); })();\nexport const handler = async () => ready;'), ['init', 'init']));
  it('module-scope promise callbacks', () => assert.deepEqual(where('const client = load().then((c) => { probe(); return c; });\nexport const handler = async () => client;'), ['init']));
  it('top-level await', () => assert.deepEqual(where('const secret = await probe();\nexport const handler = async () => secret;', 'h.mts'), ['init']));
  it('instance field initializers are not cold start', () => assert.deepEqual(where('class Repo { client = probe(); }'), ['unknown']));
  it('routes of a web app a Lambda adapter serves run per request (Hono, serverless-http, serverlessExpress, Fastify)', () => {
    assert.deepEqual(
      where("import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nconst app = new Hono();\napp.get('/a', (c) => probe());\napp.route('/b').post(async (c) => { probe(); });\napp.use('*', async (c, next) => { probe(); await next(); });\nexport const handler = handle(app);"),
      ['request', 'request', 'request'],
    );
    assert.deepEqual(
      where("const express = require('express');\nconst serverless = require('serverless-http');\nconst app = express();\nfunction list(req, res) { probe(); }\napp.get('/items', list);\nmodule.exports.handler = serverless(app);", 'h.js'),
      ['request'],
    );
    assert.deepEqual(where("import serverlessExpress from '@codegenie/serverless-express';\nimport express from 'express';\nconst app = express();\napp.post('/x', (req, res) => probe());\nexport const handler = serverlessExpress({ app });"), ['request']);
    assert.deepEqual(where("import Fastify from 'fastify';\nimport awsLambdaFastify from '@fastify/aws-lambda';\nconst app = Fastify();\napp.get('/', async () => probe());\nexport const handler = awsLambdaFastify(app);"), ['request']);
  });
  it('routes of an app no Lambda adapter in the file serves stay unknown (a server, or another app)', () => {
    assert.deepEqual(where("import express from 'express';\nconst app = express();\napp.get('/items', (req, res) => probe());\napp.listen(3000);"), ['unknown']);
    assert.deepEqual(
      where("import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nconst app = new Hono();\nconst admin = new Hono();\nadmin.get('/x', (c) => probe());\napp.register?.(() => probe());\nexport const handler = handle(app);"),
      ['unknown', 'unknown'],
    );
  });
  it('no handler: nothing is request path', () => assert.deepEqual(where('export function list() { probe(); }'), ['unknown']));
  it('the function a middy wrapper receives', () =>
    assert.deepEqual(where("import middy from '@middy/core';\nconst base = async () => { probe(); };\nexport const handler = middy(base).use(x());"), ['request']));
  it('a callback passed from the handler', () =>
    assert.deepEqual(where('function each(r) { probe(); }\nexport const handler = async (e) => e.Records.forEach(each);'), ['request']));
});

describe('scopes: loops', () => {
  const inHandler = (body: string) => `export const handler = async (event) => {\n${body}\n};`;
  it('for…of, for…in, for, while, do, for await', () =>
    assert.deepEqual(
      loops(inHandler('for (const x of xs) probe();\nfor (const k in o) probe();\nfor (let i = 0; i < n; i++) probe();\nwhile (more()) probe();\ndo { probe(); } while (more());\nfor await (const p of pages) probe();')),
      ['for-of', 'for-in', 'for', 'while', 'do', 'for-await'],
    ));
  it('forEach, map and reduce callbacks, map inside Promise.all', () =>
    assert.deepEqual(loops(inHandler('xs.forEach((x) => probe());\nawait Promise.all(xs.map(async (x) => probe()));\nxs.reduce(async (p, x) => probe(), Promise.resolve());')), ['callback', 'callback', 'callback']));
  it('after the loop is not in it; the iterated expression runs once', () =>
    assert.deepEqual(loops(inHandler('const entries = [];\nfor (const x of probe()) entries.push(x);\nprobe();')), ['-', '-']));
  it('retry loops (a counting or while loop that breaks or returns) do not count', () =>
    assert.deepEqual(loops(inHandler('for (let attempt = 0; attempt < 3; attempt++) { try { probe(); break; } catch {} }\nwhile (true) { if (probe()) return; }')), ['-', '-']));
  it('a break inside a nested switch does not make the loop a retry loop', () =>
    assert.deepEqual(loops(inHandler('for (let i = 0; i < n; i++) { switch (k) { case 1: break; } probe(); }')), ['for']));
  it('a helper called only inside loops', () =>
    assert.deepEqual(loops('async function sendOne(x) { probe(); }\nexport const handler = async (e) => { for (const r of e.Records) await sendOne(r); };'), ['caller']));
  it('a helper passed to map', () => assert.deepEqual(loops('const one = async (x) => probe();\nexport const handler = async (e) => Promise.all(e.Records.map(one));'), ['caller']));
  it('a helper also called outside loops is not a loop', () =>
    assert.deepEqual(loops('async function sendOne(x) { probe(); }\nexport const handler = async (e) => { await sendOne(e); for (const r of e.Records) await sendOne(r); };'), ['-']));
  it('a function defined in a loop body but not iterating is not a loop callback', () => assert.deepEqual(loops(inHandler('for (const x of xs) { setTimeout(() => probe()); }')), ['-']));
});
