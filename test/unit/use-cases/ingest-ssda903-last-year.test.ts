// SSDA903 ingestion with last year's return uploaded alongside: last year's rows feed the checks that compare
// the two years and nothing else. Everything stored (report, extracts, aggregates) is scanned for them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ObjectStore, ObjectWriter } from '../../../shared/ports/objects.ts';
import type { Submission, SubmissionStore } from '../../../shared/ports/submissions.ts';
import { InMemoryAggregateStore } from '../../../shared/use-cases/indicator-in-memory.ts';
import { ingestSubmission } from '../../../shared/use-cases/returns/pipeline.ts';

const HEADER_COLUMNS = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODE_COLUMNS =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const FILES: Record<string, string> = {
  'header.csv': [
    HEADER_COLUMNS,
    'C1,F,01/01/2010,WBRI,A123456789012,,',
    'C2,M,02/02/2011,WIRI,B123456789012,,',
  ].join('\n'),
  'episodes.csv': [
    EPISODE_COLUMNS,
    'C1,10/06/2024,S,C2,N1,U1,PR1,,,,ME14 1XX,ME15 6YY,',
    'C2,05/05/2025,S,C2,N2,U4,PR2,,,,CT1 1AA,CT2 2BB,',
  ].join('\n'),
  // Last year: C1 open with another legal status, and a child (LY900) who is not in this year's return.
  'header_last.csv': [
    HEADER_COLUMNS,
    'C1,F,01/01/2010,WBRI,A123456789012,,',
    'LY900,M,07/07/2007,WOTH,Q999999999999,,',
  ].join('\n'),
  'episodes_last.csv': [
    EPISODE_COLUMNS,
    'C1,10/06/2024,S,C1,N1,U1,PR1,,,,ME14 1XX,ME15 6YY,',
    'LY900,17/03/2019,S,C2,N7,R2,PR4,19/02/2025,E8,,ZZ9 9ZZ,ZY8 8ZY,SC977977',
  ].join('\n'),
};
const LAST_YEAR_ONLY = [
  'LY900',
  'Q999999999999',
  '07/07/2007',
  '2007-07',
  'ZZ9',
  'ZY8',
  'SC977977',
  '17/03/2019',
  '2019-03',
  '19/02/2025',
  '2025-02-19',
];

class MemoryObjects implements ObjectStore {
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

describe('SSDA903 ingestion with last year’s return alongside', () => {
  it('runs the year-comparing checks and stores nothing of last year’s rows', async () => {
    const objects = new MemoryObjects();
    const aggregates = new InMemoryAggregateStore();
    const submissionId = 'SUB-20251020-LASTYEAR01';
    const uploads = Object.entries(FILES).map(([name, text]) => {
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
      pseudonymSecret: async () => Buffer.alloc(32, 1),
      uploadsBucket: 'uploads',
      dataBucket: 'data',
      maxFileBytes: 10_000_000,
      now: () => new Date(Date.UTC(2025, 9, 20, 9, 0, 0)),
    });

    expect(outcome.status).toBe('accepted_with_issues');
    expect(outcome.children).toBe(2);
    const report = JSON.parse(objects.objects.get(`uploads/${outcome.reportKeys!.json}`)!);
    expect(JSON.stringify(report)).toContain('503B');

    // Everything written by ingestion: the reports, the curated extracts and the aggregates.
    const written = [...objects.objects]
      .filter(
        ([key]) =>
          !key.startsWith(`uploads/uploads/886/ssda903/2026/${submissionId}/`) || key.includes('report'),
      )
      .map(([key, body]) => `${key}\n${body}`);
    expect(written.some((text) => text.startsWith('data/curated/'))).toBe(true);
    const stored = [...written, JSON.stringify(aggregates.history)].join('\n');
    for (const marker of LAST_YEAR_ONLY) expect(stored, marker).not.toContain(marker);
    expect(aggregates.history[0]!.children).toBe(2);
  });
});
