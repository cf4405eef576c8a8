// The one registry. Docs, the settings schema, the README table and SARIF descriptors derive
// from it. Each rule is imported by name and listed once.
import type { RuleDefinition } from '../engine/rule';
import { dynamodbEncryption } from './dynamodb/dynamodb-encryption';
import { dynamodbPointInTimeRecovery } from './dynamodb/dynamodb-point-in-time-recovery';
import { dynamodbProvisionedBilling } from './dynamodb/dynamodb-provisioned-billing';
import { iamHardcodedCredentials } from './iam/iam-hardcoded-credentials';
import { iamNotActionAllow } from './iam/iam-not-action-allow';
import { iamPublicPrincipal } from './iam/iam-public-principal';
import { iamTrustMissingExternalId } from './iam/iam-trust-missing-external-id';
import { iamUnknownAction } from './iam/iam-unknown-action';
import { iamWildcardAction } from './iam/iam-wildcard-action';
import { iamWildcardResource } from './iam/iam-wildcard-resource';
import { lambdaArm64 } from './lambda/lambda-arm64';
import { lambdaDeadLetterQueue } from './lambda/lambda-dead-letter-queue';
import { lambdaDeprecatedRuntime } from './lambda/lambda-deprecated-runtime';
import { lambdaExplicitMemory } from './lambda/lambda-explicit-memory';
import { lambdaExplicitTimeout } from './lambda/lambda-explicit-timeout';
import { lambdaReservedConcurrency } from './lambda/lambda-reserved-concurrency';
import { s3BucketDestroyOnDelete } from './s3/s3-bucket-destroy-on-delete';
import { s3BucketEncryption } from './s3/s3-bucket-encryption';
import { s3BucketEnforceSsl } from './s3/s3-bucket-enforce-ssl';
import { s3BucketLifecycle } from './s3/s3-bucket-lifecycle';
import { s3BucketPublicAccess } from './s3/s3-bucket-public-access';
import { s3BucketVersioning } from './s3/s3-bucket-versioning';

export const allRules: readonly RuleDefinition[] = [
  iamWildcardAction,
  iamWildcardResource,
  iamNotActionAllow,
  iamUnknownAction,
  iamPublicPrincipal,
  iamTrustMissingExternalId,
  iamHardcodedCredentials,
  s3BucketPublicAccess,
  s3BucketEncryption,
  s3BucketEnforceSsl,
  s3BucketVersioning,
  s3BucketDestroyOnDelete,
  s3BucketLifecycle,
  lambdaExplicitTimeout,
  lambdaExplicitMemory,
  lambdaReservedConcurrency,
  lambdaDeadLetterQueue,
  lambdaDeprecatedRuntime,
  lambdaArm64,
  dynamodbPointInTimeRecovery,
  dynamodbEncryption,
  dynamodbProvisionedBilling,
];

export const rulesById: ReadonlyMap<string, RuleDefinition> = new Map(allRules.map((r) => [r.id, r]));
