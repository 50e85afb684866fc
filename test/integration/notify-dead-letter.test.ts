// A RiskChanged alert that SES keeps refusing: the notify handler retries with backoff inside each invocation,
// fails the message with the reason (kept on the send record), SQS redelivers it, and after maxReceiveCount it
// rests in the dead-letter queue. The handler runs unchanged under the local cloud's SQS poller, on fauxqs and
// DynamoDB Local, against an SES endpoint on loopback that always answers 503.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../events/samples/notify.risk-changed-via-sqs.json' with { type: 'json' };
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import { SqsPoller } from '../../infra/local/sqs-poller.ts';
import { DynamoDirectoryStore } from '../../shared/adapters/dynamo-directory-store.ts';
import { eventually, withFauxqs, withSingleTable } from './helpers/emulators.ts';

const context = {
  functionName: 'notify',
  awsRequestId: 'integration-test',
  getRemainingTimeInMillis: () => 20_000,
} as unknown as Context;

describe('notify: SES failing for good', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  let ses: Server;
  let sesRequests = 0;

  beforeAll(async () => {
    ses = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        sesRequests += 1;
        response.setHeader('content-type', 'application/json');
        response.setHeader('x-amzn-errortype', 'ServiceUnavailable');
        response.writeHead(503).end(JSON.stringify({ message: 'SES is unavailable (test)' }));
      });
    });
    await new Promise<void>((resolve) => ses.listen(0, '127.0.0.1', resolve));
    [table, fauxqs] = await Promise.all([withSingleTable('upstream-notify-dlq'), withFauxqs()]);
    const endpoint = await table.client.config.endpoint!();
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      FROM_ADDRESS: 'alerts@upstream.example.gov.uk',
      APP_URL: 'https://upstream.example.gov.uk',
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`,
      AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${(ses.address() as AddressInfo).port}`,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    await new DynamoDirectoryStore(table.documents, table.tableName).putAdviser({
      adviserId: 'se-principal',
      name: 'Priya Shah',
      email: 'priya.shah@advisers.example.gov.uk',
      region: 'south-east',
      role: 'principal',
      delivery: 'immediate',
      active: true,
      updatedAt: '2026-11-01T09:00:00.000Z',
      updatedBy: 'administrator',
    });
  });
  afterAll(async () => {
    await Promise.all([table?.stop(), fauxqs?.stop()]);
    await new Promise((resolve) => ses?.close(resolve));
  });

  it('retries with backoff, records why, and leaves the alert in the dead-letter queue after two receives', async () => {
    const dlq = await fauxqs.sqs.send(
      new CreateQueueCommand({ QueueName: 'alerts-dlq.fifo', Attributes: { FifoQueue: 'true' } }),
    );
    const dlqArn = (
      await fauxqs.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
      )
    ).Attributes!.QueueArn!;
    const queue = await fauxqs.sqs.send(
      new CreateQueueCommand({
        QueueName: 'alerts.fifo',
        Attributes: {
          FifoQueue: 'true',
          VisibilityTimeout: '1',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }),
        },
      }),
    );
    const body = sample.Records[0]!.body;
    await fauxqs.sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.QueueUrl,
        MessageBody: body,
        MessageGroupId: 'south-east',
        MessageDeduplicationId: '886#4',
      }),
    );

    const { handler } = await import('../../functions/notify/handler.ts');
    const failures: string[] = [];
    const poller = new SqsPoller(
      {
        id: 'alerts',
        functionName: 'notify',
        queueName: 'alerts.fifo',
        batchSize: 10,
        maxBatchingWindowSeconds: 0,
        reportBatchItemFailures: true,
        enabled: true,
      },
      {
        sqs: fauxqs.sqs,
        queueUrl: queue.QueueUrl!,
        // As Lambda does: a thrown error (here, every record failed) fails the whole invocation.
        invoke: async (event: SQSEvent) => {
          try {
            return { ok: true, result: await handler(event, context) };
          } catch (error) {
            failures.push((error as Error).name);
            return { ok: false, error: { errorType: (error as Error).name, errorMessage: String(error) } };
          }
        },
        log: () => {},
        waitSeconds: 1,
      },
    );
    poller.start();
    try {
      const dead = await eventually(
        async () =>
          (await fauxqs.sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.QueueUrl, WaitTimeSeconds: 1 })))
            .Messages?.[0],
        'the alert in the dead-letter queue',
        60_000,
      );
      expect(dead.Body).toBe(body);
    } finally {
      await poller.stop();
    }
    // Two receives, each trying SES four times (backing off) before giving up.
    expect(failures).toEqual(['FullBatchFailureError', 'FullBatchFailureError']);
    expect(sesRequests).toBe(8);
    const { Items = [] } = await table.documents.send(new ScanCommand({ TableName: table.tableName }));
    const failed = Items.filter((item) => typeof item.lastError === 'string');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.lastError).toMatch(/unavailable/i);
  }, 90_000);
});
