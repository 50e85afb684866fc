// Infra stack: everything that holds data or identity (key, buckets, table, queues, user pool).
// Deployed separately from the functions so a code change can never replace or delete stored data.
import {
  ArnFormat,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type BucketProps,
  type CorsRule,
  EventType,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity as SesIdentity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { COUNCILS, REGIONS } from '../../shared/domain/councils.ts';
import { STAGING_PREFIX } from '../../shared/ports/objects.ts';
import { TABLE_INDEX } from '../config/data-access.ts';
import {
  functionTimeoutSeconds,
  isRetained,
  mailConfigurationSetName,
  PINNED_REGION,
  type StageConfig,
} from '../config/stage-config.ts';
import { Identity } from '../constructs/identity.ts';
import {
  DeadLetterQueue,
  MonitoredQueue,
  type MonitoredQueueProps,
  notify,
} from '../constructs/monitored-queue.ts';
import { acknowledgeWildcardResource } from '../constructs/nag.ts';
import { VISIBILITY_TO_TIMEOUT_RATIO } from '../constructs/queue-consumer.ts';
import { UpstreamFunction } from '../constructs/upstream-function.ts';

/**
 * The uploads bucket's one CORS rule: a council's browser puts each file of a return straight to its
 * presigned address, from the web app's origin only (the stage's own domain, if it has one, and its allowed
 * origins: the local app's for a disposable stage). The headers are those the address is signed with
 * (if-none-match: each address is for one write only, docs/adr/0003) and the file's own content type.
 */
export function uploadCorsRule(config: Pick<StageConfig, 'appUrl' | 'allowedOrigins'>): CorsRule {
  return {
    allowedMethods: [HttpMethods.PUT],
    allowedOrigins: [...new Set([...(config.appUrl ? [config.appUrl] : []), ...config.allowedOrigins])],
    allowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'if-none-match'],
    exposedHeaders: ['ETag'],
    maxAge: 3000,
  };
}

/** Key prefixes in the uploads bucket: raw returns arrive under uploads/, validation reports go to reports/. */
export const UPLOADS_PREFIX = 'uploads/';
export const REPORTS_PREFIX = 'reports/';
/** The data bucket's child-level (pseudonymised) extracts. */
export const CURATED_PREFIX = 'curated/';
/** How long a replaced or deleted object in the data bucket can be restored. */
export const NONCURRENT_VERSION_DAYS = 30;
/** Old versions of one object kept for that time, at most. */
export const NONCURRENT_VERSIONS_KEPT = 3;

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

export class StatefulStack extends Stack {
  readonly config: StageConfig;
  /** Customer-managed key for the data bucket, table, queues and alarm topic. */
  readonly key: Key;
  /** Key of the uploads bucket alone: raw returns (child-level, not yet pseudonymised) and their reports. */
  readonly uploadsKey: Key;
  /** Key of the pseudonym secret alone. */
  readonly pseudonymKey: Key;
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
  /** Where every alarm goes; emailed to the stage's alarmEmail. */
  readonly alarmTopic: Topic;
  /** Failed scheduled runs: what Scheduler could not deliver and what the invoked function failed on. */
  readonly scheduleDeadLetterQueue: DeadLetterQueue;
  readonly identity: Identity;
  /** The user pool's token trigger for councils' machine clients. */
  readonly machineToken: UpstreamFunction;
  /** SES: the sender's domain identity, and the configuration set all mail goes through. */
  readonly senderIdentity: EmailIdentity;
  readonly mailConfigurationSet: ConfigurationSet;
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
    // Raw returns and the pseudonym secret get keys of their own: only the functions granted them (ingest,
    // and submissions for the uploads) can decrypt, whatever else may use the main key.
    this.uploadsKey = new Key(this, 'UploadsKey', {
      description: `Upstream ${config.stage}: raw uploads and their validation reports`,
      enableKeyRotation: true,
      removalPolicy,
    });
    new Alias(this, 'UploadsKeyAlias', {
      aliasName: `alias/upstream-${config.stage}-uploads`,
      targetKey: this.uploadsKey,
    });
    this.pseudonymKey = new Key(this, 'PseudonymKey', {
      description: `Upstream ${config.stage}: the pseudonym secret`,
      enableKeyRotation: true,
      removalPolicy,
    });
    new Alias(this, 'PseudonymKeyAlias', {
      aliasName: `alias/upstream-${config.stage}-pseudonym`,
      targetKey: this.pseudonymKey,
    });

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

