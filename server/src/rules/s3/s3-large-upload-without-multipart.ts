import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';
import { unwrap } from '../../engine/typescript/bindings';
import { importRef } from '../../engine/typescript/edits';
import type { TsFile } from '../../engine/typescript/file';
import { SDK_GATE, sdkFacts, type SdkCommand } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

/** `largeFile`, `bigExport`, `hugeBuffer`, `fileStream`, `stream`: names that say what the value is. */
const LARGE_NAME = /^(large|big|huge)(?![a-z])|[a-z0-9](Large|Big|Huge)(?![a-z])|[a-z0-9]Stream$|^stream$/;

export const s3LargeUploadWithoutMultipart = defineRule({
  id: 's3-large-upload-without-multipart',
  meta: {
    title: 'Large upload without multipart',
    description: 'A `PutObject` sends a stream (`createReadStream`, `Readable`) or an upload named large in one request, or an `Upload` keeps its parts on failure (`leavePartsOnError: true`).',
    rationale:
      'A single PutObject is limited to 5 GB, needs the length up front (a stream of unknown length fails) and restarts from zero on any network error. `Upload` from `@aws-sdk/lib-storage` splits the body into parts sent in parallel, retries parts, and handles streams of unknown length. With `leavePartsOnError: true`, failed uploads leave invisible parts that you keep paying for until a lifecycle rule aborts them.',
    severity: 'warning',
    service: 's3',
    guide: 'S3 / Multipart Uploads',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      streamPutObject: 'PutObject sends {{body}} in a single request: no parts, no retry of a part, a 5 GB ceiling and a required length. Use Upload from @aws-sdk/lib-storage.',
      partsLeftOnError: '`leavePartsOnError: true` keeps the parts of failed uploads, which are billed until aborted. Set it to false.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'upload.ts',
          code: "import { createReadStream } from 'fs';\nimport { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\nexport const upload = (path: string) =>\n  s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: createReadStream(path) }));\n",
        },
      ],
      valid: [
        {
          filename: 'upload.ts',
          code: "import { createReadStream } from 'fs';\nimport { S3Client } from '@aws-sdk/client-s3';\nimport { Upload } from '@aws-sdk/lib-storage';\n\nconst s3 = new S3Client({});\nexport const upload = (path: string) =>\n  new Upload({ client: s3, params: { Bucket: 'b', Key: 'k', Body: createReadStream(path) }, leavePartsOnError: false }).done();\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const sdk = sdkFacts(file);
    const checkBody = (input: ts.Expression | undefined, command: SdkCommand | undefined) => {
      const props = input && file.objectProps(input);
      const body = props?.get('Body');
      if (!body || body === 'unknown' || !body.value || !isStreamOrLarge(file, body.value, 0)) return;
      ctx.report({
        messageId: 'streamPutObject',
        data: { body: `\`${body.value.getText(file.sourceFile).replace(/\s+/g, ' ').slice(0, 60)}\`` },
        start: body.value.getStart(file.sourceFile),
        end: body.value.getEnd(),
        fix: command ? uploadFix(file, command) : undefined,
      });
    };
    return {
      NewExpression(n) {
        const node = n as ts.NewExpression;
        if (sdk.isUpload(node)) {
          const props = node.arguments?.[0] && file.objectProps(node.arguments[0]);
          const leave = props?.get('leavePartsOnError');
          if (!leave || leave === 'unknown' || !leave.value) return;
          const v = file.evaluate(leave.value);
          if (v.kind !== 'boolean' || !v.value) return;
          const literal = unwrap(leave.value).kind === ts.SyntaxKind.TrueKeyword;
          ctx.report({
            messageId: 'partsLeftOnError',
            start: leave.node.getStart(file.sourceFile),
            end: leave.node.getEnd(),
            fix: literal ? { title: 'Set `leavePartsOnError: false`', kind: 'unsafe', edits: [{ start: leave.value.getStart(file.sourceFile), end: leave.value.getEnd(), newText: 'false' }] } : undefined,
          });
          return;
        }
        const command = sdk.commandOf(node);
        if (command && command.service === 's3' && command.operation === 'PutObject' && command.node === node) checkBody(command.input, command);
      },
      CallExpression(n) {
        const op = sdk.operationOf(n as ts.CallExpression);
        if (op && op.style === 'method' && op.service === 's3' && op.operation === 'PutObject') checkBody(op.input, undefined);
      },
    };
  },
});

/** A readable stream, or a value whose name says it is large (`largeFile`, `fileStream`). */
function isStreamOrLarge(file: TsFile, expr: ts.Expression, depth: number): boolean {
  if (depth > 5) return false;
  const e = unwrap(expr);
  if (ts.isAwaitExpression(e)) return false;
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    const ref = file.symbolOf(e.expression);
    if (ref && (ref.module === 'fs' || ref.module === 'fs/promises') && ref.path[ref.path.length - 1] === 'createReadStream') return true;
    if (ref && ref.module === 'stream' && ['Readable', 'PassThrough', 'Transform', 'Duplex'].includes(ref.path[0])) return true;
    const callee = unwrap(e.expression);
    // `stream.pipe(gzip)`, `someStream.pipe(...)`: a piped stream.
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'pipe') return true;
    return false;
  }
  if (ts.isIdentifier(e)) {
    const decl = file.declarationOf(e);
    if (decl?.kind === 'variable' && decl.node.initializer && decl.isConst) {
      if (isStreamOrLarge(file, decl.node.initializer, depth + 1)) return true;
    }
    if (decl?.kind === 'import') return false;
    return LARGE_NAME.test(e.text);
  }
  return false;
}

/**
 * `client.send(new PutObjectCommand(input))` → `new Upload({ client, params: input }).done()`, with
 * `Upload` imported from `@aws-sdk/lib-storage`. Only for that exact shape (no send options).
 */
function uploadFix(file: TsFile, command: SdkCommand): Fix | undefined {
  let n: ts.Node = command.node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const send = n.parent;
  if (!ts.isCallExpression(send) || send.arguments.length !== 1 || send.arguments[0] !== n || !command.input) return undefined;
  const callee = unwrap(send.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'send' || ts.isOptionalChain(callee)) return undefined;
  const ref = importRef(file, '@aws-sdk/lib-storage', 'Upload');
  if (!ref) return undefined;
  const client = callee.expression.getText(file.sourceFile);
  const input = command.input.getText(file.sourceFile);
  return {
    title: 'Rewrite as a multipart `Upload` from @aws-sdk/lib-storage',
    kind: 'unsafe',
    edits: [...ref.edits, { start: send.getStart(file.sourceFile), end: send.getEnd(), newText: `new ${ref.text}({ client: ${client}, params: ${input} }).done()` }],
  };
}
