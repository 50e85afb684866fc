// The same files give the same report whatever order they reached the bucket in: ingestion reads them in the
// order the council declared them.
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../../shared/ports/submissions.ts';
import { inDeclaredOrder } from '../../../shared/use-cases/returns/pipeline.ts';

const file = (fileName: string) => ({
  fileName,
  size: 1,
  sha256: fileName,
  receivedAt: '2026-12-05T10:00:00.000Z',
  key: `uploads/886/ssda903/2027/s-00000001/${fileName}`,
  bucket: 'uploads',
});

describe('inDeclaredOrder', () => {
  it('puts the received files in the declared order', () => {
    const submission: Submission = {
      submissionId: 's-00000001',
      la: '886',
      returnType: 'ssda903',
      collectionYear: 2027,
      status: 'processing',
      declaredFiles: ['header.csv', 'episodes.csv', 'reviews.csv'].map((name) => ({ name, size: 1 })),
      createdAt: '2026-12-05T10:00:00.000Z',
      createdBy: 'kent-data-officer',
      files: ['reviews.csv', 'episodes.csv', 'header.csv'].map(file),
    };
    expect(inDeclaredOrder(submission).files.map((f) => f.fileName)).toEqual([
      'header.csv',
      'episodes.csv',
      'reviews.csv',
    ]);
  });
});
