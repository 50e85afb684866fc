// Primary adapter: DigestQueue (standard). CouncilBandChanged → publish a national summary for DfE when the
// picture changed materially since the last one; SummaryEmailDue → send one subscriber one email, once.
// A malformed message, or an email SES will never accept, is failed without retry into the dead-letter queue
// with the reason logged; anything else is retried.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, s3Client, sesClient, sqsClient } from '#adapters/aws-clients';
import { DynamoIndicatorStore } from '#adapters/dynamo-indicator-store';
import { DynamoIntelligenceStore } from '#adapters/dynamo-intelligence-store';
import { DynamoRiskStore } from '#adapters/dynamo-risk-store';
import { DynamoSubscriptionStore } from '#adapters/dynamo-subscription-store';
import { DynamoSummaryStore } from '#adapters/dynamo-summary-store';
import { recordHandler } from '#adapters/queue-consumer';
import { S3ObjectStore } from '#adapters/s3-objects';
import { SesListMailer } from '#adapters/ses-list-mailer';
import { enqueueSummaryEmails } from '#adapters/sqs-digest-queue';
import { newLinkToken } from '#adapters/tokens';
import { loadEnv, nonEmpty } from '#config/env';
import { type DigestMessage, DigestMessageSchema } from '#events/dfe-digest';
import { type ChangeDeps, publishOnChange } from '#use-cases/publish-dfe-summary';
import { messageJson, readEvent } from '#use-cases/queue-messages';
import { type SendDeps, sendSummaryEmail } from '#use-cases/send-dfe-summary-email';

const env = loadEnv({
  TABLE_NAME: nonEmpty,
  DATA_BUCKET: nonEmpty,
  DIGEST_QUEUE_URL: nonEmpty,
  FROM_ADDRESS: nonEmpty,
  API_URL: nonEmpty,
  APP_URL: nonEmpty,
});
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);
const client = dynamoDocumentClient();
const objects = new S3ObjectStore(s3Client());
const summaries = new DynamoSummaryStore(client, env.TABLE_NAME);
const subscriptions = new DynamoSubscriptionStore(client, env.TABLE_NAME);

const changeDeps: ChangeDeps = {
  summaries,
  uploads: new DynamoIndicatorStore(client, env.TABLE_NAME),
  intelligence: new DynamoIntelligenceStore(client, env.TABLE_NAME),
  subscriptions,
  risk: new DynamoRiskStore(client, env.TABLE_NAME),
  writeObject: (key, body, contentType) => objects.putText(env.DATA_BUCKET, key, body, contentType),
  enqueueEmails: (messages) => enqueueSummaryEmails(sqsClient(), env.DIGEST_QUEUE_URL, messages),
  apiUrl: env.API_URL,
  now: () => new Date(),
};

const sendDeps: SendDeps = {
  summaries,
  subscriptions,
  ledger: subscriptions,
  mailer: new SesListMailer(sesClient()),
  fromAddress: env.FROM_ADDRESS,
  apiUrl: env.API_URL,
  appUrl: env.APP_URL,
  newToken: newLinkToken,
  now: () => new Date(),
};

function parse(body: string): DigestMessage {
  return readEvent(
    messageJson(body),
    DigestMessageSchema,
    'a CouncilBandChanged or SummaryEmailDue v1 event',
  );
}

async function digest(record: SQSRecord): Promise<void> {
  const message = parse(record.body);
  if (message.type === 'SummaryEmailDue') {
    const outcome = await sendSummaryEmail(message, sendDeps);
    logger.info('Summary email handled', {
      ...outcome,
      summaryId: message.summaryId,
      subscriptionId: message.subscriptionId,
    });
    return;
  }
  const outcome = await publishOnChange(message, changeDeps);
  if (outcome.kind === 'not-yet-stored')
    throw new Error(`The assessment ${message.eventId} is not stored yet; the check will be retried`);
  logger.info(
    outcome.kind === 'not-material'
      ? 'Band change is not a material national change'
      : 'DfE summary published after a material change',
    { eventId: message.eventId, ...outcome },
  );
}

const handleRecord = recordHandler(digest, { logger });

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler((event, context) =>
    // One record at a time: two band changes in one batch are then judged one after the other, and the second
    // is measured against the summary the first may have published.
    processPartialResponse(event, handleRecord, processor, { context, processInParallel: false }),
  );
