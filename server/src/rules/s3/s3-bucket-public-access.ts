import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import { addProp, CDK_GATE, constructKey, constructVisitor, isExport, propOf, propRange, refTo, replaceValue, type Construct, type PropState } from '../../engine/typescript/cdk';
import type { TsFile } from '../../engine/typescript/file';
import type { TextEdit } from '../../engine/types';

const S3 = 'aws-cdk-lib/aws-s3';
const FLAGS = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'];
const PUBLIC_ACLS = new Set(['PUBLIC_READ', 'PUBLIC_READ_WRITE', 'PublicRead', 'PublicReadWrite']);

/** 'all' when all four blocks are on, 'weak' when one is off or left out, 'unknown' otherwise. */
function blockSetting(file: TsFile, state: PropState, cfn: boolean): 'all' | 'weak' | 'unknown' {
  if (state.state !== 'present') return 'unknown';
  const v = state.value;
  if (isExport(v, S3, 'BlockPublicAccess', 'BLOCK_ALL')) return 'all';
  if (isExport(v, S3, 'BlockPublicAccess', 'BLOCK_ACLS') || isExport(v, S3, 'BlockPublicAccess', 'BLOCK_ACLS_ONLY')) return 'weak';
  // `new BlockPublicAccess({...})` (L2) or the L1 configuration object: a flag left out is false.
  let obj: ts.Expression | undefined;
  if (!cfn && v.kind === 'new' && v.ref.module === S3 && v.ref.path.join('.') === 'BlockPublicAccess') obj = v.args[0];
  else if (cfn && v.kind === 'object') obj = v.node;
  const props = obj && file.objectProps(obj);
  if (!props) return 'unknown';
  let weak = false;
  for (const flag of FLAGS) {
    const p = props.get(flag);
    if (p === 'unknown') return 'unknown';
    if (p === undefined) {
      weak = true;
      continue;
    }
    const b = file.evaluate(p.value);
    if (b.kind !== 'boolean') return 'unknown';
    if (!b.value) weak = true;
  }
  return weak ? 'weak' : 'all';
}

function publicAcl(file: TsFile, c: Construct): PropState | undefined {
  const s = propOf(file, c, 'accessControl');
  if (s.state !== 'present') return undefined;
  const v = s.value;
  if (v.kind === 'symbol' && v.ref.module === S3 && v.ref.path[0] === 'BucketAccessControl' && PUBLIC_ACLS.has(v.ref.path[1])) return s;
  if (v.kind === 'string' && PUBLIC_ACLS.has(v.value)) return s;
  return undefined;
}

export const s3BucketPublicAccess = defineRule({
  id: 's3-bucket-public-access',
  meta: {
    title: 'Bucket open to public access',
    description: 'An S3 bucket with `publicReadAccess: true`, a public ACL or a weakened `blockPublicAccess` (error), or no explicit `blockPublicAccess` (information).',
    rationale:
      'S3 blocks public access on new buckets by default since April 2023, and most data leaks from S3 come from buckets where someone turned that off. Keep `BlockPublicAccess.BLOCK_ALL` and serve public content through CloudFront with origin access control instead.',
    severity: 'error',
    service: 's3',
    guide: 'S3 / Secure Defaults',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      publicRead: 'Bucket {{name}} grants public read access to every object. Serve public content through CloudFront with origin access control and keep the bucket private.',
      publicAcl: 'Bucket {{name}} uses a public canned ACL ({{acl}}). Keep the bucket private.',
      weakened: 'Bucket {{name}} weakens Block Public Access: a bucket policy or ACL can then make objects public. Use `BlockPublicAccess.BLOCK_ALL`.',
      notExplicit: 'Bucket {{name}} relies on the account default for Block Public Access (on for buckets created since April 2023). State `blockPublicAccess: BlockPublicAccess.BLOCK_ALL` so it cannot be lost.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Site', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });\n" }],
      valid: [{ filename: 'stack.ts', code: "import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'Site', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });\n" }],
    },
  },
  create(ctx) {
    return constructVisitor(ctx, ['bucket', 'cfnBucket'], (c, file) => {
      const cfn = c.kind === 'cfnBucket';
      const data = { name: c.label };
      const key = constructKey(c);
      const pra = cfn ? undefined : propOf(file, c, 'publicReadAccess');
      const publicRead = pra?.state === 'present' && pra.value.kind === 'boolean' && pra.value.value;
      if (publicRead && pra?.state === 'present') ctx.report({ messageId: 'publicRead', data, ...propRange(file, pra.prop), key: `${key}::publicRead` });
      const acl = publicAcl(file, c);
      if (acl?.state === 'present') {
        const name = acl.value.kind === 'symbol' ? acl.value.ref.path[1] : acl.value.kind === 'string' ? acl.value.value : '';
        ctx.report({ messageId: 'publicAcl', data: { ...data, acl: name }, ...propRange(file, acl.prop), key: `${key}::acl` });
      }
      const bpa = propOf(file, c, cfn ? 'publicAccessBlockConfiguration' : 'blockPublicAccess');
      if (bpa.state === 'unknown') return;
      // Turning public access off breaks whatever relied on it: never applied unattended.
      const blockAll = (): { text: string; edits: TextEdit[] } | undefined => {
        if (cfn) return { text: '{ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }', edits: [] };
        const ref = refTo(file, c, S3, 'BlockPublicAccess');
        return ref && { text: `${ref.text}.BLOCK_ALL`, edits: ref.edits };
      };
      if (bpa.state === 'present') {
        if (blockSetting(file, bpa, cfn) !== 'weak') return;
        const all = publicRead || acl ? undefined : blockAll();
        const value = all && replaceValue(file, bpa.prop, all.text);
        const edits = value && [...value, ...all!.edits];
        ctx.report({ messageId: 'weakened', data, ...propRange(file, bpa.prop), key: `${key}::block`, fix: edits && { title: 'Block all public access', kind: 'unsafe', edits } });
        return;
      }
      if (publicRead || acl) return; // the error above already says it
      const all = blockAll();
      const edits = all && addProp(file, c, `${cfn ? 'publicAccessBlockConfiguration' : 'blockPublicAccess'}: ${all.text}`, all.edits);
      ctx.report({
        messageId: 'notExplicit',
        data,
        severity: 'information',
        start: c.start,
        end: c.end,
        key: `${key}::block`,
        fix: edits && { title: cfn ? 'Add `publicAccessBlockConfiguration` blocking all public access' : 'Add `blockPublicAccess: BlockPublicAccess.BLOCK_ALL`', kind: 'unsafe', edits },
      });
    });
  },
});
