import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeS3Key, parseS3QueueMessage } from '../../events/s3-notification.ts';
import { S3Notifier } from '../../infra/local/s3-notifier.ts';
import { eventually, withFauxqs } from './helpers/emulators.ts';

describe('S3 bucket notifications on fauxqs', () => {
  let aws: Awaited<ReturnType<typeof withFauxqs>>;
  let queueUrl: string;
  beforeAll(async () => {
    aws = await withFauxqs();
    queueUrl = (await aws.sqs.send(new CreateQueueCommand({ QueueName: 'ingest' }))).QueueUrl!;
    await aws.s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    const notifier = new S3Notifier(
      [
        {
          source: 'test',
          bucketName: 'uploads',
          queueName: 'ingest',
          events: ['s3:ObjectCreated:*'],
          prefix: 'uploads/',
        },
      ],
      aws,
      new Map([['ingest', queueUrl]]),
      () => {},
    );
    aws.server.onS3Request((request) => notifier.observe(request));
  });
  afterAll(() => aws.stop());

  it('delivers a standard S3 event record, key URL-encoded, only for keys under the prefix', async () => {
    await aws.s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'elsewhere/ignored.csv', Body: 'x' }));
    await aws.s3.send(
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: 'uploads/886/ssda903/2026/S-00000001/my episodes.csv',
        Body: 'CHILD\n1\n',
      }),
    );
    const message = await eventually(async () => {
      const received = await aws.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
      );
      return received.Messages;
    }, 'a notification');
    expect(message).toHaveLength(1);
    const parsed = parseS3QueueMessage(message[0]!.Body!);
    if (parsed.kind !== 'objects') throw new Error('expected an object notification');
    const record = parsed.records[0]!;
    expect(record.eventName).toBe('ObjectCreated:Put');
    expect(record.s3.object.key).toBe('uploads/886/ssda903/2026/S-00000001/my+episodes.csv');
    expect(decodeS3Key(record.s3.object.key)).toBe('uploads/886/ssda903/2026/S-00000001/my episodes.csv');
    expect(record.s3.object.size).toBe(8);
  });
});
