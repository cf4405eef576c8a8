// The one registry. Docs, the settings schema, the README table and SARIF descriptors derive
// from it. Each rule is imported by name and listed once.
import type { RuleDefinition } from '../engine/rule';
import { dynamodbScan } from './dynamodb/dynamodb-scan';
import { unusedSuppression } from './general/unused-suppression';
import { iamWildcardAction } from './iam/iam-wildcard-action';
import { lambdaClientInHandler } from './lambda/lambda-client-in-handler';
import { lambdaEnvValidation } from './lambda/lambda-env-validation';
import { lambdaErrorDetailsLeak } from './lambda/lambda-error-details-leak';
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
  s3PresignedUrlExpiry,
  s3PresignedPutUnconstrained,
  s3LargeUploadWithoutMultipart,
  lambdaClientInHandler,
  lambdaEnvValidation,
  lambdaErrorDetailsLeak,
  dynamodbScan,
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
