// Secondary adapter: sends SummaryEmailDue messages to DigestQueue, ten to a batch (SQS's limit).
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SummaryEmailDueV1 } from '../../events/dfe-digest.ts';

const BATCH = 10;

export async function enqueueSummaryEmails(
  client: SQSClient,
  queueUrl: string,
  messages: readonly SummaryEmailDueV1[],
): Promise<void> {
  for (let start = 0; start < messages.length; start += BATCH) {
    const entries = messages.slice(start, start + BATCH).map((message, index) => ({
      Id: String(index),
      MessageBody: JSON.stringify(message),
    }));
    const result = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
    if (result.Failed?.length) {
      throw new Error(
        `DigestQueue refused ${result.Failed.length} of ${entries.length} messages: ${result.Failed.map((failure) => failure.Message ?? failure.Code).join('; ')}`,
      );
    }
  }
}
