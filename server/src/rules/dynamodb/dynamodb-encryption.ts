import { defineRule } from '../../engine/rule';
import { addProp, anyPropOf, CDK_GATE, constructKey, constructVisitor, refTo } from '../../engine/typescript/cdk';

const DDB = 'aws-cdk-lib/aws-dynamodb';

export const dynamodbEncryption = defineRule({
  id: 'dynamodb-encryption',
  meta: {
    title: 'DynamoDB table encryption not stated',
    description: 'A DynamoDB table that does not state its encryption (it then uses an AWS-owned key that you cannot see or audit in KMS).',
    rationale:
      'DynamoDB always encrypts at rest; without a choice it uses an AWS-owned key that does not appear in your account. The guide\'s `TableEncryption.AWS_MANAGED` uses the `aws/dynamodb` KMS key, whose use CloudTrail records; a customer-managed key adds control over rotation and access.',
    severity: 'information',
    service: 'dynamodb',
    guide: 'DynamoDB / Table Design',
    fix: 'unsafe',
    languages: ['typescript'],
    messages: {
      missing: 'Table {{name}} does not state its encryption, so it uses an AWS-owned key you cannot audit. Set `encryption` (e.g. `TableEncryption.AWS_MANAGED`).',
    },
    gate: CDK_GATE,
    examples: {
      invalid: [{ filename: 'stack.ts', code: "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nnew dynamodb.Table(this, 'Orders', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING } });\n" }],
      valid: [
        {
          filename: 'stack.ts',
          code: "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nnew dynamodb.Table(this, 'Orders', { partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING }, encryption: dynamodb.TableEncryption.AWS_MANAGED });\n",
        },
      ],
    },
  },
  create(ctx) {
    return constructVisitor(ctx, ['table', 'tableV2', 'cfnTable'], (c, file) => {
      const names = c.kind === 'cfnTable' ? ['sseSpecification'] : c.kind === 'tableV2' ? ['encryption'] : ['encryption', 'encryptionKey', 'serverSideEncryption'];
      if (anyPropOf(file, c, names).state !== 'absent') return;
      // The AWS-managed KMS key is billed per request, unlike the AWS-owned default: never unattended.
      let edits;
      let title: string;
      if (c.kind === 'cfnTable') {
        title = 'Add `sseSpecification: { sseEnabled: true }` (AWS-managed KMS key)';
        edits = addProp(file, c, 'sseSpecification: { sseEnabled: true }');
      } else if (c.kind === 'tableV2') {
        title = 'Add `encryption: TableEncryptionV2.awsManagedKey()`';
        const ref = refTo(file, c, DDB, 'TableEncryptionV2');
        edits = ref && addProp(file, c, `encryption: ${ref.text}.awsManagedKey()`, ref.edits);
      } else {
        title = 'Add `encryption: TableEncryption.AWS_MANAGED`';
        const ref = refTo(file, c, DDB, 'TableEncryption');
        edits = ref && addProp(file, c, `encryption: ${ref.text}.AWS_MANAGED`, ref.edits);
      }
      ctx.report({ messageId: 'missing', data: { name: c.label }, start: c.start, end: c.end, key: constructKey(c), fix: edits && { title, kind: 'unsafe', edits } });
    });
  },
});
