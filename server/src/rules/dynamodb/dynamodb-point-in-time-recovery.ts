import { defineRule } from '../../engine/rule';
import { versionAtLeast } from '../../engine/project';
import { addProp, CDK_GATE, constructKey, constructVisitor, propOf, propRange, replaceValue, type Construct } from '../../engine/typescript/cdk';
import type { PropInfo, TsFile } from '../../engine/typescript/file';

/** First aws-cdk-lib with `pointInTimeRecoverySpecification` on Table/TableV2 (aws/aws-cdk#33059, January 2025). */
export const PITR_SPECIFICATION_SINCE = '2.177.0';

type Pitr = { state: 'on' } | { state: 'off'; flag: PropInfo; range: PropInfo } | { state: 'absent' } | { state: 'unknown' };

function readSpecification(file: TsFile, prop: PropInfo): Pitr {
  const obj = prop.value && file.objectProps(prop.value);
  const enabled = obj?.get('pointInTimeRecoveryEnabled');
  if (!obj || enabled === 'unknown') return { state: 'unknown' };
  if (enabled === undefined) return { state: 'off', flag: prop, range: prop }; // the flag defaults to false
  const v = file.evaluate(enabled.value);
  if (v.kind !== 'boolean') return { state: 'unknown' };
  return v.value ? { state: 'on' } : { state: 'off', flag: enabled, range: prop };
}

function readPitr(file: TsFile, c: Construct): Pitr {
  const spec = propOf(file, c, 'pointInTimeRecoverySpecification');
  if (spec.state === 'unknown') return spec;
  if (spec.state === 'present') {
    const s = readSpecification(file, spec.prop);
    if (s.state !== 'off' || c.kind === 'cfnTable') return s;
  }
  if (c.kind === 'cfnTable') return { state: 'absent' };
  const old = propOf(file, c, 'pointInTimeRecovery');
  if (old.state === 'unknown') return old;
  if (old.state === 'present') {
    if (old.value.kind !== 'boolean') return { state: 'unknown' };
    return old.value.value ? { state: 'on' } : { state: 'off', flag: old.prop, range: old.prop };
  }
  return spec.state === 'present' ? readSpecification(file, spec.prop) : { state: 'absent' };
}

/** The spelling the project's aws-cdk-lib compiles: the settings say, or the file shows, or the old one (all v2 have it). */
function useSpecification(c: Construct, cdkVersion: string | undefined, fileShowsSpecification: () => boolean): boolean {
  if (c.kind === 'cfnTable') return true;
  if (c.v1) return false;
  return versionAtLeast(cdkVersion, PITR_SPECIFICATION_SINCE) ?? fileShowsSpecification();
}

export const dynamodbPointInTimeRecovery = defineRule({
  id: 'dynamodb-point-in-time-recovery',
  meta: {
    title: 'DynamoDB table without point-in-time recovery',
    description: 'A DynamoDB table (`Table`, `TableV2`, `CfnTable`) without point-in-time recovery, in either CDK spelling (`pointInTimeRecovery` or `pointInTimeRecoverySpecification`).',
    rationale:
      'Point-in-time recovery keeps continuous backups for up to 35 days, so a bad deploy, a buggy batch job or an accidental delete can be rolled back to the second. Without it the only copies are the on-demand backups someone remembered to take.',
    severity: 'warning',
    service: 'dynamodb',
    guide: 'DynamoDB / Table Design',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Table {{name}} has no point-in-time recovery: an accidental write or delete cannot be rolled back. Enable it.',
      disabled: 'Table {{name}} turns point-in-time recovery off explicitly: an accidental write or delete cannot be rolled back. Enable it.',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nnew dynamodb.TableV2(this, 'Orders', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING } });\n" }],
      valid: [
        {
          filename: 'stack.ts',
          code: "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nnew dynamodb.TableV2(this, 'Orders', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING }, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });\n",
        },
      ],
    },
  },
  create(ctx) {
    const cdkVersion = ctx.settings.awsCdkLibVersion;
    // Searched once a file: once a table was quadratic (a file of 800 tables without the word took 160 ms).
    let shows: boolean | undefined;
    const fileShowsSpecification = () => (shows ??= ctx.file.text.includes('pointInTimeRecoverySpecification'));
    return constructVisitor(ctx, ['table', 'tableV2', 'cfnTable'], (c, file) => {
      const pitr = readPitr(file, c);
      const data = { name: c.label };
      const key = constructKey(c);
      // Continuous backups are billed per GB-month: a cost decision, never applied unattended.
      if (pitr.state === 'off') {
        const edits = pitr.flag.name === 'pointInTimeRecoverySpecification' ? undefined : replaceValue(file, pitr.flag, 'true');
        ctx.report({ messageId: 'disabled', data, ...propRange(file, pitr.range), key, fix: edits && { title: 'Enable point-in-time recovery', kind: 'unsafe', edits } });
        return;
      }
      if (pitr.state !== 'absent') return;
      const spec = useSpecification(c, cdkVersion, fileShowsSpecification);
      const text = spec ? 'pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }' : 'pointInTimeRecovery: true';
      const edits = addProp(file, c, text);
      ctx.report({ messageId: 'missing', data, start: c.start, end: c.end, key, fix: edits && { title: `Add \`${text}\``, kind: 'unsafe', edits } });
    });
  },
});