    const secureBucket = (logPrefix: string, encryptionKey: Key): BucketProps => ({
      encryption: BucketEncryption.KMS,
      encryptionKey,
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
    const notificationsRole = this.notificationsHandlerRole();
    this.uploadsBucket = new Bucket(this, 'UploadsBucket', {
      ...secureBucket('uploads-bucket/', this.uploadsKey),
      // Handed over immutable, so CDK attaches no managed policy to it.
      notificationsHandlerRole: notificationsRole.withoutPolicyUpdates(),
      lifecycleRules: [
        // Reports share the raw upload's retention: they quote its rows.
        { id: 'ExpireRawUploads', prefix: UPLOADS_PREFIX, expiration: retention },
        { id: 'ExpireReports', prefix: REPORTS_PREFIX, expiration: retention },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [uploadCorsRule(config)],
    });

    // Versioned: an extract overwritten by a resubmission, or deleted by mistake, can be restored for
    // NONCURRENT_VERSION_DAYS; beyond the newest few, old versions go at once, so copies do not pile up.
    this.dataBucket = new Bucket(this, 'DataBucket', {
      ...secureBucket('data-bucket/', this.key),
      versioned: true,
      lifecycleRules: [
        // What a failed attempt left half-written before its outputs were moved to curated/.
        { id: 'ExpireStagedOutputs', prefix: STAGING_PREFIX, expiration: Duration.days(1) },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'ExpireCuratedExtracts',
          prefix: CURATED_PREFIX,
          expiration: Duration.days(config.curatedRetentionDays),
        },
        {
          id: 'LimitOldVersions',
          noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
          noncurrentVersionsToRetain: NONCURRENT_VERSIONS_KEPT,
          expiredObjectDeleteMarker: true,
        },
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
      indexName: TABLE_INDEX,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });

    // Every alarm in both stacks notifies this topic; retained stages must name who reads it (alarmEmail).
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: `Upstream ${config.stage} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    // CloudWatch alarms publish to the encrypted topic as the CloudWatch service.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    // The sender: an SES identity for the sender's domain (its DKIM records are output, to publish in DNS), and
    // a configuration set, the default for that identity, that publishes bounces and complaints to the alarm
    // topic and keeps bounced and complaining addresses off later sends.
    this.mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName: mailConfigurationSetName(config.stage),
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.mailConfigurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.alarmTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });
    // SES publishes to the encrypted topic as the SES service.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    const senderDomain = config.fromAddress.slice(config.fromAddress.lastIndexOf('@') + 1);
    this.senderIdentity = new EmailIdentity(this, 'SenderIdentity', {
      identity: SesIdentity.domain(senderDomain),
      configurationSet: this.mailConfigurationSet,
    });
    this.senderIdentity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `SenderDkimRecord${index + 1}`, {
        description: `CNAME to publish for ${senderDomain} so SES can verify the sender (DKIM)`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });

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
    const queue = (
      id: string,
      consumer: string,
      fifo: boolean,
      description: string,
      tuning: Pick<MonitoredQueueProps, 'maxReceiveCount' | 'maxMessageAge'> = {},
    ) =>
      new MonitoredQueue(this, id, {
        encryptionKey: queueKey,
        visibilityTimeout: visibilityFor(consumer),
        fifo,
        alarmTopic: this.alarmTopic,
        description,
        deadLetterRemovalPolicy: removalPolicy,
        ...tuning,
      });
    this.ingestQueue = queue('IngestQueue', 'ingest-return', false, 'Ingest queue (S3 uploads/ events)');
    // A council's events wait behind a failing one (FIFO): poison messages go to the DLQ on their first
    // receive (recompute moves them), other failures after three receives, not five; and its message-age
    // alarm fires after 5 minutes, sooner than those retries take: a council is being held up (docs/operations.md).
    this.recomputeQueue = queue('RecomputeQueue', 'recompute', true, 'Recompute queue (FIFO, group = LA)', {
      maxReceiveCount: 3,
      maxMessageAge: Duration.minutes(5),
    });
    this.alertQueue = queue('AlertQueue', 'notify', true, 'Alert queue (FIFO, group = region)');
    this.digestQueue = queue('DigestQueue', 'dfe-digest', false, 'Digest queue');
    this.scheduleDeadLetterQueue = new DeadLetterQueue(this, 'ScheduleDeadLetters', {
      encryptionKey: queueKey,
      alarmTopic: this.alarmTopic,
      description: 'Scheduled runs (risk review, adviser digests, DfE weekly summary)',
      removalPolicy,
    });

    // SqsDestination adds the queue policy for s3.amazonaws.com (scoped to this bucket); the key policy is above.
    this.uploadsBucket.addEventNotification(
      EventType.OBJECT_CREATED,
      new SqsDestination(this.ingestQueue.queue),
      {
        prefix: UPLOADS_PREFIX,
      },
    );
    notificationsRole.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:PutBucketNotification'],
        resources: [this.uploadsBucket.bucketArn],
      }),
    );
    // The custom resource must not run before its role may do its work.
    const notifications = this.uploadsBucket.node.tryFindChild('Notifications');
    if (!notifications) throw new Error('Expected CDK to create the uploads bucket notifications resource.');
    notifications.node.addDependency(notificationsRole);
    Validations.of(queueKey).acknowledge({
      id: '@aws-cdk/aws-s3-notifications:sqsKMSPermissionsNotAdded',
      reason:
        'The key policy statement AllowS3NotificationsToEncryptedQueues grants S3 what this warning asks for.',
    });

    this.pseudonymSecret = new Secret(this, 'PseudonymSecret', {
      description: 'Root of the per-council keys that pseudonymise child identifiers at ingest',
      encryptionKey: this.pseudonymKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });
    Validations.of(this.pseudonymSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this secret changes every pseudonym, which breaks the link between a child’s records across years. Re-keying is a deliberate, planned operation (docs/operations.md), not a schedule.',
    });

    // Ties each council's machine client to its council as Cognito issues its token (docs/adr/0010). It lives
    // beside the pool and the table it reads, so the pool does not depend on the stateless stack.
    this.machineToken = new UpstreamFunction(this, 'MachineToken', {
      name: 'machine-token',
      config,
      description: 'Pre-token-generation trigger: a council machine client’s token names its council',
    }).bindTable(this.table, 'TABLE_NAME', 'read');
    // The stateless stack's alarm aspect does not reach this stack: a failing trigger means no council's
    // extract gets a token, so its alarms go to the same topic here.
    for (const alarm of [
      this.machineToken.errorsAlarm,
      this.machineToken.throttlesAlarm,
      this.machineToken.durationAlarm,
    ]) {
      notify(alarm, this.alarmTopic);
    }

    // Users and their MFA enrolments are state: the pool lives here, not beside the API that trusts it.
    this.identity = new Identity(this, 'Identity', {
      machineTokenTrigger: this.machineToken.function,
      // A retained stage sends its invitations from the verified sender, through SES, not Cognito's own
      // low-volume address.
      email: isRetained(config)
        ? UserPoolEmail.withSES({
            fromEmail: config.fromAddress,
            fromName: 'Upstream',
            sesRegion: PINNED_REGION,
            sesVerifiedDomain: senderDomain,
            configurationSetName: this.mailConfigurationSet.configurationSetName,
          })
        : undefined,
      councils: COUNCILS,
      regions: REGIONS,
      removalPolicy,
      deletionProtection: protect,
      domainPrefix: config.authDomainPrefix ?? `upstream-${config.stage}`,
    });
  }

  /**
   * The role of CDK's bucket-notification custom resource (deploy time only), supplied so that it carries
   * no managed policy: it may write its own logs and (granted once the bucket exists) set the uploads
   * bucket's notifications, nothing else.
   */
  private notificationsHandlerRole(): Role {
    const role = new Role(this, 'BucketNotificationsHandlerRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Applies the uploads bucket notification configuration at deploy time',
    });
    // The handler's function name is generated from this stack's name; its log group follows.
    const logGroups = this.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: `/aws/lambda/${this.stackName}-*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroups, `${logGroups}:*`],
      }),
    );
    for (const resource of [logGroups, `${logGroups}:*`]) {
      acknowledgeWildcardResource(
        role,
        resource,
        "The bucket-notification handler's function name is generated by CloudFormation from this stack's name, so its log group (and streams) are named by that prefix; no other function in this stack writes to a default /aws/lambda log group (the token trigger has a log group of its own).",
      );
    }
    return role;
  }
}
