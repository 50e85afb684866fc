// A poison message on the FIFO RecomputeQueue must not hold its council's later events: the recompute handler
// moves it to the dead-letter queue on its first receive, and the council's next event (an intelligence
// change, here the daily review) is processed at once rather than after the poison's retries. The handler
// runs unchanged under the local cloud's SQS poller, on fauxqs and DynamoDB Local.
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import { SqsPoller } from '../../infra/local/sqs-poller.ts';
import { DynamoRiskStore } from '../../shared/adapters/dynamo-risk-store.ts';
import { eventually, withFauxqs, withSingleTable } from './helpers/emulators.ts';

const context = {
  functionName: 'recompute',
  awsRequestId: 'integration-test',
  getRemainingTimeInMillis: () => 20_000,
} as unknown as Context;

describe('recompute: a poison message on the FIFO queue', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  const queueUrls: Record<string, string> = {};

  const createQueue = async (name: string, attributes: Record<string, string> = {}) => {
    const created = await fauxqs.sqs.send(
      new CreateQueueCommand({ QueueName: name, Attributes: { FifoQueue: 'true', ...attributes } }),
    );
    queueUrls[name] = created.QueueUrl!;
    return created.QueueUrl!;
  };

  beforeAll(async () => {
    [table, fauxqs] = await Promise.all([withSingleTable('upstream-recompute-poison'), withFauxqs()]);
    const dlq = await createQueue('recompute-dlq.fifo');
    const dlqArn = (
      await fauxqs.sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] }))
    ).Attributes!.QueueArn!;
    // A long visibility timeout, as in AWS (6 × the function timeout): a retried poison would hold the group that long.
    await createQueue('recompute.fifo', {
      VisibilityTimeout: '60',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 }),
    });
    await createQueue('alerts.fifo');
    const digest = await fauxqs.sqs.send(new CreateQueueCommand({ QueueName: 'digest' }));
    const endpoint = await table.client.config.endpoint!();
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      ALERT_QUEUE_URL: queueUrls['alerts.fifo'],
      DIGEST_QUEUE_URL: digest.QueueUrl,
      RECOMPUTE_DEAD_LETTER_QUEUE_URL: dlq,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
      AWS_ENDPOINT_URL_SQS: fauxqs.server.endpoint,
      POWERTOOLS_LOG_LEVEL: 'CRITICAL',
    });
  });
  afterAll(async () => {
    await Promise.all([table?.stop(), fauxqs?.stop()]);
  });

  it('moves the poison to the dead-letter queue at once; the council’s next event applies within seconds', async () => {
    const queue = queueUrls['recompute.fifo']!;
    const send = (body: string, deduplicationId: string) =>
      fauxqs.sqs.send(
        new SendMessageCommand({
          QueueUrl: queue,
          MessageBody: body,
          MessageGroupId: '886',
          MessageDeduplicationId: deduplicationId,
        }),
      );
    const poison = JSON.stringify({ type: 'IntelligenceChanged', version: 1, la: '886' });
    await send(poison, 'poison');
    const review = {
      type: 'RiskReviewDue',
      version: 1,
      eventId: '886#review#2026-11-23',
      occurredAt: '2026-11-23T06:00:01.204Z',
      la: '886',
    };
    await send(JSON.stringify(review), review.eventId);

    const { handler } = await import('../../functions/recompute/handler.ts');
    const poller = new SqsPoller(
      {
        id: 'recompute',
        functionName: 'recompute',
        queueName: 'recompute.fifo',
        batchSize: 10,
        maxBatchingWindowSeconds: 0,
        reportBatchItemFailures: true,
        enabled: true,
      },
      {
        sqs: fauxqs.sqs,
        queueUrl: queue,
        invoke: async (event: SQSEvent) => {
          try {
            return { ok: true, result: await handler(event, context) };
          } catch (error) {
            return { ok: false, error: { errorType: (error as Error).name, errorMessage: String(error) } };
          }
        },
        log: () => {},
        waitSeconds: 1,
      },
    );
    const started = Date.now();
    poller.start();
    try {
      const risk = new DynamoRiskStore(table.documents, table.tableName);
      await eventually(async () => risk.current('886'), 'the review applied to 886', 15_000);
      const waited = Date.now() - started;
      expect(waited).toBeLessThan(15_000);
      const dead = await eventually(
        async () =>
          (
            await fauxqs.sqs.send(
              new ReceiveMessageCommand({
                QueueUrl: queueUrls['recompute-dlq.fifo'],
                WaitTimeSeconds: 1,
                MessageAttributeNames: ['All'],
              }),
            )
          ).Messages?.[0],
        'the poison in the dead-letter queue',
        10_000,
      );
      expect(dead.Body).toBe(poison);
      // Whoever reads the dead-letter queue sees why, without searching the logs.
      expect(dead.MessageAttributes?.reason?.StringValue).toMatch(/eventId|occurredAt|Required/i);
    } finally {
      await poller.stop();
    }
  }, 60_000);
});
