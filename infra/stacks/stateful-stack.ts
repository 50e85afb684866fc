// Infra stack: everything that holds data or identity (key, buckets, table, queues, user pool).
// Deployed separately from the functions so a code change can never replace or delete stored data.
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type BucketProps,
  EventType,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { COUNCILS, REGIONS } from '../../shared/domain/councils.ts';
import { functionTimeoutSeconds, type StageConfig } from '../config/stage-config.ts';
import { Identity } from '../constructs/identity.ts';
import { MonitoredQueue } from '../constructs/monitored-queue.ts';
import { VISIBILITY_TO_TIMEOUT_RATIO } from '../constructs/queue-consumer.ts';

/** Key prefixes in the uploads bucket: raw returns arrive under uploads/, validation reports go to reports/. */
export const UPLOADS_PREFIX = 'uploads/';
export const REPORTS_PREFIX = 'reports/';

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

export class StatefulStack extends Stack {
  readonly config: StageConfig;
  /** Customer-managed key for the buckets, table, queues and alarm topic. */
  readonly key: Key;
  readonly accessLogBucket: Bucket;
  /** Raw uploads (uploads/) and validation reports (reports/), both expiring after rawUploadRetentionDays. */
  readonly uploadsBucket: Bucket;
  /** Long-lived outputs: curated/ extracts and published feeds/. */
  readonly dataBucket: Bucket;
  /** Single table: pk/sk, gsi1 for by-council and by-region listings, TTL on expiresAt. */
  readonly table: Table;
  readonly ingestQueue: MonitoredQueue;
  readonly recomputeQueue: MonitoredQueue;
  readonly alertQueue: MonitoredQueue;
  readonly digestQueue: MonitoredQueue;
  /** Only when the stage sets alarmEmail. */
  readonly alarmTopic?: Topic;
  readonly identity: Identity;
  /** The service secret behind child pseudonyms (per-council keys are derived from it). */
  readonly pseudonymSecret: Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    const removalPolicy = config.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const protect = config.removalPolicy === 'retain';

    this.key = new Key(this, 'Key', {
      description: `Upstream ${config.stage}: data at rest (buckets, table, queues, alarm topic)`,
      enableKeyRotation: true,
      removalPolicy,
    });
    new Alias(this, 'KeyAlias', { aliasName: `alias/upstream-${config.stage}`, targetKey: this.key });

    // cdk-nag accepts a bucket that receives access logs without logging itself (which would loop).
    this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      // Server access log delivery supports SSE-S3 only, not SSE-KMS.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(config.logRetentionDays) }],
      removalPolicy,
    });

    const secureBucket = (logPrefix: string): BucketProps => ({
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket rather than per object: far fewer KMS calls for the same protection.
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: logPrefix,
      removalPolicy,
    });

    const retention = Duration.days(config.rawUploadRetentionDays);
    this.uploadsBucket = new Bucket(this, 'UploadsBucket', {
      ...secureBucket('uploads-bucket/'),
      lifecycleRules: [
        // Reports share the raw upload's retention: they quote its rows.
        { id: 'ExpireRawUploads', prefix: UPLOADS_PREFIX, expiration: retention },
        { id: 'ExpireReports', prefix: REPORTS_PREFIX, expiration: retention },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [
        {
          // Councils upload straight from the browser with a presigned PUT.
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: config.allowedOrigins,
          allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
    });

    this.dataBucket = new Bucket(this, 'DataBucket', {
      ...secureBucket('data-bucket/'),
      lifecycleRules: [
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });

    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      timeToLiveAttribute: 'expiresAt',
      deletionProtection: protect,
      removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });

    if (config.alarmEmail) {
      this.alarmTopic = new Topic(this, 'AlarmTopic', {
        displayName: `Upstream ${config.stage} alarms`,
        masterKey: this.key,
        enforceSSL: true,
      });
      this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
      // CloudWatch alarms publish to the encrypted topic as the CloudWatch service.
      this.key.addToResourcePolicy(
        new PolicyStatement({
          principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
          actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
      );
    }

    // The queues see the key by ARN only. Otherwise S3's send permission would write a condition naming the
    // uploads bucket into the key policy, while the bucket is itself encrypted with the key: a dependency cycle.
    // S3's use of the key for the ingest queue is granted once, below, scoped to this account.
    const queueKey = Key.fromKeyArn(this, 'QueueKey', this.key.keyArn);
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowS3NotificationsToEncryptedQueues',
        principals: [new ServicePrincipal('s3.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    // Each visibility timeout follows the timeout of the function that will consume the queue.
    const visibilityFor = (consumer: string) =>
      Duration.seconds(VISIBILITY_TO_TIMEOUT_RATIO * functionTimeoutSeconds(config, consumer));
    const queue = (id: string, consumer: string, fifo: boolean, description: string) =>
      new MonitoredQueue(this, id, {
        encryptionKey: queueKey,
        visibilityTimeout: visibilityFor(consumer),
        fifo,
        alarmTopic: this.alarmTopic,
        description,
      });
    this.ingestQueue = queue('IngestQueue', 'ingest-return', false, 'Ingest queue (S3 uploads/ events)');
    this.recomputeQueue = queue('RecomputeQueue', 'recompute', true, 'Recompute queue (FIFO, group = LA)');
    this.alertQueue = queue('AlertQueue', 'notify', true, 'Alert queue (FIFO, group = region)');
    this.digestQueue = queue('DigestQueue', 'dfe-digest', false, 'Digest queue');

    // SqsDestination adds the queue policy for s3.amazonaws.com (scoped to this bucket); the key policy is above.
    this.uploadsBucket.addEventNotification(
      EventType.OBJECT_CREATED,
      new SqsDestination(this.ingestQueue.queue),
      {
        prefix: UPLOADS_PREFIX,
      },
    );
    Validations.of(queueKey).acknowledge({
      id: '@aws-cdk/aws-s3-notifications:sqsKMSPermissionsNotAdded',
      reason:
        'The key policy statement AllowS3NotificationsToEncryptedQueues grants S3 what this warning asks for.',
    });
    this.acknowledgeNotificationHandler();

    this.pseudonymSecret = new Secret(this, 'PseudonymSecret', {
      description: 'Root of the per-council keys that pseudonymise child identifiers at ingest',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });
    Validations.of(this.pseudonymSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this secret changes every pseudonym, which breaks the link between a child’s records across years. Re-keying is a deliberate, planned operation (docs/operations.md), not a schedule.',
    });

    // Users and their MFA enrolments are state: the pool lives here, not beside the API that trusts it.
    this.identity = new Identity(this, 'Identity', {
      councils: COUNCILS,
      regions: REGIONS,
      removalPolicy,
      deletionProtection: protect,
      domainPrefix: config.authDomainPrefix ?? `upstream-${config.stage}`,
    });
  }

  /** CDK's singleton that applies bucket notifications; its shape is fixed by CDK, not by us. */
  private acknowledgeNotificationHandler(): void {
    const handler = this.node.children.find((child) =>
      child.node.id.startsWith('BucketNotificationsHandler'),
    );
    if (!handler) throw new Error('Expected CDK to create the BucketNotificationsHandler custom resource.');
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's bucket-notification custom resource handler (deploy time only) uses the basic execution managed policy for its own logs; CDK does not let its role be replaced. Its S3 permission is scoped to the uploads bucket.",
    });
  }
}
