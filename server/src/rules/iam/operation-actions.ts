// API operations whose name is not an IAM action, and the actions that authorize them. Writing
// the API name (`s3:ListObjectsV2`, `sqs:SendMessageBatch`) instead of the action is the most
// common way a policy names an action that does not exist: IAM accepts it and grants nothing.
// Sources: the "API operations" tables of the Service Authorization Reference, the S3 user
// guide's "Required permissions for Amazon S3 API operations", and the SQS developer guide
// ("setting permissions for SendMessage ... sets permissions for the batch versions").
// A test checks that every key is absent from the IAM data and every target present.

export const OPERATION_ACTIONS: Record<string, Record<string, string[]>> = {
  s3: {
    ListObjects: ['s3:ListBucket'],
    ListObjectsV2: ['s3:ListBucket'],
    HeadBucket: ['s3:ListBucket'],
    HeadObject: ['s3:GetObject'],
    SelectObjectContent: ['s3:GetObject'],
    ListObjectVersions: ['s3:ListBucketVersions'],
    ListMultipartUploads: ['s3:ListBucketMultipartUploads'],
    ListParts: ['s3:ListMultipartUploadParts'],
    DeleteObjects: ['s3:DeleteObject'],
    CopyObject: ['s3:GetObject', 's3:PutObject'],
    UploadPartCopy: ['s3:GetObject', 's3:PutObject'],
    CreateMultipartUpload: ['s3:PutObject'],
    UploadPart: ['s3:PutObject'],
    CompleteMultipartUpload: ['s3:PutObject'],
    GetBucketLifecycleConfiguration: ['s3:GetLifecycleConfiguration'],
    PutBucketLifecycleConfiguration: ['s3:PutLifecycleConfiguration'],
    GetBucketEncryption: ['s3:GetEncryptionConfiguration'],
    PutBucketEncryption: ['s3:PutEncryptionConfiguration'],
    GetBucketReplication: ['s3:GetReplicationConfiguration'],
    PutBucketReplication: ['s3:PutReplicationConfiguration'],
    GetBucketNotificationConfiguration: ['s3:GetBucketNotification'],
    PutBucketNotificationConfiguration: ['s3:PutBucketNotification'],
    GetPublicAccessBlock: ['s3:GetBucketPublicAccessBlock'],
    PutPublicAccessBlock: ['s3:PutBucketPublicAccessBlock'],
  },
  sqs: {
    SendMessageBatch: ['sqs:SendMessage'],
    DeleteMessageBatch: ['sqs:DeleteMessage'],
    ChangeMessageVisibilityBatch: ['sqs:ChangeMessageVisibility'],
  },
  sns: {
    PublishBatch: ['sns:Publish'],
  },
  lambda: {
    Invoke: ['lambda:InvokeFunction'],
    InvokeWithResponseStream: ['lambda:InvokeFunction'],
  },
  dynamodb: {
    TransactGetItems: ['dynamodb:GetItem'],
    TransactWriteItems: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
  },
};

/** The actions that authorize API operation `name` of `service`, when the name is an operation, not an action. */
export function actionsForOperation(service: string, name: string): string[] | undefined {
  const ops = OPERATION_ACTIONS[service.toLowerCase()];
  if (!ops) return undefined;
  const lower = name.toLowerCase();
  for (const [op, actions] of Object.entries(ops)) if (op.toLowerCase() === lower) return actions;
  return undefined;
}
