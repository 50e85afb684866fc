// `upstream dlq` against a real SQS emulator (fauxqs): it finds each dead-letter queue from its work queue's
// redrive policy, shows messages with the reason a function recorded, and redrives to the work queue, FIFO group
// kept, leaving poison messages for a person.
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators.ts';
import { LOCAL_REGION } from '../../infra/local/model.ts';
import { runCli } from '../unit/cli/run-cli.ts';
import { withFauxqs } from './helpers/emulators.ts';

describe('upstream dlq', () => {
  let fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  let env: NodeJS.ProcessEnv;
  const urls: Record<string, string> = {};

  const create = async (name: string, attributes: Record<string, string> = {}) => {
    const { QueueUrl } = await fauxqs.sqs.send(
      new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
    );
    urls[name] = QueueUrl as string;
    const { Attributes } = await fauxqs.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    return Attributes?.QueueArn as string;
  };

  beforeAll(async () => {
    fauxqs = await withFauxqs();
    const fifoDlq = await create('Upstream-test-Stateful-RecomputeQueueDeadLetterQueue1A2B.fifo', {
      FifoQueue: 'true',
    });
    await create('Upstream-test-Stateful-RecomputeQueue3C4D.fifo', {
      FifoQueue: 'true',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: fifoDlq, maxReceiveCount: 3 }),
    });
    const ingestDlq = await create('Upstream-test-Stateful-IngestQueueDeadLetterQueue5E6F');
    await create('Upstream-test-Stateful-IngestQueue7A8B', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: ingestDlq, maxReceiveCount: 5 }),
    });
    await create('Upstream-test-Stateless-ScheduleDeadLetters9C0D');
    await create('Another-app-queue');
    env = {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_SQS: fauxqs.server.endpoint,
      UPSTREAM_STACK: 'Upstream-test-',
    };
    const dlq = urls['Upstream-test-Stateful-RecomputeQueueDeadLetterQueue1A2B.fifo'];
    for (const [id, la] of [
      ['event-1', '886'],
      ['event-2', '886'],
      ['event-3', '316'],
    ]) {
      await fauxqs.sqs.send(
        new SendMessageCommand({
          QueueUrl: dlq,
          MessageBody: JSON.stringify({ type: 'RiskReviewDue', eventId: id, la }),
          MessageGroupId: la,
          MessageDeduplicationId: id,
        }),
      );
    }
    await fauxqs.sqs.send(
      new SendMessageCommand({
        QueueUrl: dlq,
        MessageBody: '{"type":"IntelligenceChanged"}',
        MessageGroupId: '919',
        MessageDeduplicationId: 'poison',
        MessageAttributes: { reason: { DataType: 'String', StringValue: 'eventId: Required' } },
      }),
    );
  });
  afterAll(async () => {
    await fauxqs?.stop();
  });

  it('lists the stack’s dead-letter queues with their depth and the queue each serves', async () => {
    const listed = await runCli(['dlq', 'list'], env);
    expect(listed.code, listed.err).toBe(0);
    const lines = listed.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(listed.out).toMatch(
      /RecomputeQueueDeadLetterQueue1A2B\.fifo\s+4 waiting\s+← \S*RecomputeQueue3C4D\.fifo/,
    );
    expect(listed.out).toMatch(/IngestQueueDeadLetterQueue5E6F\s+0 waiting\s+← \S*IngestQueue7A8B/);
    expect(listed.out).toMatch(/ScheduleDeadLetters9C0D\s+0 waiting\s+← Scheduler \/ Lambda/);
    expect(listed.out).not.toContain('Another-app-queue');
  });

  it('shows messages with the recorded reason, and says when there is none', async () => {
    const shown = await runCli(['dlq', 'show', 'RecomputeQueue', '--max', '10'], env);
    expect(shown.code, shown.err).toBe(0);
    // FIFO: a message being read holds back the later ones of its group, so at least the first of each group shows.
    expect(shown.out.match(/^Message /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(shown.out).toContain('reason: eventId: Required (poison');
    expect(shown.out).toContain('"eventId": "event-3"');
    expect(shown.out).toContain('group 886');
  });

  it('redrives to the work queue in each council’s order and leaves the poison message', async () => {
    // The messages shown above are hidden for 10 s; wait until they are back.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const redriven = await runCli(['dlq', 'redrive', 'RecomputeQueueDeadLetter'], env);
    expect(redriven.code, redriven.err).toBe(0);
    expect(redriven.out).toContain('Moved 3 messages');
    expect(redriven.out).toContain('Left 1 poison message in place');
    const received: Message[] = [];
    for (let attempt = 0; attempt < 10 && received.length < 3; attempt += 1) {
      const queueUrl = urls['Upstream-test-Stateful-RecomputeQueue3C4D.fifo'];
      const batch = await fauxqs.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          MessageSystemAttributeNames: ['MessageGroupId'],
        }),
      );
      for (const message of batch.Messages ?? []) {
        received.push(message);
        await fauxqs.sqs.send(
          new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
        );
      }
    }
    const byGroup = (group: string) =>
      received
        .filter((message) => message.Attributes?.MessageGroupId === group)
        .map((message) => (JSON.parse(message.Body as string) as { eventId: string }).eventId);
    expect(byGroup('886')).toEqual(['event-1', 'event-2']);
    expect(byGroup('316')).toEqual(['event-3']);
  }, 60_000);

  it('refuses to redrive a queue with no work queue behind it, and names the queues when one is unknown', async () => {
    const schedule = await runCli(['dlq', 'redrive', 'ScheduleDeadLetters'], env);
    expect(schedule.code).toBe(1);
    expect(schedule.err).toContain('nowhere to send them back');
    const unknown = await runCli(['dlq', 'show', 'NoSuchQueue'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No dead-letter queue matches "NoSuchQueue"');
    expect(unknown.err).toContain('IngestQueueDeadLetterQueue5E6F');
  });
});
