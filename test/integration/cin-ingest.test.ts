// CIN census ingestion on real adapters (DynamoDB Local, fauxqs S3) through the shared upload path
// (receiveUpload → ingester registry → ingestCin), then the recompute of a cin ReturnIngested.
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CinValidationReport } from '../../shared/domain/cin/report.ts';
import { publishedSources } from '../../shared/domain/indicators/compute.ts';
import { InMemoryIndicatorStore } from '../../shared/use-cases/indicator-in-memory.ts';
import { type ReceiveDeps, receiveUpload } from '../../shared/use-cases/receive-upload.ts';
import { recomputeIndicators } from '../../shared/use-cases/recompute-indicators.ts';
import { census } from './helpers/cin-census.ts';
import { DATA, type Receiving, startReceiving, UPLOADS } from './helpers/receiving.ts';

describe('CIN census ingestion on real emulators', () => {
  let receiving: Receiving;
  let fauxqs: Receiving['fauxqs'];
  let deps: ReceiveDeps;
  let submissions: Receiving['submissions'];
  let aggregates: Receiving['aggregates'];
  const published: { body: string; groupId: string; deduplicationId: string }[] = [];
  let counter = 0;

  beforeAll(async () => {
    receiving = await startReceiving(async (message) => {
      published.push(message);
    });
    ({ fauxqs, deps, submissions, aggregates } = receiving);
  });
  afterAll(async () => {
    await receiving?.stop();
  });

  async function send(year: number, body: string, name = 'cin.xml') {
    counter += 1;
    const submissionId = `SUB-20261123-C${String(counter).padStart(9, '0')}`;
    await submissions.createSubmission({
      submissionId,
      la: '886',
      returnType: 'cin',
      collectionYear: year,
      declaredFiles: [{ name, size: Buffer.byteLength(body) }],
      createdAt: new Date().toISOString(),
      createdBy: 'test',
      expiresAt: 2_000_000_000,
    });
    const key = `uploads/886/cin/${year}/${submissionId}/${name}`;
    await fauxqs.s3.send(new PutObjectCommand({ Bucket: UPLOADS, Key: key, Body: body }));
    const result = await receiveUpload(UPLOADS, key, deps);
    return { submissionId, result };
  }
  const text = async (bucket: string, key: string) =>
    (await fauxqs.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

  it('links re-referrals to the previous year’s return through the keyed child ID', async () => {
    const first = await send(
      2024,
      census(2024, [
        { id: 'LINK1', referral: '2024-01-15', closure: '2024-02-20' },
        { id: 'LINK2', referral: '2023-05-02', closure: '2023-06-01' },
      ]),
    );
    // Its only issue is query 2887Q: a return this small uses fewer than 8 disability codes.
    expect(first.result).toMatchObject({
      kind: 'processed',
      outcome: { status: 'accepted_with_issues', problems: 1 },
    });
    const firstAggregates = await aggregates.currentAggregates('886', 'cin', 2024);
    expect(firstAggregates?.indicators['re-referrals']).toBeUndefined();

    const second = await send(
      2025,
      census(2025, [
        { id: 'LINK1', referral: '2024-11-04' }, // 10 months after the 2024-01-15 referral
        { id: 'LINK2', referral: '2024-06-03' }, // 13 months after the 2023-05-02 referral
        { id: 'NEW1', referral: '2024-09-02' },
      ]),
    );
    expect(second.result).toMatchObject({
      kind: 'processed',
      outcome: { status: 'accepted_with_issues', children: 3, problems: 1 },
    });
    const current = await aggregates.currentAggregates('886', 'cin', 2025);
    expect(current?.indicators['re-referrals']).toEqual({ numerator: 1, denominator: 3 });
    expect(current?.indicators['referral-rate']).toEqual({ numerator: 3, denominator: null });
    expect(current?.indicators['assessment-timeliness']).toEqual({ numerator: 3, denominator: 3 });

    const report = JSON.parse(
      await text(UPLOADS, `reports/886/cin/2025/${second.submissionId}/report.json`),
    ) as CinValidationReport;
    expect(report.errors).toEqual([]);
    expect(report.queries.map((query) => query.code)).toEqual(['2887Q']);
    expect(report.councilIssues.find((issue) => issue.code === 'previous-year')?.message).toContain(
      first.submissionId,
    );

    // The curated extract holds keyed IDs and months of birth only.
    const listing = await fauxqs.s3.send(
      new ListObjectsV2Command({ Bucket: DATA, Prefix: `curated/886/cin/2025/${second.submissionId}/` }),
    );
    const keys = (listing.Contents ?? []).map((object) => object.Key!.split('/').at(-1)).sort();
    expect(keys).toEqual(['Assessments.csv', 'CINdetails.csv', 'Children.csv']);
    const children = await text(DATA, `curated/886/cin/2025/${second.submissionId}/Children.csv`);
    expect(children).not.toMatch(/LINK1|LINK2|NEW1|2014-02-11/);
    expect(children).toContain('2014-02-01');

    // The event announces the ingestion once.
    const event = published.filter((message) => message.deduplicationId === second.submissionId);
    expect(event).toHaveLength(1);
    expect(JSON.parse(event[0]!.body)).toMatchObject({ returnType: 'cin', collectionYear: 2025, la: '886' });
  });

  it('recomputes the register’s CIN indicators from a cin ReturnIngested', async () => {
    const event = published.find((message) => JSON.parse(message.body).collectionYear === 2025)!;
    const indicators = new InMemoryIndicatorStore();
    const sent: string[] = [];
    const outcome = await recomputeIndicators(event.body, {
      aggregates,
      indicators,
      publishRecomputed: async (message) => {
        sent.push(message.body);
      },
      published: publishedSources(),
      now: () => new Date('2026-11-23T12:00:00Z'),
    });
    expect(outcome.kind).toBe('recomputed');
    if (outcome.kind !== 'recomputed') return;
    const uploaded = new Map(
      outcome.event.indicators
        .filter((entry) => entry.provenance === 'uploaded' && entry.period === 2025)
        .map((entry) => [entry.indicator, entry.value]),
    );
    expect(uploaded.get('re-referrals')).toBeCloseTo(33.3, 1);
    expect(uploaded.get('assessment-timeliness')).toBe(100);
    // A rate per 10,000 children takes Kent's published child population.
    expect(uploaded.get('referral-rate')).toBeGreaterThan(0);
    expect(uploaded.get('referral-rate')).toBeLessThan(1);
    // No register indicator was refused for being unknown.
    expect(
      outcome.event.skipped.filter((entry) => entry.reason === 'not an indicator in the register'),
    ).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('marks the same file sent again as a duplicate, and rejects a DOCTYPE without storing figures', async () => {
    const body = census(2026, [{ id: 'DUP1', referral: '2025-06-02' }]);
    const original = await send(2026, body);
    expect(original.result).toMatchObject({ kind: 'processed' });
    const again = await send(2026, body, 'again.xml');
    expect(again.result).toMatchObject({
      kind: 'processed',
      outcome: { status: 'duplicate', duplicateOf: original.submissionId },
    });

    const before = published.length;
    const refused = await send(
      2027,
      `<!DOCTYPE Message [<!ENTITY x "y">]>${census(2027, [{ id: 'X1', referral: '2026-06-01' }])}`,
    );
    expect(refused.result).toMatchObject({ kind: 'processed', outcome: { status: 'rejected' } });
    expect(published.length).toBe(before);
    expect(await aggregates.currentAggregates('886', 'cin', 2027)).toBeUndefined();
    const report = JSON.parse(
      await text(UPLOADS, `reports/886/cin/2027/${refused.submissionId}/report.json`),
    ) as CinValidationReport;
    expect(report.blockingErrors[0]!.kind).toBe('xml-doctype');
  });
});
