// Primary-adapter helper for SQS consumers: runs one record through the handler's work and says, the same way
// in every function, what became of a failure. A poison message (PoisonMessageError: no retry can fix it) is
// either set aside at once in the dead-letter queue with its reason (where a FIFO group would otherwise wait
// behind its retries) or failed so that SQS moves it there; any other failure is retried.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { PoisonMessageError } from '../use-cases/queue-messages.ts';
import type { PublishMessage } from './sqs-publisher.ts';

export interface ConsumerOptions {
  readonly logger: Logger;
  /** Sends a poison message to the dead-letter queue now, instead of after its retries. */
  readonly setAsidePoison?: PublishMessage;
  /** Extra log fields for a failure (e.g. which recipients an email did not reach). */
  readonly failureDetails?: (error: unknown) => Record<string, unknown>;
}

export function recordHandler(
  work: (record: SQSRecord) => Promise<void>,
  options: ConsumerOptions,
): (record: SQSRecord) => Promise<void> {
  const { logger, setAsidePoison, failureDetails } = options;
  return async (record) => {
    try {
      await work(record);
    } catch (error) {
      const context = {
        messageId: record.messageId,
        messageGroupId: record.attributes.MessageGroupId,
        receiveCount: record.attributes.ApproximateReceiveCount,
      };
      if (error instanceof PoisonMessageError && setAsidePoison) {
        await setAsidePoison({
          body: record.body,
          ...(record.attributes.MessageGroupId
            ? { groupId: record.attributes.MessageGroupId, deduplicationId: record.messageId }
            : {}),
          // The reason travels with the message, so whoever reads the dead-letter queue sees why.
          attributes: { reason: error.message.slice(0, 1000) },
        });
        logger.error('Poison message: it cannot be processed; moved to the dead-letter queue', {
          ...context,
          reason: error.message,
        });
        return;
      }
      if (error instanceof PoisonMessageError) {
        logger.error('Poison message: it cannot be processed and will reach the dead-letter queue', {
          ...context,
          reason: error.message,
        });
      } else {
        logger.error('Message failed; it will be retried, then moved to the dead-letter queue', {
          ...context,
          error: error as Error,
          ...failureDetails?.(error),
        });
      }
      throw error;
    }
  };
}
