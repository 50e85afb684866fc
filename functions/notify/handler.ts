// Primary adapter: AlertQueue (FIFO, one group per region) and the digest schedule.
//   RiskChanged          → one email to each active adviser of the region (or held for their digest)
//   IndicatorsRecomputed → acknowledged; nothing to send
//   FlushAdviserDigests  → (from Scheduler) one combined email per adviser with held alerts
// Exactly once per (alert, mailbox) through a conditional claim in DynamoDB; see notify-advisers.ts.
import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { dynamoDocumentClient } from '#adapters/aws-clients';
import { DynamoAlertHistory, DynamoDigestStore, DynamoSendLedger } from '#adapters/dynamo-alert-ledger';
import { DynamoDirectoryStore } from '#adapters/dynamo-directory-store';
import { DynamoIntelligenceStore } from '#adapters/dynamo-intelligence-store';
import { recordHandler } from '#adapters/queue-consumer';
import { SesMailer } from '#adapters/ses-mailer';
import { loadEnv, nonEmpty } from '#config/env';
import { FlushAdviserDigestsV1Schema } from '#events/flush-adviser-digests';
import {
  AlertDeliveryError,
  type FlushOutcome,
  flushDigests,
  type NotifyDeps,
  notifyAdvisers,
  readAlertMessage,
} from '#use-cases/notify-advisers';

const env = loadEnv({
  TABLE_NAME: nonEmpty,
  FROM_ADDRESS: z.email(),
  APP_URL: z.url(),
  SEND_LEASE_SECONDS: z.coerce.number().int().positive().default(120),
});
const logger = new Logger();
const processor = new SqsFifoPartialProcessorAsync();

const documents = dynamoDocumentClient();
// The use case retries throttling with its own bounded backoff; SDK retries on top would multiply them.
const mailer = new SesMailer(new SESv2Client({ maxAttempts: 1 }));
const directory = new DynamoDirectoryStore(documents, env.TABLE_NAME);
const digests = new DynamoDigestStore(documents, env.TABLE_NAME);
const deps: NotifyDeps = {
  directory,
  ledger: new DynamoSendLedger(documents, env.TABLE_NAME),
  history: new DynamoAlertHistory(documents, env.TABLE_NAME),
  digests,
  intelligence: new DynamoIntelligenceStore(documents, env.TABLE_NAME),
  mailer,
  fromAddress: env.FROM_ADDRESS,
  appUrl: env.APP_URL,
  now: () => new Date(),
  leaseMs: env.SEND_LEASE_SECONDS * 1000,
  onRetry: (details) => logger.warn('Email not accepted; trying again after a pause', details),
};

async function notify(record: SQSRecord): Promise<void> {
  const context = {
    messageId: record.messageId,
    messageGroupId: record.attributes.MessageGroupId,
    receiveCount: record.attributes.ApproximateReceiveCount,
  };
  const message = readAlertMessage(record.body);
  if (message.kind === 'ignored') {
    logger.info('Not an alert; acknowledged', { ...context, type: message.type, eventId: message.eventId });
    return;
  }
  const outcome = await notifyAdvisers(message.event, deps);
  const { la, from, to } = message.event;
  logger.info('Risk alert handled', { ...context, la, from, to, ...outcome });
}

const handleRecord = recordHandler(notify, {
  logger,
  failureDetails: (error) => (error instanceof AlertDeliveryError ? { failures: error.failures } : {}),
});

async function flush(): Promise<FlushOutcome> {
  try {
    const outcome = await flushDigests({ ...deps, directory, digests });
    logger.info('Digests flushed', { ...outcome });
    return outcome;
  } catch (error) {
    logger.error('Digest flush failed; held alerts stay for the next flush', {
      reason: (error as Error).message,
    });
    throw error;
  }
}

type NotifyEvent = SQSEvent | Record<string, unknown>;
type NotifyResult = SQSBatchResponse | FlushOutcome;

const isSqsEvent = (event: NotifyEvent): event is SQSEvent => Array.isArray((event as SQSEvent).Records);

export const handler = middy<NotifyEvent, NotifyResult, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler(async (event, context) => {
    if (isSqsEvent(event)) {
      // skipGroupOnError: a region's later alerts never overtake one that failed.
      return processPartialResponse(event, handleRecord, processor, { context, skipGroupOnError: true });
    }
    const scheduled = FlushAdviserDigestsV1Schema.safeParse(event);
    if (!scheduled.success) {
      throw new Error(
        'The notify function takes SQS batches from AlertQueue or the FlushAdviserDigests schedule.',
      );
    }
    return flush();
  });
