// Infra construct: a work queue with its dead-letter queue and an alarm on anything landing there.
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
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
  /** Where the dead-letter alarm notifies. @default - the alarm has no action */
  readonly alarmTopic?: ITopic;
  /** Human description used in the alarm. @default - the construct id */
  readonly description?: string;
  /**
   * Alarm when the oldest message has waited this long (a FIFO group held up behind a failing message).
   * @default - no such alarm
   */
  readonly oldestMessageAlarmAfter?: Duration;
}

/**
 * Queue + dead-letter queue (same FIFO-ness) + alarm on DLQ depth > 0. Both queues are KMS-encrypted and
 * refuse non-TLS requests.
 */
export class MonitoredQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly oldestMessageAlarm?: Alarm;
  /** Receives before a message moves to the dead-letter queue (consumers that act on the last one read it). */
  readonly maxReceiveCount: number;

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
      retentionPeriod: Duration.days(14),
    });

    this.queue = new Queue(this, 'Queue', {
      ...common,
      contentBasedDeduplication: fifo ? (props.contentBasedDeduplication ?? false) : undefined,
      visibilityTimeout: props.visibilityTimeout ?? Duration.seconds(180),
      retentionPeriod: props.retentionPeriod ?? Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount },
    });

    this.deadLetterAlarm = new Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: `${props.description ?? id}: messages in the dead-letter queue need investigating and redriving.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    if (props.oldestMessageAlarmAfter) {
      this.oldestMessageAlarm = new Alarm(this, 'OldestMessageAlarm', {
        alarmDescription: `${props.description ?? id}: a message has waited over ${props.oldestMessageAlarmAfter.toHumanString()}; something is holding the queue up (docs/operations.md).`,
        metric: this.queue.metricApproximateAgeOfOldestMessage({
          period: Duration.minutes(1),
          statistic: 'Maximum',
        }),
        threshold: props.oldestMessageAlarmAfter.toSeconds(),
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
    if (props.alarmTopic) {
      const action = new SnsAction(props.alarmTopic);
      for (const alarm of [this.deadLetterAlarm, this.oldestMessageAlarm]) {
        alarm?.addAlarmAction(action);
        alarm?.addOkAction(action);
      }
    }
  }
}
