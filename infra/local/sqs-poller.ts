// Local cloud: the SQS event-source mapping. Polls a queue, gathers batches as Lambda does (batch size,
// batching window), invokes the function, and deletes only what succeeded: with ReportBatchItemFailures
// the listed failures stay on the queue, so visibility timeout and the redrive policy take their course.
import { createHash } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { InvocationResult } from './functions.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION, type LocalEventSourceMapping } from './model.ts';

export interface PollerDeps {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly invoke: (event: SQSEvent) => Promise<InvocationResult>;
  readonly log: (line: string) => void;
  /** Long-poll wait per receive call; shorter in tests so stopping is quick. */
  readonly waitSeconds?: number;
}

export function toSqsRecord(message: Message, queueName: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  const messageAttributes: SQSRecord['messageAttributes'] = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = {
      dataType: value.DataType ?? 'String',
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined
        ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }
        : {}),
      stringListValues: [],
      binaryListValues: [],
    };
  }
  const body = message.Body ?? '';
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body,
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? LOCAL_ACCOUNT,
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      ...(attributes.MessageGroupId ? { MessageGroupId: attributes.MessageGroupId } : {}),
      ...(attributes.MessageDeduplicationId
        ? { MessageDeduplicationId: attributes.MessageDeduplicationId }
        : {}),
      ...(attributes.SequenceNumber ? { SequenceNumber: attributes.SequenceNumber } : {}),
    },
    messageAttributes,
    md5OfBody: message.MD5OfBody ?? createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${queueName}`,
    awsRegion: LOCAL_REGION,
  };
}

/** Which records to delete after an invocation, following Lambda's rules for partial batch responses. */
export function settledMessageIds(
  records: readonly SQSRecord[],
  outcome: InvocationResult,
  reportBatchItemFailures: boolean,
): { delete: string[]; retry: string[]; note?: string } {
  const all = records.map((record) => record.messageId);
  if (!outcome.ok)
    return { delete: [], retry: all, note: `${outcome.error.errorType}: ${outcome.error.errorMessage}` };
  if (!reportBatchItemFailures) return { delete: all, retry: [] };
  const response = outcome.result as
    | { batchItemFailures?: { itemIdentifier?: unknown }[] }
    | null
    | undefined;
  const failures = response?.batchItemFailures;
  if (failures === undefined || failures === null) return { delete: all, retry: [] };
  if (!Array.isArray(failures))
    return { delete: [], retry: all, note: 'batchItemFailures is not a list: the whole batch is retried' };
  const failed = new Set<string>();
  for (const failure of failures) {
    // Lambda treats an empty, missing or unknown identifier as a failure of the whole batch.
    if (typeof failure?.itemIdentifier !== 'string' || !all.includes(failure.itemIdentifier)) {
      return {
        delete: [],
        retry: all,
        note: `invalid itemIdentifier ${JSON.stringify(failure?.itemIdentifier)}: the whole batch is retried`,
      };
    }
    failed.add(failure.itemIdentifier);
  }
  return { delete: all.filter((id) => !failed.has(id)), retry: [...failed] };
}

export class SqsPoller {
  private running = false;
  private loop: Promise<void> | undefined;
  private abort = new AbortController();
  batches = 0;

  constructor(
    readonly mapping: LocalEventSourceMapping,
    private readonly deps: PollerDeps,
  ) {}

  start(): void {
    if (this.running || !this.mapping.enabled) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.loop;
  }

  private async receiveBatch(): Promise<Message[]> {
    const { batchSize, maxBatchingWindowSeconds } = this.mapping;
    const messages: Message[] = [];
    const windowEnds = Date.now() + maxBatchingWindowSeconds * 1000;
    do {
      const remainingWindow = Math.max(0, windowEnds - Date.now());
      const wait =
        messages.length === 0
          ? (this.deps.waitSeconds ?? 2)
          : Math.min(this.deps.waitSeconds ?? 2, Math.ceil(remainingWindow / 1000));
      const response = await this.deps.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: this.deps.queueUrl,
          MaxNumberOfMessages: Math.min(10, batchSize - messages.length),
          WaitTimeSeconds: wait,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
        { abortSignal: this.abort.signal },
      );
      messages.push(...(response.Messages ?? []));
      if (messages.length > 0 && Date.now() >= windowEnds) break;
    } while (
      this.running &&
      messages.length < batchSize &&
      (messages.length === 0 || Date.now() < windowEnds)
    );
    return messages;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let messages: Message[];
      try {
        messages = await this.receiveBatch();
      } catch (error) {
        if (!this.running) return;
        this.deps.log(`receive from ${this.mapping.queueName} failed: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      if (messages.length === 0) continue;
      const records = messages.map((message) => toSqsRecord(message, this.mapping.queueName));
      this.batches += 1;
      const outcome = await this.deps.invoke({ Records: records });
      const settled = settledMessageIds(records, outcome, this.mapping.reportBatchItemFailures);
      if (settled.note)
        this.deps.log(`batch of ${records.length} from ${this.mapping.queueName}: ${settled.note}`);
      if (settled.delete.length > 0) {
        const byId = new Map(records.map((record) => [record.messageId, record.receiptHandle]));
        for (let start = 0; start < settled.delete.length; start += 10) {
          await this.deps.sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: this.deps.queueUrl,
              Entries: settled.delete
                .slice(start, start + 10)
                .map((id, index) => ({ Id: String(index), ReceiptHandle: byId.get(id)! })),
            }),
          );
        }
      }
    }
  }
}
