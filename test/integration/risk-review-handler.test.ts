// The risk-review handler on fauxqs: its schedule's event queues every council once; any other event is refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import { COUNCILS } from '../../shared/domain/councils.ts';
import { withFauxqs } from './helpers/emulators.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const context = { functionName: 'risk-review', awsRequestId: 'integration-test' } as unknown as Context;

describe('risk-review handler', () => {
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  let queueUrl: string;
  let handler: (event: unknown, context: Context) => Promise<{ queued: number; day: string }>;

  beforeAll(async () => {
    fauxqs = await withFauxqs();
    ({ QueueUrl: queueUrl = '' } = await fauxqs.sqs.send(
      new CreateQueueCommand({
        QueueName: 'recompute.fifo',
        Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'false' },
      }),
    ));
    Object.assign(process.env, {
      RECOMPUTE_QUEUE_URL: queueUrl,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_SQS: fauxqs.server.endpoint,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    ({ handler } = await import('../../functions/risk-review/handler.ts'));
  });
  afterAll(async () => {
    await fauxqs?.stop();
  });

  async function drain(): Promise<string[]> {
    const councils: string[] = [];
    for (;;) {
      const { Messages = [] } = await fauxqs.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (Messages.length === 0) return councils;
      councils.push(...Messages.map((message) => (JSON.parse(message.Body!) as { la: string }).la));
    }
  }

  it('queues one RiskReviewDue per council for the schedule’s event, and nothing more when it fires again', async () => {
    const scheduled = JSON.parse(
      readFileSync(path.join(root, 'events', 'samples', 'risk-review.daily-schedule.json'), 'utf8'),
    );
    expect((await handler(scheduled, context)).queued).toBe(COUNCILS.length);
    await handler(scheduled, context);
    expect((await drain()).sort()).toEqual(COUNCILS.map((council) => council.la).sort());
  });

  it('refuses an event that is not its schedule’s, queuing nothing', async () => {
    await expect(handler({ task: 'something-else' }, context)).rejects.toThrow(/runs on its schedule only/);
    expect(await drain()).toEqual([]);
  });
});
