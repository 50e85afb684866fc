import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvocationResult } from '../../infra/local/functions.ts';
import { SqsPoller } from '../../infra/local/sqs-poller.ts';
import { eventually, withFauxqs } from './helpers/emulators.ts';

describe('SQS event-source mapping on fauxqs', () => {
  let aws: Awaited<ReturnType<typeof withFauxqs>>;
  beforeAll(async () => {
    aws = await withFauxqs();
  });
  afterAll(() => aws.stop());

  async function queueWithDlq(name: string, maxReceiveCount: number) {
    const dlq = await aws.sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
    const dlqArn = (
      await aws.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
      )
    ).Attributes!.QueueArn!;
    const queue = await aws.sqs.send(
      new CreateQueueCommand({
        QueueName: name,
        Attributes: {
          VisibilityTimeout: '1',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount }),
        },
      }),
    );
    return { queueUrl: queue.QueueUrl!, dlqUrl: dlq.QueueUrl! };
  }

  it('honours batch size, deletes successes, retries reported failures and redrives poison messages to the DLQ', async () => {
    const { queueUrl, dlqUrl } = await queueWithDlq('work', 2);
    const bodies = ['ok-1', 'ok-2', 'poison', 'ok-3', 'ok-4', 'ok-5', 'ok-6'];
    await aws.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );

    const batchSizes: number[] = [];
    const handled: string[] = [];
    const poisonAttempts: string[] = [];
    const invoke = async (event: SQSEvent): Promise<InvocationResult> => {
      batchSizes.push(event.Records.length);
      const failures = event.Records.filter((record) => record.body === 'poison');
      for (const record of event.Records) {
        if (record.body === 'poison') poisonAttempts.push(record.attributes.ApproximateReceiveCount);
        else handled.push(record.body);
      }
      return {
        ok: true,
        result: { batchItemFailures: failures.map((record) => ({ itemIdentifier: record.messageId })) },
      };
    };
    const poller = new SqsPoller(
      {
        id: 'm',
        functionName: 'f',
        queueName: 'work',
        batchSize: 3,
        maxBatchingWindowSeconds: 0,
        reportBatchItemFailures: true,
        enabled: true,
      },
      { sqs: aws.sqs, queueUrl, invoke, log: () => {}, waitSeconds: 1 },
    );
    poller.start();
    try {
      const dead = await eventually(async () => {
        const received = await aws.sqs.send(
          new ReceiveMessageCommand({ QueueUrl: dlqUrl, WaitTimeSeconds: 1 }),
        );
        return received.Messages?.[0];
      }, 'the poison message in the DLQ');
      expect(dead.Body).toBe('poison');
    } finally {
      await poller.stop();
    }
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(3);
    expect(handled.sort()).toEqual(bodies.filter((body) => body !== 'poison').sort());
    expect(poisonAttempts).toEqual(['1', '2']);
    const remaining = await aws.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect(remaining.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('retries the whole batch when the function throws', async () => {
    const { queueUrl, dlqUrl } = await queueWithDlq('throwing', 1);
    await aws.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          { Id: '1', MessageBody: 'a' },
          { Id: '2', MessageBody: 'b' },
        ],
      }),
    );
    const poller = new SqsPoller(
      {
        id: 'm',
        functionName: 'f',
        queueName: 'throwing',
        batchSize: 10,
        maxBatchingWindowSeconds: 0,
        reportBatchItemFailures: true,
        enabled: true,
      },
      {
        sqs: aws.sqs,
        queueUrl,
        invoke: async () => ({ ok: false, error: { errorType: 'Error', errorMessage: 'down' } }),
        log: () => {},
        waitSeconds: 1,
      },
    );
    poller.start();
    const deadBodies = new Set<string>();
    try {
      await eventually(async () => {
        const received = await aws.sqs.send(
          new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
        );
        for (const message of received.Messages ?? []) deadBodies.add(message.Body!);
        return deadBodies.size === 2 ? true : undefined;
      }, 'both messages in the DLQ');
    } finally {
      await poller.stop();
    }
    expect([...deadBodies].sort()).toEqual(['a', 'b']);
  });
});
