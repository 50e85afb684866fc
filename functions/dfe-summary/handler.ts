// Primary adapter: the weekly schedule (EventBridge Scheduler, Monday 07:00 Europe/London) publishes the
// week's national summary for DfE: feeds in the data bucket, and one SummaryEmailDue per matching subscriber
// on DigestQueue. Firing again in the same week republishes the same summary and sends nobody a second email.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { dynamoDocumentClient, s3Client, sqsClient } from '#adapters/aws-clients';
import { DynamoIndicatorStore } from '#adapters/dynamo-indicator-store';
import { DynamoIntelligenceStore } from '#adapters/dynamo-intelligence-store';
import { DynamoSubscriptionStore } from '#adapters/dynamo-subscription-store';
import { DynamoSummaryStore } from '#adapters/dynamo-summary-store';
import { S3ObjectStore } from '#adapters/s3-objects';
import { enqueueSummaryEmails } from '#adapters/sqs-digest-queue';
import { loadEnv, nonEmpty } from '#config/env';
import { WeeklySummaryScheduleSchema } from '#events/dfe-digest';
import { type PublishDeps, type PublishOutcome, publishWeeklySummary } from '#use-cases/publish-dfe-summary';

const env = loadEnv({
  TABLE_NAME: nonEmpty,
  DATA_BUCKET: nonEmpty,
  DIGEST_QUEUE_URL: nonEmpty,
  API_URL: nonEmpty,
});
const logger = new Logger();
const client = dynamoDocumentClient();
const objects = new S3ObjectStore(s3Client());

const deps: PublishDeps = {
  summaries: new DynamoSummaryStore(client, env.TABLE_NAME),
  uploads: new DynamoIndicatorStore(client, env.TABLE_NAME),
  intelligence: new DynamoIntelligenceStore(client, env.TABLE_NAME),
  subscriptions: new DynamoSubscriptionStore(client, env.TABLE_NAME),
  writeObject: (key, body, contentType) => objects.putText(env.DATA_BUCKET, key, body, contentType),
  enqueueEmails: (messages) => enqueueSummaryEmails(sqsClient(), env.DIGEST_QUEUE_URL, messages),
  apiUrl: env.API_URL,
  now: () => new Date(),
};

export const handler = middy<unknown, PublishOutcome, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const parsed = WeeklySummaryScheduleSchema.safeParse(event);
    if (!parsed.success)
      throw new Error(
        'This function publishes the weekly summary; its schedule must send {"summary":"weekly"}.',
      );
    const outcome = await publishWeeklySummary(deps);
    logger.info('Weekly DfE summary published', { ...outcome });
    return outcome;
  });
