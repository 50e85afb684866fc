// Test helper: the upload path's dependencies on real emulators (DynamoDB Local for submissions and
// aggregates, fauxqs for S3), with both buckets made, as receiveUpload meets them in the ingest function.
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { DynamoAggregateStore } from '../../../shared/adapters/dynamo-aggregate-store.ts';
import { DynamoSubmissionStore } from '../../../shared/adapters/dynamo-submission-store.ts';
import { S3ObjectStore } from '../../../shared/adapters/s3-objects.ts';
import type { ReceiveDeps } from '../../../shared/use-cases/receive-upload.ts';
import { withFauxqs, withSingleTable } from './emulators.ts';

export const UPLOADS = 'uploads-bucket';
export const DATA = 'data-bucket';

export interface Receiving {
  readonly fauxqs: Awaited<ReturnType<typeof withFauxqs>>;
  readonly submissions: DynamoSubmissionStore;
  readonly aggregates: DynamoAggregateStore;
  readonly deps: ReceiveDeps;
  stop(): Promise<void>;
}

/** Starts the emulators; `publishRecompute` stands where the recompute queue would be. */
export async function startReceiving(publishRecompute: ReceiveDeps['publishRecompute']): Promise<Receiving> {
  const [table, fauxqs] = await Promise.all([withSingleTable(), withFauxqs()]);
  for (const bucket of [UPLOADS, DATA]) await fauxqs.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const submissions = new DynamoSubmissionStore(table.documents, table.tableName);
  const aggregates = new DynamoAggregateStore(table.documents, table.tableName);
  return {
    fauxqs,
    submissions,
    aggregates,
    deps: {
      objects: new S3ObjectStore(fauxqs.s3),
      submissions,
      aggregates,
      publishRecompute,
      pseudonymSecret: async () => Buffer.from('integration-test-secret-of-at-least-32-bytes'),
      uploadsBucket: UPLOADS,
      dataBucket: DATA,
      maxFileBytes: 5 * 1024 * 1024,
      leaseSeconds: 300,
      now: () => new Date(),
    },
    stop: async () => {
      await Promise.all([table.stop(), fauxqs.stop()]);
    },
  };
}
