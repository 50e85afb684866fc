// Use case step shared by every return type: what an ingestion needs (its ports and settings), where its
// report is stored, and the fingerprint that tells identical files apart. Ports only.
import { createHash } from 'node:crypto';
import type { AggregateStore } from '../ports/aggregates.ts';
import type { ObjectStore } from '../ports/objects.ts';
import type { Submission, SubmissionStore } from '../ports/submissions.ts';

export interface IngestDeps {
  readonly objects: ObjectStore;
  readonly submissions: SubmissionStore;
  readonly aggregates: AggregateStore;
  readonly publishRecompute: (message: {
    body: string;
    groupId: string;
    deduplicationId: string;
  }) => Promise<void>;
  readonly pseudonymSecret: () => Promise<Buffer>;
  readonly uploadsBucket: string;
  readonly dataBucket: string;
  readonly maxFileBytes: number;
  readonly now: () => Date;
}

export const reportKeys = (
  submission: Pick<Submission, 'la' | 'returnType' | 'collectionYear' | 'submissionId'>,
) => {
  const base = `reports/${submission.la}/${submission.returnType}/${submission.collectionYear}/${submission.submissionId}/report`;
  return { json: `${base}.json`, csv: `${base}.csv` };
};

/** The same files (by content, whatever their names) give the same fingerprint. */
export function contentFingerprint(submission: Submission): string {
  const hashes = submission.files.map((file) => file.sha256).sort();
  return createHash('sha256').update(hashes.join(',')).digest('hex');
}
