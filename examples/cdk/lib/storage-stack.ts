import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface StorageStackProps extends StackProps {
  stage: string;
}

export class StorageStack extends Stack {
  readonly ordersTable: dynamodb.TableV2;
  readonly uploads: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageStackProps) {
    super(scope, id, props);
    const isProd = props.stage === 'prod';

    // ✅ Compliant: the guide's secure-defaults bucket, with lifecycle rules.
    this.uploads = new s3.Bucket(this, 'Uploads', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) },
            { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) },
          ],
          expiration: Duration.days(365),
        },
      ],
    });

    // ❌ Public website bucket: Block Public Access weakened (s3-bucket-public-access).
    new s3.Bucket(this, 'MarketingSite', {
      websiteIndexDocument: 'index.html',
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
    });

    // ❌ Scratch bucket deleted with the stack (s3-bucket-destroy-on-delete), versioning off.
    new s3.Bucket(this, 'ReportScratch', {
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
      versioned: false,
    });

    // ❌ Bucket created without any props: every S3 rule has something to say.
    const exports = new s3.Bucket(this, 'Exports');

    // Per-environment choice: unknown statically, so no rule guesses.
    new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !isProd,
    });
    exports.addLifecycleRule({ expiration: Duration.days(90) });

    // ✅ Compliant table: on demand, PITR, encryption stated.
    this.ordersTable = new dynamodb.TableV2(this, 'Orders', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    });

    // ❌ Legacy table: fixed provisioned capacity, no PITR, encryption not stated.
    new dynamodb.Table(this, 'Sessions', {
      partitionKey: { name: 'sessionId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PROVISIONED,
      readCapacity: 5,
      writeCapacity: 5,
      timeToLiveAttribute: 'expiresAt',
    });

    // ❌ L1 table with PITR turned off explicitly.
    new dynamodb.CfnTable(this, 'AuditLog', {
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      billingMode: 'PAY_PER_REQUEST',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: false },
      sseSpecification: { sseEnabled: true },
    });
  }
}
