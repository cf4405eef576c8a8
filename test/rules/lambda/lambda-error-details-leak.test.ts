import { lambdaErrorDetailsLeak } from '../../../server/src/rules/lambda/lambda-error-details-leak';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

ruleTester(lambdaErrorDetailsLeak, {
  valid: [
    ...handlerDecoys,
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
      name: 'http-errors createError(500, ...) is not a response helper',
      filename: 'h.ts',
      code: "import createError from 'http-errors';\nexport const handler = async () => {\n  try {\n    return 1;\n  } catch (err) {\n    throw createError(500, (err as Error).message);\n  }\n};\n",
    },
  ],
  invalid: [
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
      name: 'response helpers called with a 5xx status',
      filename: 'h.ts',
      code: "export const handler = async () => {\n  try {\n    return buildResponse(200, {});\n  } catch (error: any) {\n    return buildResponse(500, { message: error.message });\n  }\n};\nexport const express = (err: Error, res: any) => res.status(500).json({ error: err.stack });\ndeclare function buildResponse(status: number, body: unknown): unknown;\n",
      errors: [{ messageId: 'errorDetailsInBody', line: 5 }, { messageId: 'errorDetailsInBody', line: 8 }],
      output: null,
    },
  ],
});
