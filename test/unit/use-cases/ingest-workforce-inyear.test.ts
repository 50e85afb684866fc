// The workforce census and in-year ingesters on in-memory ports: the same outcomes, reports, duplicate
// handling and ReturnIngested events as SSDA903; in-year revisions that replace a month (history kept,
// totals counted once) even when two submissions merge at the same time; nothing personal stored.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReturnIngestedV1Schema } from '../../../events/return-ingested.ts';
import type { ReturnType } from '../../../shared/domain/returns/catalogue.ts';
import { councilLevelReportSchema } from '../../../shared/domain/returns/report.ts';
import type { AggregateStore } from '../../../shared/ports/aggregates.ts';
import type { ObjectStore } from '../../../shared/ports/objects.ts';
import type { Submission, SubmissionStore } from '../../../shared/ports/submissions.ts';
import { InMemoryAggregateStore } from '../../../shared/use-cases/indicator-in-memory.ts';
import type { IngestDeps } from '../../../shared/use-cases/ingest-deps.ts';
import { ingestSubmission } from '../../../shared/use-cases/returns/pipeline.ts';
import { generateCensus } from '../workforce/helpers/csww-generator.ts';
import { TEST_INGEST_SETTINGS } from './ingest-settings.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXAMPLE = readFileSync(path.join(root, 'docs', 'inyear-example.csv'));

