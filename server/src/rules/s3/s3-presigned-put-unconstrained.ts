import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';
import { insertProperty, stringLiteral } from '../../engine/typescript/edits';
import { SDK_GATE, sdkFacts } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

export const s3PresignedPutUnconstrained = defineRule({
  id: 's3-presigned-put-unconstrained',
  meta: {
    title: 'Presigned upload without a content type',
    description: 'A presigned `PutObject` URL is signed without `ContentType`, so the holder can upload any kind of file.',
    rationale:
      'Signing `ContentType` into an upload URL makes S3 reject uploads whose `Content-Type` header differs, so a URL meant for a JPEG cannot deliver HTML or an executable that your site later serves. Sign the type you expect (and keep the key under a per-user prefix, as the guide does).',
    severity: 'warning',
    service: 's3',
    guide: 'S3 / Presigned URLs',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missingContentType: 'This presigned upload URL does not sign a ContentType: whoever holds it can upload any file type. Add the expected ContentType to the PutObject input.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'uploads.ts',
          code: "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\nexport const uploadUrl = (key: string) =>\n  getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 300 });\n",
        },
      ],
      valid: [
        {
          filename: 'uploads.ts',
          code: "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\nexport const uploadUrl = (key: string) =>\n  getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: key, ContentType: 'image/jpeg' }), { expiresIn: 300 });\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const sdk = sdkFacts(file);
    return {
      CallExpression(n) {
        const presign = sdk.presignOf(n as ts.CallExpression);
        if (!presign || presign.operation !== 'PutObject' || !presign.params) return;
        const props = file.objectProps(presign.params);
        if (!props || props.get('ContentType') !== undefined) return;
        // The command's name (v3) or the operation name (v2): short, and what the reader looks for.
        const at = presign.command && presign.commandArg === presign.command.node ? presign.command.node.expression : (presign.commandArg ?? presign.call.arguments[0]);
        const edits = insertProperty(file, props.literal, `ContentType: ${stringLiteral(file, 'image/jpeg')}`);
        const suggestions: Fix[] = edits ? [{ title: 'Add a `ContentType` to sign (edit the placeholder `image/jpeg`)', kind: 'unsafe', edits }] : [];
        ctx.report({
          messageId: 'missingContentType',
          start: at.getStart(file.sourceFile),
          end: at.getEnd(),
          suggestions,
        });
      },
    };
  },
});
