// Primary adapter: ReturnIngested events (via RecomputeQueue, FIFO, one group per council) → recompute the
// council's indicators and benchmarks, store them, and send IndicatorsRecomputed to AlertQueue.
import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, sqsClient } from '#adapters/aws-clients';
import { DynamoAggregateStore } from '#adapters/dynamo-aggregate-store';
import { DynamoIndicatorStore } from '#adapters/dynamo-indicator-store';
import { loadEnv, nonEmpty } from '#config/env';
import { PoisonMessageError, type RecomputeDeps, recomputeIndicators } from '#use-cases/recompute-indicators';

const env = loadEnv({ TABLE_NAME: nonEmpty, ALERT_QUEUE_URL: nonEmpty });
const logger = new Logger();
// This Powertools version has no EventType for FIFO: its FIFO processor stops a message group at its first
// failure, so a council's later events never overtake an earlier one that failed.
const processor = new SqsFifoPartialProcessorAsync();

const deps: RecomputeDeps = {
  aggregates: new DynamoAggregateStore(dynamoDocumentClient(), env.TABLE_NAME),
  indicators: new DynamoIndicatorStore(dynamoDocumentClient(), env.TABLE_NAME),
  publishRecomputed: async ({ body, groupId, deduplicationId }) => {
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl: env.ALERT_QUEUE_URL,
        MessageBody: body,
        MessageGroupId: groupId,
        MessageDeduplicationId: deduplicationId,
      }),
    );
  },
  now: () => new Date(),
};

async function handleRecord(record: SQSRecord): Promise<void> {
  try {
    const outcome = await recomputeIndicators(record.body, deps);
    if (outcome.kind === 'duplicate') {
      logger.info('Event already recomputed; nothing to do', {
        eventId: outcome.eventId,
        completedAt: outcome.completedAt,
      });
      return;
    }
    const { event } = outcome;
    logger.info('Indicators recomputed', {
      eventId: event.eventId,
      la: event.la,
      periods: event.periods,
      submissionId: event.submissionId,
      indicators: event.indicators.length,
      skipped: event.skipped,
    });
  } catch (error) {
    const context = {
      messageId: record.messageId,
      messageGroupId: record.attributes.MessageGroupId,
      receiveCount: record.attributes.ApproximateReceiveCount,
    };
    if (error instanceof PoisonMessageError) {
      // No retry can fix it; it is failed (not dropped) so it rests in the dead-letter queue for a person.
      logger.error('Poison message: it cannot be processed and will reach the dead-letter queue', {
        ...context,
        reason: error.message,
      });
    } else {
      logger.error('Recompute failed; it will be retried, then moved to the dead-letter queue', {
        ...context,
        error: error as Error,
      });
    }
    throw error;
  }
}

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler((event, context) =>
    // skipGroupOnError: one council's failure holds back only that council's later events.
    processPartialResponse(event, handleRecord, processor, { context, skipGroupOnError: true }),
  );
