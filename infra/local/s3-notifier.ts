// Local cloud: S3 bucket notifications. fauxqs stores notification configurations but delivers nothing,
// so the local cloud watches completed object writes and sends standard S3 event records to the queues.
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { S3Request } from './emulators.ts';
import { LOCAL_REGION, type LocalBucketNotification } from './model.ts';

/** Which ObjectCreated event a successful S3 request is, if any. */
export function objectCreatedEventName(
  request: Pick<S3Request, 'method' | 'query' | 'headers' | 'statusCode'>,
): string | undefined {
  if (request.statusCode < 200 || request.statusCode >= 300) return undefined;
  if (request.method === 'PUT') {
    if (request.query.has('partNumber') || request.query.has('uploadId')) return undefined;
    if (['tagging', 'acl', 'retention', 'legal-hold'].some((sub) => request.query.has(sub))) return undefined;
    return request.headers['x-amz-copy-source'] ? 'ObjectCreated:Copy' : 'ObjectCreated:Put';
  }
  if (request.method === 'POST' && request.query.has('uploadId'))
    return 'ObjectCreated:CompleteMultipartUpload';
  return undefined;
}

/** Encodes a key as S3 does in event notifications: form-URL-encoding per segment, "+" for a space. */
export function encodeS3EventKey(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, '+'),
    )
    .join('/');
}

/** Does an event on this key match the notification's event types and prefix/suffix filter? */
export function notificationMatches(
  notification: LocalBucketNotification,
  bucket: string,
  key: string,
  eventName: string,
): boolean {
  if (notification.bucketName !== bucket) return false;
  const wanted = `s3:${eventName}`;
  const eventMatches = notification.events.some(
    (event) => event === wanted || (event.endsWith(':*') && wanted.startsWith(event.slice(0, -1))),
  );
  if (!eventMatches) return false;
  if (notification.prefix !== undefined && !key.startsWith(notification.prefix)) return false;
  if (notification.suffix !== undefined && !key.endsWith(notification.suffix)) return false;
  return true;
}

export interface S3EventRecordInput {
  readonly eventName: string;
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly eTag: string;
  readonly sequencer: string;
  readonly sourceIp: string;
  readonly configurationId: string;
  readonly time?: Date;
}

export function s3EventRecord(input: S3EventRecordInput) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: LOCAL_REGION,
    eventTime: (input.time ?? new Date()).toISOString(),
    eventName: input.eventName,
    userIdentity: { principalId: 'AWS:LOCAL' },
    requestParameters: { sourceIPAddress: input.sourceIp },
    responseElements: { 'x-amz-request-id': 'LOCAL', 'x-amz-id-2': 'LOCAL' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: input.configurationId,
      bucket: {
        name: input.bucket,
        ownerIdentity: { principalId: 'LOCAL' },
        arn: `arn:aws:s3:::${input.bucket}`,
      },
      object: {
        key: encodeS3EventKey(input.key),
        size: input.size,
        eTag: input.eTag,
        sequencer: input.sequencer,
      },
    },
  };
}

export class S3Notifier {
  private sequence = 0n;
  private inFlight = new Set<Promise<void>>();
  delivered = 0;

  constructor(
    private readonly notifications: readonly LocalBucketNotification[],
    private readonly clients: { s3: S3Client; sqs: SQSClient },
    private readonly queueUrls: ReadonlyMap<string, string>,
    private readonly log: (line: string) => void,
  ) {}

  /** Called for each completed S3 request. */
  observe(request: S3Request): void {
    const eventName = objectCreatedEventName(request);
    if (!eventName) return;
    const targets = this.notifications.filter((notification) =>
      notificationMatches(notification, request.bucket, request.key, eventName),
    );
    if (targets.length === 0) return;
    const sequencer = (++this.sequence + BigInt(Date.now()) * 1_000_000n).toString(16).toUpperCase();
    const work = this.deliver(request, eventName, targets, sequencer)
      .catch((error: Error) =>
        this.log(`notification for s3://${request.bucket}/${request.key} failed: ${error.message}`),
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async deliver(
    request: S3Request,
    eventName: string,
    targets: readonly LocalBucketNotification[],
    sequencer: string,
  ): Promise<void> {
    const head = await this.clients.s3.send(
      new HeadObjectCommand({ Bucket: request.bucket, Key: request.key }),
    );
    for (const target of targets) {
      const record = s3EventRecord({
        eventName,
        bucket: request.bucket,
        key: request.key,
        size: head.ContentLength ?? 0,
        eTag: (head.ETag ?? '').replace(/"/g, ''),
        sequencer,
        sourceIp: request.sourceIp,
        configurationId: target.source,
      });
      const queueUrl = this.queueUrls.get(target.queueName);
      if (!queueUrl) throw new Error(`queue ${target.queueName} does not exist`);
      await this.clients.sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify({ Records: [record] }),
          ...(target.queueName.endsWith('.fifo')
            ? { MessageGroupId: request.bucket, MessageDeduplicationId: sequencer }
            : {}),
        }),
      );
      this.delivered += 1;
    }
  }
}
