import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoSubmissionStore } from '../../shared/adapters/dynamo-submission-store.ts';
import type { NewSubmission, ReceivedFile, SubmissionOutcome } from '../../shared/ports/submissions.ts';
import { withSingleTable } from './helpers/emulators.ts';

const SUBMISSION = 'SUB-20261123-0001';

const file = (overrides: Partial<ReceivedFile> = {}): ReceivedFile => ({
  submissionId: SUBMISSION,
  fileName: 'episodes.csv',
  bucket: 'uploads',
  key: `uploads/886/ssda903/2026/${SUBMISSION}/episodes.csv`,
  size: 120,
  sha256: 'a'.repeat(64),
  receivedAt: '2026-11-23T10:00:00.000Z',
  ...overrides,
});

const newSubmission = (submissionId: string, la = '886'): NewSubmission => ({
  submissionId,
  la,
  returnType: 'ssda903',
  collectionYear: 2026,
  declaredFiles: [
    { name: 'episodes.csv', size: 120 },
    { name: 'header.csv', size: 120 },
  ],
  createdAt: '2026-11-23T09:59:00.000Z',
  createdBy: 'kent-data-officer',
  expiresAt: 1_800_000_000,
});

const outcome = (overrides: Partial<SubmissionOutcome> = {}): SubmissionOutcome => ({
  status: 'accepted',
  summary: 'Accepted.',
  problems: 0,
  children: 10,
  finishedAt: '2026-11-23T10:10:00.000Z',
  ...overrides,
});

describe('submission store on DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let store: DynamoSubmissionStore;
  beforeAll(async () => {
    table = await withSingleTable();
    store = new DynamoSubmissionStore(table.documents, table.tableName);
  });
  afterAll(() => table.stop());

  it('starts a submission once and lists it for its council only', async () => {
    await store.createSubmission(newSubmission(SUBMISSION));
    await expect(store.createSubmission(newSubmission(SUBMISSION))).rejects.toThrow();
    await store.createSubmission(newSubmission('SUB-20261123-0009', '302'));
    expect((await store.listSubmissions('886')).map((entry) => [entry.submissionId, entry.status])).toEqual([
      [SUBMISSION, 'awaiting_files'],
    ]);
  });

  it('records a file once: a redelivery or identical re-upload changes nothing', async () => {
    expect(await store.recordReceivedFile(file())).toBe(true);
    expect(await store.recordReceivedFile(file({ receivedAt: '2026-11-23T10:05:00.000Z' }))).toBe(false);
    const submission = await store.getSubmission(SUBMISSION);
    expect(submission).toMatchObject({
      la: '886',
      returnType: 'ssda903',
      collectionYear: 2026,
      status: 'awaiting_files',
    });
    expect(submission?.files).toEqual([
      {
        fileName: 'episodes.csv',
        size: 120,
        sha256: 'a'.repeat(64),
        receivedAt: '2026-11-23T10:00:00.000Z',
        key: `uploads/886/ssda903/2026/${SUBMISSION}/episodes.csv`,
        bucket: 'uploads',
      },
    ]);
  });

  it('records a corrected file with the same name as new content', async () => {
    expect(await store.recordReceivedFile(file({ sha256: 'b'.repeat(64), size: 130 }))).toBe(true);
    expect(await store.recordReceivedFile(file({ fileName: 'header.csv' }))).toBe(true);
    const submission = await store.getSubmission(SUBMISSION);
    expect(submission?.files.map((entry) => [entry.fileName, entry.size])).toEqual([
      ['episodes.csv', 130],
      ['header.csv', 120],
    ]);
  });

  it('lets exactly one of several concurrent attempts process a submission', async () => {
    const now = new Date('2026-11-23T10:06:00.000Z');
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.claimProcessing(SUBMISSION, now, 300)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await store.getSubmission(SUBMISSION))?.status).toBe('processing');
    // Within the lease a retry waits; after it (the first attempt died) the retry takes over.
    expect(await store.claimProcessing(SUBMISSION, new Date('2026-11-23T10:08:00.000Z'), 300)).toBe(false);
    expect(await store.claimProcessing(SUBMISSION, new Date('2026-11-23T10:12:00.000Z'), 300)).toBe(true);
  });

  it('finishes once, and a finished submission cannot be claimed again', async () => {
    await store.finishProcessing(SUBMISSION, outcome());
    await expect(store.finishProcessing(SUBMISSION, outcome({ status: 'rejected' }))).rejects.toThrow();
    expect(await store.claimProcessing(SUBMISSION, new Date('2026-11-24T00:00:00.000Z'), 300)).toBe(false);
    expect((await store.getSubmission(SUBMISSION))?.outcome).toEqual(outcome());
  });

  it('marks the submission a correction supersedes', async () => {
    const correction = 'SUB-20261124-0002';
    await store.createSubmission(newSubmission(correction));
    expect(await store.claimProcessing(correction, new Date('2026-11-24T09:00:00.000Z'), 300)).toBe(true);
    await store.finishProcessing(correction, outcome({ supersedes: SUBMISSION }));
    expect((await store.getSubmission(SUBMISSION))?.supersededBy).toBe(correction);
  });

  it('remembers the first submission of each content fingerprint, per council, return and year', async () => {
    expect(await store.claimFingerprint('886', 'ssda903', 2026, 'f1', 'SUB-A')).toBeUndefined();
    expect(await store.claimFingerprint('886', 'ssda903', 2026, 'f1', 'SUB-A')).toBeUndefined();
    expect(await store.claimFingerprint('886', 'ssda903', 2026, 'f1', 'SUB-B')).toBe('SUB-A');
    expect(await store.claimFingerprint('886', 'ssda903', 2025, 'f1', 'SUB-C')).toBeUndefined();
    expect(await store.claimFingerprint('302', 'ssda903', 2026, 'f1', 'SUB-D')).toBeUndefined();
  });

  it('returns nothing for an unknown submission', async () => {
    expect(await store.getSubmission('SUB-unknown-000')).toBeUndefined();
  });
});
