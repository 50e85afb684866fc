// The SQS consumer helper: what becomes of a failed record is decided in one place for every function.
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { recordHandler } from '../../../shared/adapters/queue-consumer.ts';
import type { QueueMessage } from '../../../shared/adapters/sqs-publisher.ts';
import { PoisonMessageError } from '../../../shared/use-cases/queue-messages.ts';

function record(groupId?: string): SQSRecord {
  return {
    messageId: 'm-1',
    receiptHandle: 'r',
    body: '{"type":"Nonsense"}',
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '0',
      SenderId: 's',
      ApproximateFirstReceiveTimestamp: '0',
      ...(groupId ? { MessageGroupId: groupId } : {}),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-2:000000000000:q',
    awsRegion: 'eu-west-2',
  };
}

function logger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = new Logger({ serviceName: 'test', logLevel: 'INFO' });
  log.error = ((message: string, extra: Record<string, unknown>) =>
    lines.push({ message, ...extra })) as never;
  return { logger: log, lines };
}

describe('recordHandler', () => {
  it('sets a poison message aside at once, with its reason and FIFO group, and lets the batch go on', async () => {
    const { logger: log, lines } = logger();
    const setAside: QueueMessage[] = [];
    const handle = recordHandler(
      async () => {
        throw new PoisonMessageError('eventId: Required');
      },
      { logger: log, setAsidePoison: async (message) => void setAside.push(message) },
    );
    await expect(handle(record('886'))).resolves.toBeUndefined();
    expect(setAside).toEqual([
      {
        body: '{"type":"Nonsense"}',
        groupId: '886',
        deduplicationId: 'm-1',
        attributes: { reason: 'eventId: Required' },
      },
    ]);
    expect(lines[0]).toMatchObject({ messageId: 'm-1', messageGroupId: '886', reason: 'eventId: Required' });
  });

  it('fails a poison message when it cannot be set aside, so SQS moves it; retries anything else', async () => {
    const { logger: log, lines } = logger();
    const poison = recordHandler(
      async () => {
        throw new PoisonMessageError('not JSON');
      },
      { logger: log },
    );
    await expect(poison(record())).rejects.toThrow('not JSON');
    const failing = recordHandler(
      async () => {
        throw new Error('DynamoDB unavailable');
      },
      { logger: log, failureDetails: () => ({ failures: ['a@example.gov.uk'] }) },
    );
    await expect(failing(record())).rejects.toThrow('DynamoDB unavailable');
    expect(lines.map((line) => line.message)).toEqual([
      'Poison message: it cannot be processed and will reach the dead-letter queue',
      'Message failed; it will be retried, then moved to the dead-letter queue',
    ]);
    expect(lines[1]).toMatchObject({ failures: ['a@example.gov.uk'] });
  });
});
