// Infra construct: wires an UpstreamFunction to an SQS queue with partial-batch reporting and checked timeouts.
import type { Duration } from 'aws-cdk-lib';
import { Token } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { CfnQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { UpstreamFunction } from './upstream-function.ts';

/** AWS's guidance: a visibility timeout of at least six times the function timeout, so retries cannot overlap. */
export const VISIBILITY_TO_TIMEOUT_RATIO = 6;

// SQS's own default when a queue sets none.
const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

export interface QueueConsumerProps {
  readonly handler: UpstreamFunction;
  /** The concrete queue (not IQueue): its visibility timeout and dead-letter queue are checked at synth. */
  readonly queue: Queue;
  /** Records per invocation; 1 to 10 for FIFO queues. @default 10 */
  readonly batchSize?: number;
  /**
   * How long to gather records before invoking. Not allowed on FIFO queues.
   * @default - no batching window (invoke as soon as records are available)
   */
  readonly maxBatchingWindow?: Duration;
  /** Upper bound on concurrent invocations from this queue (2 to 1000). @default - no limit */
  readonly maxConcurrency?: number;
}

/**
 * An SQS event source that always reports batch item failures, and that refuses to synthesize when the
 * queue has no dead-letter queue or a visibility timeout shorter than 6 × the function timeout.
 */
export class QueueConsumer extends Construct {
  readonly eventSource: SqsEventSource;

  constructor(scope: Construct, id: string, props: QueueConsumerProps) {
    super(scope, id);
    const { handler, queue } = props;
    const where = `QueueConsumer ${this.node.path}`;

    if (!queue.deadLetterQueue) {
      throw new Error(`${where}: queue ${queue.node.path} has no dead-letter queue; use MonitoredQueue.`);
    }
    if (queue.fifo !== queue.deadLetterQueue.queue.fifo) {
      throw new Error(`${where}: queue ${queue.node.path} and its dead-letter queue differ in FIFO-ness.`);
    }
    if (queue.fifo && props.maxBatchingWindow) {
      throw new Error(`${where}: FIFO queues cannot have a batching window.`);
    }

    const functionTimeout = handler.timeout.toSeconds();
    const visibility =
      (queue.node.defaultChild as CfnQueue).visibilityTimeout ?? DEFAULT_VISIBILITY_TIMEOUT_SECONDS;
    if (Token.isUnresolved(visibility)) {
      throw new Error(
        `${where}: the visibility timeout of ${queue.node.path} must be a literal to be checked.`,
      );
    }
    const required = VISIBILITY_TO_TIMEOUT_RATIO * functionTimeout;
    if (visibility < required) {
      throw new Error(
        `${where}: queue ${queue.node.path} has a visibility timeout of ${visibility}s but ${handler.name} ` +
          `times out after ${functionTimeout}s; it needs at least ${required}s (${VISIBILITY_TO_TIMEOUT_RATIO} × the function timeout).`,
      );
    }

    this.eventSource = new SqsEventSource(queue, {
      batchSize: props.batchSize ?? 10,
      maxBatchingWindow: props.maxBatchingWindow,
      maxConcurrency: props.maxConcurrency,
      // Without this, one bad record makes the whole batch retry.
      reportBatchItemFailures: true,
    });
    handler.function.addEventSource(this.eventSource);
  }
}