class MemoryObjects implements ObjectStore {
  readonly objects = new Map<string, Buffer>();
  async open(bucket: string, key: string): Promise<AsyncIterable<Uint8Array>> {
    const body = this.objects.get(`${bucket}/${key}`);
    if (!body) throw new Error(`No object ${bucket}/${key}`);
    return (async function* () {
      for (let at = 0; at < body.length; at += 1000) yield body.subarray(at, at + 1000);
    })();
  }
  async digest(bucket: string, key: string) {
    const body = this.objects.get(`${bucket}/${key}`)!;
    return { size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
  }
  async putText(bucket: string, key: string, body: string): Promise<void> {
    this.objects.set(`${bucket}/${key}`, Buffer.from(body));
  }
  openWriter(): never {
    throw new Error('no extracts are written for council-level returns');
  }
  async move(bucket: string, fromKey: string, toKey: string): Promise<void> {
    this.objects.set(`${bucket}/${toKey}`, this.objects.get(`${bucket}/${fromKey}`)!);
    await this.remove(bucket, fromKey);
  }
  async remove(bucket: string, key: string): Promise<void> {
    this.objects.delete(`${bucket}/${key}`);
  }
}

class MemorySubmissions implements Pick<SubmissionStore, 'claimFingerprint' | 'getSubmission'> {
  readonly fingerprints = new Map<string, string>();
  readonly submissions = new Map<string, Submission>();
  async claimFingerprint(
    la: string,
    returnType: ReturnType,
    year: number,
    fingerprint: string,
    id: string,
    replacing?: string,
  ) {
    const key = `${la}|${returnType}|${year}|${fingerprint}`;
    const existing = this.fingerprints.get(key);
    if (existing && existing !== id && existing !== replacing) return existing;
    this.fingerprints.set(key, id);
    return undefined;
  }
  async getSubmission(id: string) {
    return this.submissions.get(id);
  }
}

let counter = 0;

describe('council-level ingestion', () => {
  let objects: MemoryObjects;
  let submissions: MemorySubmissions;
  let aggregates: InMemoryAggregateStore;
  let sent: { body: string; groupId: string; deduplicationId: string }[];
  let deps: IngestDeps;

  beforeEach(() => {
    objects = new MemoryObjects();
    submissions = new MemorySubmissions();
    aggregates = new InMemoryAggregateStore();
    sent = [];
    deps = {
      objects,
      submissions: submissions as unknown as SubmissionStore,
      aggregates,
      publishRecompute: async (message) => {
        sent.push(message);
      },
      ...TEST_INGEST_SETTINGS,
      now: () => new Date(Date.UTC(2025, 9, 20, 9, 0, counter)),
    };
  });

  function submission(
    returnType: ReturnType,
    year: number,
    files: { name: string; body: Buffer }[],
  ): Submission {
    counter++;
    const submissionId = `SUB-20251020-${String(counter).padStart(10, '0')}`;
    const stored = files.map((file) => {
      const key = `uploads/886/${returnType}/${year}/${submissionId}/${file.name}`;
      objects.objects.set(`uploads/${key}`, file.body);
      return {
        fileName: file.name,
        size: file.body.length,
        sha256: createHash('sha256').update(file.body).digest('hex'),
        receivedAt: '2025-10-20T09:00:00.000Z',
        key,
        bucket: 'uploads',
      };
    });
    const made: Submission = {
      submissionId,
      la: '886',
      returnType,
      collectionYear: year,
      status: 'processing',
      declaredFiles: files.map((file) => ({ name: file.name, size: file.body.length })),
      createdAt: '2025-10-20T09:00:00.000Z',
      createdBy: 'kent-data-officer',
      files: stored,
    };
    submissions.submissions.set(submissionId, made);
    return made;
  }

  /** Processes a submission and records its outcome, as the submission store does when it finishes. */
  const ingest = async (made: Submission) => {
    const outcome = await ingestSubmission(made, deps);
    submissions.submissions.set(made.submissionId, { ...made, status: outcome.status, outcome });
    return outcome;
  };
  const reportOf = (made: Submission) =>
    councilLevelReportSchema.parse(
      JSON.parse(
        objects.objects
          .get(
            `uploads/reports/886/${made.returnType}/${made.collectionYear}/${made.submissionId}/report.json`,
          )!
          .toString(),
      ),
    );

  it('processes a workforce census: report, figures, aggregates and ReturnIngested, and no SWENo kept', async () => {
    const generated = generateCensus({ employed: 120, agency: 14, leavers: 16, seed: 5 });
    const made = submission('csww', 2025, [{ name: 'csww_2025.xml', body: Buffer.from(generated.xml) }]);
    const outcome = await ingest(made);
    expect(outcome).toMatchObject({ status: 'accepted', children: null, problems: 0 });
    expect(outcome.summary).toBe('The return was read: 150 workers; no problems found.');
    const report = reportOf(made);
    expect(report).toMatchObject({
      returnType: 'csww',
      collectionYearLabel: 'census at 30 September 2025',
      records: 150,
    });
    expect(report.figures.inPostHeadcount).toBe(120);
    // The preview of the indicators the census produces, benchmarked on the published baseline.
    expect(report.indicators.map((preview) => preview.code)).toEqual([
      'sw-vacancy-rate',
      'sw-turnover-rate',
      'sw-agency-rate',
      'sw-absence-rate',
      'average-caseload',
    ]);
    expect(report.indicators.find((preview) => preview.code === 'average-caseload')).toMatchObject({
      numerator: generated.expected.cases,
      comparedWith: 2025,
      england: expect.any(Number),
    });
    const current = await aggregates.currentAggregates('886', 'csww', 2025);
    expect(current?.indicators['sw-turnover-rate']?.numerator).toBeCloseTo(generated.expected.leaversFte, 6);
    expect(current?.indicators['average-caseload']).toEqual({
      numerator: generated.expected.cases,
      denominator: expect.closeTo(generated.expected.caseHolderFte, 6),
    });
    expect(sent).toHaveLength(1);
    expect(ReturnIngestedV1Schema.parse(JSON.parse(sent[0]!.body))).toMatchObject({
      returnType: 'csww',
      collectionYear: 2025,
      status: 'accepted',
    });
    const stored = [
      ...[...objects.objects]
        .filter(([key]) => !key.startsWith('uploads/uploads/'))
        .map(([, body]) => body.toString()),
      JSON.stringify(aggregates.history),
      ...sent.map((message) => message.body),
    ].join('\n');
    for (const swe of generated.sweNumbers) expect(stored).not.toContain(swe);
    for (const birth of generated.birthDates) expect(stored).not.toContain(birth);
  });

  it('rejects more than one file, the wrong kind of file and a file over the limit, with the report saying why', async () => {
    const xml = Buffer.from(generateCensus().xml);
    const two = submission('csww', 2025, [
      { name: 'a.xml', body: xml },
      { name: 'b.xml', body: xml },
    ]);
    expect(await ingest(two)).toMatchObject({ status: 'rejected', problems: 1 });
    expect(reportOf(two).blockingErrors[0]!.message).toMatch(
      /as one file on its own; this submission has 2 files/,
    );
    const csv = submission('csww', 2025, [{ name: 'csww.csv', body: xml }]);
    await ingest(csv);
    expect(reportOf(csv).blockingErrors[0]).toMatchObject({ kind: 'unsupported-file' });
    deps = { ...deps, maxFileBytes: 100 };
    const big = submission('inyear', 2026, [{ name: 'inyear.csv', body: EXAMPLE }]);
    await ingest(big);
    expect(reportOf(big).blockingErrors[0]!.message).toMatch(/over the 0 MB limit|over the .* limit/);
    expect(sent).toEqual([]);
    expect(aggregates.history).toEqual([]);
  });

  it('rejects an unreadable census with its reason and stores nothing', async () => {
    const made = submission('csww', 2025, [
      { name: 'census.xml', body: Buffer.from(generateCensus({ la: '212' }).xml) },
    ]);
    const outcome = await ingest(made);
    expect(outcome.status).toBe('rejected');
    expect(outcome.summary).toMatch(/could not be checked: 1 problem/);
    expect(reportOf(made).blockingErrors[0]).toMatchObject({ kind: 'wrong-council' });
    expect(sent).toEqual([]);
  });

  it('marks identical files a duplicate of the first submission', async () => {
    const xml = Buffer.from(generateCensus().xml);
    const first = submission('csww', 2025, [{ name: 'census.xml', body: xml }]);
    await ingest(first);
    const again = submission('csww', 2025, [{ name: 'census-copy.xml', body: xml }]);
    expect(await ingest(again)).toMatchObject({ status: 'duplicate', duplicateOf: first.submissionId });
    expect(sent).toHaveLength(1);
  });

  const inyear = (rows: string[]) =>
    Buffer.from(
      ['version,la,month,referrals,re_referrals,sw_fte_in_post,sw_leavers_fte', ...rows, ''].join('\n'),
    );

  it('merges in-year months: a revised month replaces the earlier figure, the history keeps both', async () => {
    const first = submission('inyear', 2026, [
      {
        name: 'inyear.csv',
        body: inyear([
          '1,886,2025-04,100,20,200,2',
          '1,886,2025-05,120,30,202,1',
          '1,886,2025-06,90,10,204,3',
        ]),
      },
    ]);
    expect((await ingest(first)).status).toBe('accepted');
    expect((await aggregates.currentAggregates('886', 'inyear', 2026))?.figures?.referrals).toBe(310);

    const second = submission('inyear', 2026, [
      { name: 'inyear-aug.csv', body: inyear(['1,886,2025-05,125,30,202,1', '1,886,2025-07,80,12,206,2']) },
    ]);
    const outcome = await ingest(second);
    expect(outcome).toMatchObject({ status: 'accepted', supersedes: first.submissionId });
    const current = (await aggregates.currentAggregates('886', 'inyear', 2026))!;
    // 100 + 125 + 90 + 80: the revised May replaces 120, it is not added to it.
    expect(current.figures?.referrals).toBe(395);
    expect(current.indicators['re-referrals']).toEqual({ numerator: 72, denominator: 395 });
    expect(current.months?.map((month) => [month.month, month.figures.referrals, month.revision])).toEqual([
      ['2025-04', 100, 1],
      ['2025-05', 125, 2],
      ['2025-06', 90, 1],
      ['2025-07', 80, 1],
    ]);
    expect(aggregates.history.map((saved) => [saved.submissionId, saved.figures?.referrals])).toEqual([
      [first.submissionId, 310],
      [second.submissionId, 395],
    ]);
    const report = reportOf(second);
    expect(report.months).toEqual([
      { month: '2025-05', change: 'revised' },
      { month: '2025-07', change: 'new' },
    ]);
    expect(report.councilIssues.map((issue) => issue.kind)).toEqual(['measures-not-sent', 'months-revised']);
    expect(JSON.parse(sent[1]!.body)).toMatchObject({ returnType: 'inyear', supersedes: first.submissionId });
  });

  it('names months not yet received and reports cell problems while using the rest', async () => {
    const made = submission('inyear', 2026, [
      { name: 'inyear.csv', body: inyear(['1,886,2025-04,100,20,200,2', '1,886,2025-07,eighty,12,206,2']) },
    ]);
    const outcome = await ingest(made);
    expect(outcome).toMatchObject({ status: 'accepted_with_issues', problems: 1 });
    const report = reportOf(made);
    expect(report.rows[0]).toMatchObject({
      code: 'INYEAR:not-a-number',
      record: 'Month 2025-07',
      field: 'referrals',
    });
    expect(report.councilIssues.find((issue) => issue.kind === 'months-missing')?.message).toMatch(
      /No figures have been received yet for 2025-05 and 2025-06/,
    );
    expect(report.figures.referrals).toBe(100);
  });

  it('merges again when another submission changed the months meanwhile, so neither is lost', async () => {
    const other = submission('inyear', 2026, [
      { name: 'a.csv', body: inyear(['1,886,2025-04,100,20,200,2']) },
    ]);
    const mine = submission('inyear', 2026, [{ name: 'b.csv', body: inyear(['1,886,2025-05,50,5,201,1']) }]);
    // My read of the current months happens before the other submission's write lands.
    let reads = 0;
    const racing: AggregateStore = {
      saveReturnAggregates: (saved, options) => aggregates.saveReturnAggregates(saved, options),
      currentAggregates: async (...args) => {
        reads++;
        const seen = await aggregates.currentAggregates(...args);
        if (reads === 1) await ingestSubmission(other, deps);
        return seen;
      },
    };
    await ingestSubmission(mine, { ...deps, aggregates: racing });
    const current = (await aggregates.currentAggregates('886', 'inyear', 2026))!;
    expect(current.submissionId).toBe(mine.submissionId);
    expect(current.months?.map((month) => month.month)).toEqual(['2025-04', '2025-05']);
    expect(current.figures?.referrals).toBe(150);
  });
});
