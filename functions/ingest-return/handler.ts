// Primary adapter: S3 upload notifications (via IngestQueue) → record each file against its submission and
// process the return when its last file arrives.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { dynamoDocumentClient, s3Client, sqsClient } from '#adapters/aws-clients';
import { DynamoAggregateStore } from '#adapters/dynamo-aggregate-store';
import { DynamoSubmissionStore } from '#adapters/dynamo-submission-store';
import { pseudonymSecret } from '#adapters/pseudonym-secret';
import { S3ObjectStore } from '#adapters/s3-objects';
import { queuePublisher } from '#adapters/sqs-publisher';
import { loadEnv, nonEmpty } from '#config/env';
import { decodeS3Key, parseS3QueueMessage } from '#events/s3-notification';
import { failUpload, type ReceiveDeps, receiveUpload } from '#use-cases/receive-upload';

const env = loadEnv({
  TABLE_NAME: nonEmpty,
  UPLOADS_BUCKET: nonEmpty,
  DATA_BUCKET: nonEmpty,
  RECOMPUTE_QUEUE_URL: nonEmpty,
  PSEUDONYM_SECRET_ARN: nonEmpty,
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive(),
  PROCESSING_LEASE_SECONDS: z.coerce.number().int().positive().default(300),
  /** The queue's maxReceiveCount: on that receive a failure is final and the submission ends `failed`. */
  MAX_RECEIVE_COUNT: z.coerce.number().int().positive().default(5),
});
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);

const deps: ReceiveDeps = {
  objects: new S3ObjectStore(s3Client()),
  submissions: new DynamoSubmissionStore(dynamoDocumentClient(), env.TABLE_NAME),
  aggregates: new DynamoAggregateStore(dynamoDocumentClient(), env.TABLE_NAME),
  publishRecompute: queuePublisher(sqsClient, env.RECOMPUTE_QUEUE_URL),
  pseudonymSecret: () => pseudonymSecret(env.PSEUDONYM_SECRET_ARN),
  uploadsBucket: env.UPLOADS_BUCKET,
  dataBucket: env.DATA_BUCKET,
  maxFileBytes: env.MAX_UPLOAD_BYTES,
  leaseSeconds: env.PROCESSING_LEASE_SECONDS,
  now: () => new Date(),
};

async function handleMessage(record: SQSRecord): Promise<void> {
  const message = parseS3QueueMessage(record.body);
  if (message.kind === 'test') {
    logger.info('S3 test event acknowledged', { bucket: message.bucket });
    return;
  }
  for (const s3Record of message.records) {
    const bucket = s3Record.s3.bucket.name;
    if (bucket !== env.UPLOADS_BUCKET) {
      throw new Error(`Notification for bucket ${bucket}, expected ${env.UPLOADS_BUCKET}`);
    }
    const key = decodeS3Key(s3Record.s3.object.key);
    const result = await receiveUpload(bucket, key, deps, { eTag: s3Record.s3.object.eTag });
    switch (result.kind) {
      case 'refused':
        // Not retryable: redelivery cannot fix it. Logged for the operator; nothing is recorded.
        logger.warn('Upload refused', { bucket, key, reason: result.reason });
        break;
      case 'waiting':
        logger.info('File received; waiting for the others', { key, missing: result.missing });
        break;
      case 'already-handled':
        logger.info('Submission already being processed or finished; nothing to do', { key });
        break;
      case 'processed':
        logger.info('Submission processed', {
          submissionId: result.submissionId,
          status: result.outcome.status,
          problems: result.outcome.problems,
          children: result.outcome.children,
        });
    }
  }
}

/** The upload keys a message names (none when it cannot be read). */
function uploadKeys(record: SQSRecord): string[] {
  try {
    const message = parseS3QueueMessage(record.body);
    return message.kind === 'test' ? [] : message.records.map((entry) => decodeS3Key(entry.s3.object.key));
  } catch {
    return [];
  }
}

async function handleRecord(record: SQSRecord): Promise<void> {
  try {
    await handleMessage(record);
  } catch (error) {
    const receiveCount = Number(record.attributes.ApproximateReceiveCount);
    const last = receiveCount >= env.MAX_RECEIVE_COUNT;
    // The reason stays in the log beside the message id; after the last retry the message is in the DLQ.
    logger.error(
      last
        ? 'Message failed on its last receive: its submission is marked failed and the message goes to the dead-letter queue'
        : 'Message failed; it will be retried, then moved to the dead-letter queue',
      { messageId: record.messageId, receiveCount, error: error as Error },
    );
    if (last) {
      for (const key of uploadKeys(record)) {
        const submissionId = await failUpload(key, error, deps);
        if (submissionId) logger.warn('Submission failed for good', { submissionId, key });
      }
    }
    throw error;
  }
}

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler((event, context) => processPartialResponse(event, handleRecord, processor, { context }));
