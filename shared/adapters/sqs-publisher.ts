// Secondary adapter: the one place a message is sent to an SQS queue. Handlers and use cases describe the
// message; only this builds the SDK command.
import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueueMessage {
  readonly body: string;
  /** FIFO queues: the group kept in order (a council, a region). */
  readonly groupId?: string;
  /** FIFO queues: a second send with the same id within five minutes is dropped by SQS. */
  readonly deduplicationId?: string;
  /** String attributes travelling with the message (e.g. the reason a poison message was set aside). */
  readonly attributes?: Readonly<Record<string, string>>;
}

export type PublishMessage = (message: QueueMessage) => Promise<void>;

function attributesOf(message: QueueMessage) {
  return message.attributes
    ? Object.fromEntries(
        Object.entries(message.attributes).map(([name, value]) => [
          name,
          { DataType: 'String', StringValue: value },
        ]),
      )
    : undefined;
}

export function queuePublisher(client: () => SQSClient, queueUrl: string): PublishMessage {
  return async (message) => {
    await client().send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: message.body,
        MessageGroupId: message.groupId,
        MessageDeduplicationId: message.deduplicationId,
        MessageAttributes: attributesOf(message),
      }),
    );
  };
}

/** Sends up to ten messages in one request (SQS's limit); answers those SQS did not take, to send again. */
export type PublishBatch = (messages: readonly QueueMessage[]) => Promise<readonly QueueMessage[]>;

export function queueBatchPublisher(client: () => SQSClient, queueUrl: string): PublishBatch {
  return async (messages) => {
    const result = await client().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          MessageBody: message.body,
          MessageGroupId: message.groupId,
          MessageDeduplicationId: message.deduplicationId,
          MessageAttributes: attributesOf(message),
        })),
      }),
    );
    return (result.Failed ?? []).flatMap((failure) => messages[Number(failure.Id)] ?? []);
  };
}
