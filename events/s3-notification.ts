// Event catalogue: the S3 event notification as it arrives in an SQS message body.
import * as z from 'zod';

const S3EventRecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string().startsWith('ObjectCreated:'),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      /** URL-encoded as S3 sends it ("+" for a space). */
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});
export type S3EventRecord = z.infer<typeof S3EventRecordSchema>;

const S3EventNotificationSchema = z.object({ Records: z.array(S3EventRecordSchema).min(1) });

/** Sent once when a notification is configured; carries no object and must be acknowledged and ignored. */
const S3TestEventSchema = z.object({ Event: z.literal('s3:TestEvent'), Bucket: z.string() });

export type S3QueueMessage = { kind: 'test'; bucket: string } | { kind: 'objects'; records: S3EventRecord[] };

export function parseS3QueueMessage(body: string): S3QueueMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error('Message body is not JSON, so it cannot be an S3 event notification');
  }
  const test = S3TestEventSchema.safeParse(json);
  if (test.success) return { kind: 'test', bucket: test.data.Bucket };
  const records = S3EventNotificationSchema.safeParse(json);
  if (!records.success) {
    throw new Error(`Message is not an S3 object-created notification: ${z.prettifyError(records.error)}`);
  }
  return { kind: 'objects', records: records.data.Records };
}

/** S3 URL-encodes keys in notifications and writes spaces as "+". */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}
