// Primary adapter: S3 upload notifications (via IngestQueue) → record each uploaded file against its submission.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, s3Client } from '#adapters/aws-clients';
import { DynamoSubmissionStore } from '#adapters/dynamo-submission-store';
import { digestObject } from '#adapters/s3-objects';
import { loadEnv, nonEmpty } from '#config/env';
import { parseUploadKey } from '#domain/upload-key';
import { decodeS3Key, parseS3QueueMessage, type S3EventRecord } from '#events/s3-notification';

const env = loadEnv({ TABLE_NAME: nonEmpty, UPLOADS_BUCKET: nonEmpty });
const logger = new Logger();
const processor = new BatchProcessor(EventType.SQS);
const store = new DynamoSubmissionStore(dynamoDocumentClient(), env.TABLE_NAME);

async function recordUpload(record: S3EventRecord): Promise<void> {
  const bucket = record.s3.bucket.name;
  const key = decodeS3Key(record.s3.object.key);
  const parsed = parseUploadKey(key);
  if (!parsed.ok) {
    // Not retryable: redelivery cannot fix a key. Logged for the operator; nothing is recorded.
    logger.warn('Upload refused', { bucket, key, reason: parsed.reason });
    return;
  }
  const digest = await digestObject(s3Client(), bucket, key);
  const recorded = await store.recordReceivedFile({
    ...parsed.key,
    bucket,
    key,
    size: digest.size,
    sha256: digest.sha256,
    receivedAt: new Date().toISOString(),
  });
  logger.info(recorded ? 'File received' : 'File already received; nothing to do', {
    submissionId: parsed.key.submissionId,
    la: parsed.key.la,
    fileName: parsed.key.fileName,
    size: digest.size,
  });
}

async function handleRecord(record: SQSRecord): Promise<void> {
  try {
    await handleMessage(record);
  } catch (error) {
    // The reason stays in the log beside the message id; after the last retry the message is in the DLQ.
    logger.error('Message failed; it will be retried, then moved to the dead-letter queue', {
      messageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
      error: error as Error,
    });
    throw error;
  }
}

async function handleMessage(record: SQSRecord): Promise<void> {
  const message = parseS3QueueMessage(record.body);
  if (message.kind === 'test') {
    logger.info('S3 test event acknowledged', { bucket: message.bucket });
    return;
  }
  for (const s3Record of message.records) {
    if (s3Record.s3.bucket.name !== env.UPLOADS_BUCKET) {
      throw new Error(`Notification for bucket ${s3Record.s3.bucket.name}, expected ${env.UPLOADS_BUCKET}`);
    }
    await recordUpload(s3Record);
  }
}

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler((event, context) => processPartialResponse(event, handleRecord, processor, { context }));
