// Primary adapter: the daily risk review, invoked by its schedule. Queues every council for reassessment.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { sqsClient } from '#adapters/aws-clients';
import { queueBatchPublisher } from '#adapters/sqs-publisher';
import { loadEnv, nonEmpty } from '#config/env';
import { type QueuedMessage, reviewAllCouncils } from '#use-cases/review-all-councils';

const env = loadEnv({ RECOMPUTE_QUEUE_URL: nonEmpty });
const logger = new Logger();

const publishBatch = queueBatchPublisher(sqsClient, env.RECOMPUTE_QUEUE_URL);

async function sendBatch(messages: readonly QueuedMessage[]): Promise<readonly string[]> {
  return (await publishBatch(messages)).map((message) => message.groupId ?? '');
}

/** What the schedule sends (infra/stacks/stateless-stack.ts); anything else was not meant for this function. */
const ScheduledReview = z.object({ source: z.literal('upstream.schedule'), task: z.literal('risk-review') });

export const handler = middy<unknown, { queued: number; day: string }, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    if (!ScheduledReview.safeParse(event).success) {
      throw new Error(`risk-review runs on its schedule only; it was invoked with ${JSON.stringify(event)}`);
    }
    const result = await reviewAllCouncils({ sendBatch, now: () => new Date() });
    logger.info('Risk review queued', result);
    return result;
  });
