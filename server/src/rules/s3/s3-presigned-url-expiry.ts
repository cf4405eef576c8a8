import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { Fix } from '../../engine/types';
import type { TsFile } from '../../engine/typescript/file';
import { SDK_GATE, sdkFacts } from '../../engine/typescript/sdk';
import { applicationCode } from '../applicationCode';

/** SigV4 presigned URLs cannot outlive seven days; S3 rejects longer ones. */
const SIGV4_MAX_SECONDS = 604800;
const SAFE_SECONDS = 900;

export const s3PresignedUrlExpiry = defineRule({
  id: 's3-presigned-url-expiry',
  meta: {
    title: 'Presigned URL valid too long',
    description: 'A presigned S3 URL (`getSignedUrl`, `createPresignedPost`, SDK v2 `getSignedUrl`) expires later than the configured maximum (`presignedUrlMaxSeconds`, default 3600 s); above 604800 s it is invalid.',
    rationale:
      'A presigned URL is a bearer credential: anyone who gets it (logs, browser history, a forwarded link) can use it until it expires. Keep the lifetime as short as the use allows (the guide uses 15 minutes for downloads, 5 for uploads). SigV4 signatures cannot last longer than 7 days (604800 s): S3 rejects such URLs. The maximum is the `presignedUrlMaxSeconds` setting of `.aws-patterns.json`.',
    severity: 'warning',
    service: 's3',
    guide: 'S3 / Presigned URLs',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      tooLong: 'This presigned URL stays valid for {{duration}} ({{seconds}} s), above the {{max}} s maximum: anyone holding it has access that long. Use {{safe}} s or less.',
      invalid: 'An expiry of {{seconds}} s is above the 7-day limit (604800 s) of SigV4 presigned URLs: S3 rejects the URL. Use {{safe}} s or less.',
    },
    gate: SDK_GATE,
    examples: {
      invalid: [
        {
          filename: 'urls.ts',
          code: "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\nexport const url = (key: string) => getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 86400 });\n",
        },
      ],
      valid: [
        {
          filename: 'urls.ts',
          code: "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nimport { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\nexport const url = (key: string) => getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 900 });\n",
        },
      ],
    },
  },
  create(ctx) {
    const file = applicationCode(ctx);
    if (!file) return {};
    const sdk = sdkFacts(file);
    const max = ctx.settings.presignedUrlMaxSeconds;
    const safe = Math.min(SAFE_SECONDS, max);
    return {
      CallExpression(n) {
        const presign = sdk.presignOf(n as ts.CallExpression);
        if (!presign?.expiry.holder) return; // no options: the default (900 s for URLs, 3600 s for POST) applies
        const props = file.objectProps(presign.expiry.holder);
        const prop = props?.get(presign.expiry.property);
        if (!prop || prop === 'unknown' || !prop.value) return;
        const value = file.evaluate(prop.value);
        if (value.kind !== 'number') return;
        const seconds = value.value;
        if (seconds <= max && seconds <= SIGV4_MAX_SECONDS) return;
        const invalid = seconds > SIGV4_MAX_SECONDS;
        ctx.report({
          messageId: invalid ? 'invalid' : 'tooLong',
          data: { seconds, duration: humanDuration(seconds), max, safe },
          severity: invalid ? 'error' : undefined,
          start: prop.value.getStart(file.sourceFile),
          end: prop.value.getEnd(),
          fix: literalFix(file, prop.value, safe, presign.expiry.property),
        });
      },
    };
  },
});

/** Only a value written as numbers (`86400`, `60 * 60 * 24`) is replaced: a named constant may serve elsewhere. */
function literalFix(file: TsFile, value: ts.Expression, safe: number, property: string): Fix | undefined {
  let onlyNumbers = true;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) || ts.isCallExpression(n) || ts.isPropertyAccessExpression(n)) onlyNumbers = false;
    else ts.forEachChild(n, visit);
  };
  visit(value);
  if (!onlyNumbers) return undefined;
  return { title: `Set \`${property}: ${safe}\``, kind: 'unsafe', edits: [{ start: value.getStart(file.sourceFile), end: value.getEnd(), newText: String(safe) }] };
}

function humanDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
