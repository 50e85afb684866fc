// Test support: an SSDA903 submission ingested as ingest-return does, on objects kept in memory.
import { createHash } from 'node:crypto';
import type { ObjectStore, ObjectWriter } from '../../../shared/ports/objects.ts';
import type { Submission, SubmissionOutcome, SubmissionStore } from '../../../shared/ports/submissions.ts';
import { InMemoryAggregateStore } from '../../../shared/use-cases/indicator-in-memory.ts';
import { ingestSubmission } from '../../../shared/use-cases/returns/pipeline.ts';
import { TEST_INGEST_SETTINGS } from './ingest-settings.ts';

/** Objects kept as text; a writer's object appears only when it is closed, as with S3. */
export class MemoryObjects implements ObjectStore {
  readonly objects = new Map<string, string>();
  async open(bucket: string, key: string): Promise<AsyncIterable<Uint8Array>> {
    const body = Buffer.from(this.objects.get(`${bucket}/${key}`) ?? '');
    return (async function* () {
      yield body;
    })();
  }
  async digest(bucket: string, key: string) {
    const body = Buffer.from(this.objects.get(`${bucket}/${key}`) ?? '');
    return { size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
  }
  async putText(bucket: string, key: string, body: string): Promise<void> {
    this.objects.set(`${bucket}/${key}`, body);
  }
  openWriter(bucket: string, key: string): ObjectWriter {
    const parts: string[] = [];
    return {
      write: async (text) => void parts.push(text),
      close: async () => void this.objects.set(`${bucket}/${key}`, parts.join('')),
    };
  }
  async move(bucket: string, fromKey: string, toKey: string): Promise<void> {
    this.objects.set(`${bucket}/${toKey}`, this.objects.get(`${bucket}/${fromKey}`) ?? '');
    await this.remove(bucket, fromKey);
  }
  async remove(bucket: string, key: string): Promise<void> {
    this.objects.delete(`${bucket}/${key}`);
  }
}

/** Kent's 2025/26 SSDA903 return of `files` (name → text), uploaded on 20 October 2025 and ingested. */
export async function ingestSsda903Files(
  files: Readonly<Record<string, string>>,
  submissionId: string,
): Promise<{ objects: MemoryObjects; aggregates: InMemoryAggregateStore; outcome: SubmissionOutcome }> {
  const objects = new MemoryObjects();
  const aggregates = new InMemoryAggregateStore();
  const uploads = Object.entries(files).map(([name, text]) => {
    const key = `uploads/886/ssda903/2026/${submissionId}/${name}`;
    objects.objects.set(`uploads/${key}`, text);
    return {
      fileName: name,
      size: Buffer.byteLength(text),
      sha256: createHash('sha256').update(text).digest('hex'),
      receivedAt: '2025-10-20T09:00:00.000Z',
      key,
      bucket: 'uploads',
    };
  });
  const submission: Submission = {
    submissionId,
    la: '886',
    returnType: 'ssda903',
    collectionYear: 2026,
    status: 'processing',
    declaredFiles: uploads.map((file) => ({ name: file.fileName, size: file.size })),
    createdAt: '2025-10-20T09:00:00.000Z',
    createdBy: 'kent-data-officer',
    files: uploads,
  };
  const outcome = await ingestSubmission(submission, {
    objects,
    submissions: {
      claimFingerprint: async () => undefined,
      getSubmission: async () => submission,
    } as unknown as SubmissionStore,
    aggregates,
    publishRecompute: async () => {},
    ...TEST_INGEST_SETTINGS,
    now: () => new Date(Date.UTC(2025, 9, 20, 9, 0, 0)),
  });
  return { objects, aggregates, outcome };
}
