import { lambdaErrorDetailsLeak } from '../../../server/src/rules/lambda/lambda-error-details-leak';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

ruleTester(lambdaErrorDetailsLeak, {
  valid: [
    ...handlerDecoys,
    {
      name: "Fastify: reply.code(4xx) with the error's message, reply.code(5xx) with a generic body",
      filename: 'routes/items.ts',
      code: "import Fastify from 'fastify';\nconst server = Fastify();\nserver.get('/items/:id', async (request, reply) => {\n  try {\n    return await find(request.params);\n  } catch (err: any) {\n    if (err.name === 'NotFound') return reply.code(404).send({ error: err.message });\n    request.log.error(err);\n    return reply.code(500).send({ error: 'Internal error' });\n  }\n});\ndeclare function find(p: unknown): Promise<unknown>;\n",
    },
    {
      name: 'the guide: generic body, error logged',
      filename: 'h.ts',
      code: "export const handler = async (event: unknown) => {\n  try {\n    return { statusCode: 200, body: JSON.stringify(await processEvent(event)) };\n  } catch (error) {\n    console.error('Handler error:', error);\n    return { statusCode: 500, body: JSON.stringify({ error: 'Internal error' }) };\n  }\n};\ndeclare function processEvent(e: unknown): Promise<unknown>;\n",
    },
    {
      name: 'a deliberate 4xx message for the client',
      filename: 'h.ts',
      code: "export const handler = async (event: { body: string }) => {\n  try {\n    return { statusCode: 200, body: validate(event.body) };\n  } catch (err) {\n    return { statusCode: 400, body: JSON.stringify({ message: (err as Error).message }) };\n  }\n};\ndeclare function validate(b: string): string;\n",
    },
    {
      name: 'a status computed from the error is not known to be 5xx',
      filename: 'h.ts',
      code: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: '' };\n  } catch (err: any) {\n    return { statusCode: err.statusCode ?? 500, body: err.message };\n  }\n};\n",
    },
    {
      name: 'only the error name or a request ID',
      filename: 'h.ts',
      code: "export const handler = async (event: unknown, context: { awsRequestId: string }) => {\n  try {\n    return { statusCode: 200, body: '' };\n  } catch (err: any) {\n    return { statusCode: 500, body: JSON.stringify({ error: err.name, requestId: context.awsRequestId }) };\n  }\n};\n",
    },
    {
      name: 'a message variable that is not an error',
      filename: 'h.ts',
      code: "export const handler = async (event: { message: string }) => ({ statusCode: 500, body: event.message });\n",
    },
    {
      name: 'a non-HTTP result (Step Functions task) may carry the error',
      filename: 'h.ts',
      code: "export const handler = async () => {\n  try {\n    return { ok: true };\n  } catch (err) {\n    return { ok: false, error: (err as Error).message };\n  }\n};\n",
    },
    {
      name: 'Fetch API responses: a 4xx message, a 5xx with a generic body, a status that is not known',
      filename: 'app/api/items/route.ts',
      code: "export async function POST(request: Request) {\n  try {\n    return Response.json(await save(await request.json()));\n  } catch (e: any) {\n    if (e.name === 'ValidationError') return Response.json({ error: e.message }, { status: 400 });\n    console.error(e);\n    return new Response('Internal error', { status: 500 });\n  }\n}\nexport const put = async (c: { json(b: unknown, s?: number): Response }, code: number) => {\n  try {\n    return c.json(await save(1));\n  } catch (err) {\n    return c.json({ detail: (err as Error).message }, code);\n  }\n};\ndeclare function save(b: unknown): Promise<unknown>;\n",
    },
    {
      name: 'http-errors createError(500, ...) is not a response helper',
      filename: 'h.ts',
      code: "import createError from 'http-errors';\nexport const handler = async () => {\n  try {\n    return 1;\n  } catch (err) {\n    throw createError(500, (err as Error).message);\n  }\n};\n",
    },
    {
      name: 'a 4xx response built in a variable that holds the error message: a deliberate client message',
      filename: 'handlers/validate.js',
      code: "exports.main = async (event) => {\n  try {\n    return { statusCode: 200, body: check(event.body) };\n  } catch (e) {\n    const problem = { error: e.message };\n    return { statusCode: 422, body: JSON.stringify(problem) };\n  }\n};\nfunction check(b) { return b; }\n",
    },
    {
      name: 'a variable that held the error message and is set again before the response',
      filename: 'handlers/retry.js',
      code: "exports.main = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (e) {\n    let payload = { error: e.message };\n    console.error(payload);\n    payload = { error: 'Try again later' };\n    return { statusCode: 503, body: JSON.stringify(payload) };\n  }\n};\n",
    },
    {
      name: 'only a property of a variable that holds the error message reaches the body',
      filename: 'handlers/trace.js',
      code: "exports.main = async (event, context) => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (e) {\n    const entry = { requestId: context.awsRequestId, cause: e.message };\n    console.error(entry);\n    return { statusCode: 500, body: JSON.stringify({ requestId: entry.requestId }) };\n  }\n};\n",
    },
    {
      name: "a 4xx response with the error's name or code, not its stack",
      filename: 'handlers/lookup.js',
      code: "exports.main = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (e) {\n    return { statusCode: 409, body: `Conflict: ${e.name} ${e.code}` };\n  }\n};\n",
    },
    {
      name: 'a variable holding what a function made of the error (a code, a flag), not the error',
      filename: 'handlers/classify.js',
      code: "exports.main = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (e) {\n    const kind = classify(e);\n    return { statusCode: 500, body: JSON.stringify({ kind }) };\n  }\n};\nfunction classify(x) { return x && x.name === 'TimeoutError' ? 'timeout' : 'other'; }\n",
    },
    {
      name: 'an SQS handler (typed SQSEvent) returns its 500 body to no one',
      filename: 'handlers/importBatch.ts',
      code: "import { SQSEvent } from 'aws-lambda';\nimport { toResponse } from '../lib/http';\nexport const handler = async (event: SQSEvent) => {\n  try {\n    for (const r of event.Records) await save(JSON.parse(r.body));\n    return toResponse(200, event.Records);\n  } catch (error) {\n    console.error(error);\n    return toResponse(500, error);\n  }\n};\n",
    },
    {
      name: 'an S3 notification handler typed with S3Handler',
      filename: 'handlers/onUpload.ts',
      code: "import type { S3Handler } from 'aws-lambda';\nexport const handler: S3Handler = async (event) => {\n  try {\n    await parse(event.Records[0].s3.object.key);\n  } catch (err) {\n    return { statusCode: 500, body: JSON.stringify({ message: (err as Error).message }) } as any;\n  }\n};\n",
    },
    {
      name: 'an EventBridge handler through the aws-lambda namespace',
      filename: 'handlers/nightly.ts',
      code: "import * as lambda from 'aws-lambda';\nexport async function handler(event: lambda.EventBridgeEvent<'Scheduled Event', unknown>) {\n  try {\n    await run(event.detail);\n  } catch (e) {\n    return { statusCode: 500, body: String(e) };\n  }\n}\n",
    },
  ],
  invalid: [
    {
      name: 'an API Gateway handler beside an SQS handler in the same file is still reported',
      filename: 'handlers/products.ts',
      code: "import { APIGatewayProxyEvent, SQSEvent } from 'aws-lambda';\nexport const onQueue = async (event: SQSEvent) => {\n  try { await work(event); } catch (error) { return reply(500, error); }\n};\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  try { return reply(200, await work(event)); } catch (error) { return reply(500, error); }\n};\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 6, column: 83, data: { status: 500, detail: 'the raw error `error`' } }],
      output: null,
    },
    {
      name: 'a handler whose event type is not from aws-lambda is not taken for a queue handler',
      filename: 'handlers/local.ts',
      code: "type SQSEvent = { body: string };\nexport const handler = async (event: SQSEvent) => {\n  try { return respond(200, await work(event)); } catch (err) { return respond(500, err); }\n};\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 3, column: 85, data: { status: 500, detail: 'the raw error `err`' } }],
      output: null,
    },
    {
      name: 'error.message in a 500 body: the property becomes generic and the error is logged',
      filename: 'h.ts',
      code: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (error) {\n    return { statusCode: 500, body: JSON.stringify({ error: (error as Error).message }) };\n  }\n};\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 5, column: 61, data: { status: 500, detail: '`(error as Error).message`' } }],
      output: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (error) {\n    console.error('Handler error:', error);\n    return { statusCode: 500, body: JSON.stringify({ error: 'Internal error' }) };\n  }\n};\n",
    },
    {
      name: 'err.stack as a plain body, already logged: only the body changes',
      filename: 'h.js',
      code: "exports.handler = async (event) => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (err) {\n    console.error(err);\n    return {\n      statusCode: 502,\n      body: err.stack,\n    };\n  }\n};\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 8, data: { status: 502, detail: '`err.stack`' } }],
      output: "exports.handler = async (event) => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (err) {\n    console.error(err);\n    return {\n      statusCode: 502,\n      body: 'Internal error',\n    };\n  }\n};\n",
    },
    {
      name: 'the raw error stringified, and several details: the whole body is replaced',
      filename: 'h.ts',
      code: 'export const handler = async () => {\n  try {\n    return { statusCode: 200, body: "" };\n  } catch (e: any) {\n    return { statusCode: 500, body: JSON.stringify({ message: e.message, stack: e.stack }) };\n  }\n};\n',
      errors: [{ messageId: 'errorDetailsInBody', line: 5, data: { detail: '`e.message`' } }],
      output: 'export const handler = async () => {\n  try {\n    return { statusCode: 200, body: "" };\n  } catch (e: any) {\n    console.error("Handler error:", e);\n    return { statusCode: 500, body: JSON.stringify({ error: "Internal error" }) };\n  }\n};\n',
    },
    {
      name: 'shorthand { error } in the stringified body',
      filename: 'h.ts',
      code: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (error) {\n    return { statusCode: 500, body: JSON.stringify({ message: 'Failed', error }) };\n  }\n};\n",
      errors: [{ messageId: 'errorDetailsInBody', data: { detail: 'the raw error `error`' } }],
      output: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (error) {\n    console.error('Handler error:', error);\n    return { statusCode: 500, body: JSON.stringify({ message: 'Failed', error: 'Internal error' }) };\n  }\n};\n",
    },
    {
      name: 'a template literal body with String(err)',
      filename: 'h.ts',
      code: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (err) {\n    return { statusCode: 500, body: `Failed: ${String(err)}` };\n  }\n};\n",
      errors: [{ messageId: 'errorDetailsInBody' }],
      output: "export const handler = async () => {\n  try {\n    return { statusCode: 200, body: 'ok' };\n  } catch (err) {\n    console.error('Handler error:', err);\n    return { statusCode: 500, body: 'Internal error' };\n  }\n};\n",
    },
    {
      name: 'a response helper in a shared module (the error is a parameter); no fix in an arrow expression body',
      filename: 'src/responses.ts',
      code: 'export const serverError = (err: Error) => ({ statusCode: 500, body: JSON.stringify({ error: err.message }) });\n',
      errors: [{ messageId: 'errorDetailsInBody', line: 1 }],
      output: null,
    },
    {
      name: 'a .catch() callback and a body built in a const',
      filename: 'h.ts',
      code: "export const handler = async () =>\n  work().catch((reason) => {\n    const body = JSON.stringify({ reason: reason.message });\n    return { statusCode: 503, body };\n  });\ndeclare function work(): Promise<unknown>;\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 3 }],
      output: null,
    },
    {
      name: 'a var in the catch block holds the error message and the 500 body stringifies it; the error is already logged',
      filename: 'src/handlers/update/app.js',
      code: "let db;\nexports.lambdaHandler = async (event) => {\n  try {\n    db = db || (await connect());\n    return { statusCode: 200, body: JSON.stringify(await db.save(event)) };\n  } catch (failure) {\n    console.log('Cannot save', failure);\n    var details = {\n      reason: failure.message\n    };\n    return {\n      statusCode: 500,\n      body: JSON.stringify(details)\n    };\n  }\n};\nasync function connect() { return { save: async (e) => e }; }\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 9, column: 15, data: { status: 500, detail: '`failure.message`' } }],
      output: "let db;\nexports.lambdaHandler = async (event) => {\n  try {\n    db = db || (await connect());\n    return { statusCode: 200, body: JSON.stringify(await db.save(event)) };\n  } catch (failure) {\n    console.log('Cannot save', failure);\n    var details = {\n      reason: failure.message\n    };\n    return {\n      statusCode: 500,\n      body: JSON.stringify({ error: 'Internal error' })\n    };\n  }\n};\nasync function connect() { return { save: async (e) => e }; }\n",
    },
    {
      name: 'the stack trace in a 400 body (every failure answered as a client error)',
      filename: 'functions/items/get.js',
      code: "const find = require('./find');\nconst run = async (event) => {\n  try {\n    return { statusCode: 200, body: JSON.stringify(await find(event.pathParameters.id)) };\n  } catch (problem) {\n    return {\n      statusCode: 400,\n      body: `Lookup failed: ${problem.stack}`\n    };\n  }\n};\nexports.handler = async (event) => run(event);\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 8, column: 31, data: { status: 400, detail: '`problem.stack`' } }],
      output: "const find = require('./find');\nconst run = async (event) => {\n  try {\n    return { statusCode: 200, body: JSON.stringify(await find(event.pathParameters.id)) };\n  } catch (problem) {\n    console.error('Handler error:', problem);\n    return {\n      statusCode: 400,\n      body: 'Internal error'\n    };\n  }\n};\nexports.handler = async (event) => run(event);\n",
    },
    {
      name: "a 4xx response helper given the stack trace, beside its message (only the stack is reported)",
      filename: 'src/orders.ts',
      code: "export const handler = async (event: { body: string }) => {\n  try {\n    return respond(200, JSON.parse(event.body));\n  } catch (err: any) {\n    return respond(422, { message: err.message, trace: err['stack'] });\n  }\n};\ndeclare function respond(status: number, body: unknown): unknown;\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 5, data: { status: 422, detail: "`err['stack']`" } }],
      output: null,
    },
    {
      name: 'response helpers called with a 5xx status',
      filename: 'h.ts',
      code: "export const handler = async () => {\n  try {\n    return buildResponse(200, {});\n  } catch (error: any) {\n    return buildResponse(500, { message: error.message });\n  }\n};\nexport const express = (err: Error, res: any) => res.status(500).json({ error: err.stack });\ndeclare function buildResponse(status: number, body: unknown): unknown;\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 5 }, { messageId: 'errorDetailsInBody', line: 8 }],
      output: null,
    },
    {
      name: 'Fetch API responses with a 5xx status: Response.json, new Response, a route framework\'s c.json(body, 500)',
      filename: 'app/api/files/route.ts',
      code: "export async function POST(request: Request) {\n  try {\n    return Response.json(await save(await request.json()));\n  } catch (e: any) {\n    return Response.json({ error: e.message }, { status: 500 });\n  }\n}\nexport async function GET() {\n  try {\n    return new Response(await load());\n  } catch (failure) {\n    return new Response(String(failure), { status: 502, headers: { 'content-type': 'text/plain' } });\n  }\n}\nexport const del = async (c: { json(b: unknown, s?: number): Response }) => {\n  try {\n    return c.json(await remove());\n  } catch (err) {\n    return c.json({ detail: (err as Error).stack }, 500);\n  }\n};\ndeclare function save(b: unknown): Promise<unknown>;\ndeclare function load(): Promise<string>;\ndeclare function remove(): Promise<unknown>;\n",
      errors: [
        { messageId: 'errorDetailsInBody', line: 5, data: { status: 500, detail: '`e.message`' } },
        { messageId: 'errorDetailsInBody', line: 12, data: { status: 502, detail: 'the raw error `failure`' } },
        { messageId: 'errorDetailsInBody', line: 19, data: { status: 500, detail: '`(err as Error).stack`' } },
      ],
      output: null,
    },
    {
      name: "Fastify's reply.code(5xx).send(...), as a route's own reply and in a preHandler hook",
      filename: 'routes/orders.ts',
      code: "import Fastify from 'fastify';\nconst server = Fastify();\nserver.post('/orders', async (request, reply) => {\n  try {\n    return await placeOrder(request.body);\n  } catch (failure: any) {\n    return reply.code(503).send({ reason: failure.message });\n  }\n});\nexport const guard = async (request: unknown, reply: any) => {\n  try {\n    await authorize(request);\n  } catch (err) {\n    reply.code(500).send(err);\n  }\n};\ndeclare function placeOrder(b: unknown): Promise<unknown>;\ndeclare function authorize(r: unknown): Promise<void>;\n",
      errors: [
        { messageId: 'errorDetailsInBody', line: 7, data: { status: 503, detail: '`failure.message`' } },
        { messageId: 'errorDetailsInBody', line: 14, data: { status: 500, detail: 'the raw error `err`' } },
      ],
      output: null,
    },
  ],
});
