// The one registry. Docs, the settings schema, the README table and SARIF descriptors derive
// from it. Each rule is imported by name and listed once.
import type { RuleDefinition } from '../engine/rule';
import { dynamodbEncryption } from './dynamodb/dynamodb-encryption';
import { dynamodbPointInTimeRecovery } from './dynamodb/dynamodb-point-in-time-recovery';
import { dynamodbProvisionedBilling } from './dynamodb/dynamodb-provisioned-billing';
import { dynamodbScan } from './dynamodb/dynamodb-scan';
import { unusedSuppression } from './general/unused-suppression';
import { iamHardcodedCredentials } from './iam/iam-hardcoded-credentials';
import { iamNotActionAllow } from './iam/iam-not-action-allow';
import { iamBroadManagedPolicy } from './iam/iam-broad-managed-policy';
import { iamPublicPrincipal } from './iam/iam-public-principal';
import { iamTrustMissingExternalId } from './iam/iam-trust-missing-external-id';
import { iamUnknownAction } from './iam/iam-unknown-action';
import { iamWildcardAction } from './iam/iam-wildcard-action';
import { iamWildcardResource } from './iam/iam-wildcard-resource';
import { lambdaArm64 } from './lambda/lambda-arm64';
import { lambdaClientInHandler } from './lambda/lambda-client-in-handler';
import { lambdaDeadLetterQueue } from './lambda/lambda-dead-letter-queue';
import { lambdaDeprecatedRuntime } from './lambda/lambda-deprecated-runtime';
import { lambdaEnvValidation } from './lambda/lambda-env-validation';
import { lambdaErrorDetailsLeak } from './lambda/lambda-error-details-leak';
import { lambdaExplicitMemory } from './lambda/lambda-explicit-memory';
import { lambdaExplicitTimeout } from './lambda/lambda-explicit-timeout';
import { lambdaReservedConcurrency } from './lambda/lambda-reserved-concurrency';
import { s3BucketDestroyOnDelete } from './s3/s3-bucket-destroy-on-delete';
import { s3BucketEncryption } from './s3/s3-bucket-encryption';
import { s3BucketEnforceSsl } from './s3/s3-bucket-enforce-ssl';
import { s3BucketLifecycle } from './s3/s3-bucket-lifecycle';
import { s3BucketPublicAccess } from './s3/s3-bucket-public-access';
import { s3BucketVersioning } from './s3/s3-bucket-versioning';
import { s3LargeUploadWithoutMultipart } from './s3/s3-large-upload-without-multipart';
import { s3PresignedPutUnconstrained } from './s3/s3-presigned-put-unconstrained';
import { s3PresignedUrlExpiry } from './s3/s3-presigned-url-expiry';
import { errorV2CodeCheck } from './sdk/error-v2-code-check';
import { hardcodedLocalEndpoint } from './sdk/hardcoded-local-endpoint';
import { sdkV2Import } from './sdk/sdk-v2-import';
import { secretsFetchedPerInvocation } from './secrets/secrets-fetched-per-invocation';
import { sqsBatchTooLarge } from './sqs/sqs-batch-too-large';
import { sqsFifoMissingGroupId } from './sqs/sqs-fifo-missing-group-id';
import { sqsPartialBatchFailures } from './sqs/sqs-partial-batch-failures';
import { sqsUnbatchedSend } from './sqs/sqs-unbatched-send';

export const allRules: readonly RuleDefinition[] = [
  iamWildcardAction,
  iamWildcardResource,
  iamNotActionAllow,
  iamUnknownAction,
  iamPublicPrincipal,
  iamBroadManagedPolicy,
  iamTrustMissingExternalId,
  iamHardcodedCredentials,
  s3BucketPublicAccess,
  s3BucketEncryption,
  s3BucketEnforceSsl,
  s3BucketVersioning,
  s3BucketDestroyOnDelete,
  s3BucketLifecycle,
  s3PresignedUrlExpiry,
  s3PresignedPutUnconstrained,
  s3LargeUploadWithoutMultipart,
  lambdaClientInHandler,
  lambdaEnvValidation,
  lambdaErrorDetailsLeak,
  lambdaExplicitTimeout,
  lambdaExplicitMemory,
  lambdaReservedConcurrency,
  lambdaDeadLetterQueue,
  lambdaDeprecatedRuntime,
  lambdaArm64,
  dynamodbPointInTimeRecovery,
  dynamodbEncryption,
  dynamodbScan,
  dynamodbProvisionedBilling,
  sqsUnbatchedSend,
  sqsBatchTooLarge,
  sqsFifoMissingGroupId,
  sqsPartialBatchFailures,
  secretsFetchedPerInvocation,
  errorV2CodeCheck,
  sdkV2Import,
  hardcodedLocalEndpoint,
  unusedSuppression,
];

export const rulesById: ReadonlyMap<string, RuleDefinition> = new Map(allRules.map((r) => [r.id, r]));
