// Infra construct: a work queue with its dead-letter queue, an alarm on anything landing there and alarms on
// messages waiting longer than they should.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MonitoredQueueProps {
  /** Customer-managed key for both queues. Service producers (e.g. S3) need their own key policy statement. */
  readonly encryptionKey: IKey;
  /**
   * At least 6 × the consumer's function timeout (checked by QueueConsumer).
   * @default Duration.seconds(180)
   */
  readonly visibilityTimeout?: Duration;
  /** FIFO queue; the dead-letter queue follows, because a FIFO queue can only redrive to a FIFO queue. @default false */
  readonly fifo?: boolean;
  /**
   * Only for FIFO queues. Off by default: producers set a MessageDeduplicationId from the business key,
   * which survives a re-send with a different body.
   * @default false
   */
  readonly contentBasedDeduplication?: boolean;
  /** Receives before a message is moved to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
  /** @default Duration.days(4) */
  readonly retentionPeriod?: Duration;
  /** Where the alarms notify. @default - the alarms have no action */
  readonly alarmTopic?: ITopic;
  /**
   * Alarm when the oldest message has waited longer than this.
   * @default - maxReceiveCount × the visibility timeout: by then a message that was being received would
   * have reached the dead-letter queue, so an older one is not being received at all
   */
  readonly maxMessageAge?: Duration;
  /** What happens to the dead-letter queue (and what waits in it) when the stack goes. @default RemovalPolicy.DESTROY */
  readonly deadLetterRemovalPolicy?: RemovalPolicy;
  /** Human description used in the alarm. @default - the construct id */
  readonly description?: string;
}

/**
 * Queue + dead-letter queue (same FIFO-ness) + alarm on DLQ depth > 0. Both queues are KMS-encrypted and
 * refuse non-TLS requests.
 */
export class MonitoredQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  /** Receives before a message moves to the dead-letter queue (consumers that act on the last one read it). */
  readonly maxReceiveCount: number;
  readonly ageAlarm: Alarm;
  readonly deadLetterAgeAlarm: Alarm;

  constructor(scope: Construct, id: string, props: MonitoredQueueProps) {
    super(scope, id);
    const fifo = props.fifo ?? false;
    const maxReceiveCount = props.maxReceiveCount ?? 5;
    this.maxReceiveCount = maxReceiveCount;
    if (props.contentBasedDeduplication && !fifo) {
      throw new Error(
        `MonitoredQueue ${this.node.path}: contentBasedDeduplication applies to FIFO queues only.`,
      );
    }
    if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1 || maxReceiveCount > 1000) {
      throw new Error(`MonitoredQueue ${this.node.path}: maxReceiveCount must be an integer from 1 to 1000.`);
    }
    const common = {
      fifo: fifo || undefined,
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
    };

    // Kept as long as SQS allows, so a failure found on Monday can still be redriven.
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      ...common,
      retentionPeriod: DEAD_LETTER_RETENTION,
      removalPolicy: props.deadLetterRemovalPolicy ?? RemovalPolicy.DESTROY,
    });

    const visibilityTimeout = props.visibilityTimeout ?? Duration.seconds(180);
    this.queue = new Queue(this, 'Queue', {
      ...common,
      contentBasedDeduplication: fifo ? (props.contentBasedDeduplication ?? false) : undefined,
      visibilityTimeout,
      retentionPeriod: props.retentionPeriod ?? Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount },
    });

    const description = props.description ?? id;
    const maxMessageAge =
      props.maxMessageAge ?? Duration.seconds(maxReceiveCount * visibilityTimeout.toSeconds());
    this.ageAlarm = new Alarm(this, 'AgeAlarm', {
      alarmDescription: `${description}: a message has waited over ${maxMessageAge.toHumanString()}; its consumer is not receiving (disabled, failing before it starts, or throttled).`,
      metric: this.queue.metricApproximateAgeOfOldestMessage({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: maxMessageAge.toSeconds(),
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const deadLetters = deadLetterAlarms(this, this.deadLetterQueue, description);
    this.deadLetterAlarm = deadLetters.depth;
    this.deadLetterAgeAlarm = deadLetters.age;
    if (props.alarmTopic) {
      for (const alarm of [this.ageAlarm, this.deadLetterAlarm, this.deadLetterAgeAlarm]) {
        notify(alarm, props.alarmTopic);
      }
    }
  }
}

/** SQS keeps a message at most 14 days: dead letters are kept that long, so a failure found late can be redriven. */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/** Four days before SQS would drop it, a dead letter still waiting is called out again. */
const DEAD_LETTER_WARNING_AGE = Duration.days(10);

/**
 * The two alarms every dead-letter queue has: any message in it, and a message close to being dropped.
 * Created under `scope` as DeadLetterAlarm and DeadLetterAgeAlarm.
 */
export function deadLetterAlarms(
  scope: Construct,
  deadLetterQueue: IQueue,
  description: string,
): { depth: Alarm; age: Alarm } {
  const depth = new Alarm(scope, 'DeadLetterAlarm', {
    alarmDescription: `${description}: messages in the dead-letter queue need investigating and redriving.`,
    metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    }),
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  const age = new Alarm(scope, 'DeadLetterAgeAlarm', {
    alarmDescription: `${description}: a dead letter has waited ${DEAD_LETTER_WARNING_AGE.toDays()} days; SQS drops it at ${DEAD_LETTER_RETENTION.toDays()}. Redrive or record it now.`,
    metric: deadLetterQueue.metricApproximateAgeOfOldestMessage({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    }),
    threshold: DEAD_LETTER_WARNING_AGE.toSeconds(),
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  return { depth, age };
}

export interface DeadLetterQueueProps {
  readonly encryptionKey: IKey;
  readonly alarmTopic: ITopic;
  readonly description: string;
  /** @default RemovalPolicy.DESTROY */
  readonly removalPolicy?: RemovalPolicy;
}

/** A dead-letter queue on its own (for services that deliver failures to one, such as Scheduler), with its alarms. */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;
  readonly depthAlarm: Alarm;
  readonly ageAlarm: Alarm;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue, named as such by the services that deliver to it (Scheduler targets and Lambda on-failure destinations), which cdk-nag cannot see.',
    });
    const alarms = deadLetterAlarms(this, this.queue, props.description);
    this.depthAlarm = alarms.depth;
    this.ageAlarm = alarms.age;
    for (const alarm of [this.depthAlarm, this.ageAlarm]) notify(alarm, props.alarmTopic);
  }
}

const notifying = new WeakSet<Alarm>();

/** Sends both the alarm and its return to OK to the topic, so the person told also hears it is over. */
export function notify(alarm: Alarm, topic: ITopic): void {
  notifying.add(alarm);
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
}

/** Whether `notify` has given the alarm a topic. */
export function isNotifying(alarm: Alarm): boolean {
  return notifying.has(alarm);
}
