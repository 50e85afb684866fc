// The cscapi return through the returns pipeline on in-memory ports: the state carried from one submission to
// the next, the measures stored as in-year months, and a submission overtaken by another read again.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { asNdjson } from '../../../shared/domain/generate/cscapi.ts';
import type { ObjectStore } from '../../../shared/ports/objects.ts';
import type { Submission, SubmissionStore } from '../../../shared/ports/submissions.ts';
import { InMemoryAggregateStore } from '../../../shared/use-cases/indicator-in-memory.ts';
import { valueLookups } from '../../../shared/use-cases/indicator-values.ts';
import type { IngestDeps } from '../../../shared/use-cases/ingest-deps.ts';
import { CscapiStateOvertaken } from '../../../shared/use-cases/returns/cscapi.ts';
import { ingestSubmission } from '../../../shared/use-cases/returns/pipeline.ts';
import { TEST_INGEST_SETTINGS } from '../use-cases/ingest-settings.ts';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('the CSC API payload as a return', () => {
  let stored: Map<string, Buffer>;
  let aggregates: InMemoryAggregateStore;
  let deps: IngestDeps;
  let counter = 0;

  beforeEach(() => {
    stored = new Map();
    aggregates = new InMemoryAggregateStore();
    const objects: ObjectStore = {
      open: async (bucket, key) => {
        const body = stored.get(`${bucket}/${key}`);
        if (!body) throw new Error(`No object ${bucket}/${key}`);
        return (async function* () {
          yield body;
        })();
      },
      digest: async () => {
        throw new Error('not used');
      },
      putText: async (bucket, key, body) => {
        stored.set(`${bucket}/${key}`, Buffer.from(body));
      },
      openWriter: (bucket, key) => {
        const parts: string[] = [];
        return {
          write: async (text) => {
            parts.push(text);
          },
          close: async () => {
            stored.set(`${bucket}/${key}`, Buffer.from(parts.join('')));
          },
        };
      },
      move: async (bucket, from, to) => {
        stored.set(`${bucket}/${to}`, stored.get(`${bucket}/${from}`)!);
        stored.delete(`${bucket}/${from}`);
      },
      remove: async (bucket, key) => {
        stored.delete(`${bucket}/${key}`);
      },
    };
    deps = {
      objects,
      submissions: {
        claimFingerprint: async () => undefined,
        getSubmission: async () => undefined,
      } as unknown as SubmissionStore,
      aggregates,
      publishRecompute: async () => {},
      ...TEST_INGEST_SETTINGS,
      now: () => now,
    };
  });

  function submission(name: string, documents: unknown[]): Submission {
    counter++;
    const submissionId = `SUB-20261123-${String(counter).padStart(10, '0')}`;
    const body = asNdjson(documents as Record<string, unknown>[]);
    const key = `uploads/886/cscapi/2026/${submissionId}/${name}`;
    stored.set(`uploads/${key}`, Buffer.from(body));
    return {
      submissionId,
      la: '886',
      returnType: 'cscapi',
      collectionYear: 2026,
      status: 'processing',
      declaredFiles: [{ name, size: body.length }],
      createdAt: now.toISOString(),
      createdBy: 'kent-extract',
      files: [
        {
          fileName: name,
          size: body.length,
          sha256: createHash('sha256').update(body).digest('hex'),
          receivedAt: now.toISOString(),
          key,
          bucket: 'uploads',
        },
      ],
    };
  }

  const referred = (id: string, episode: string, date: string) => ({
    la_child_id: id,
    child_details: { first_name: 'Quomar', date_of_birth: '2015-02-03', postcode: 'CT1 2AB' },
    social_care_episodes: [
      {
        social_care_episode_id: episode,
        referral_date: date,
        referral_source: '1A',
        child_protection_plans: [{ child_protection_plan_id: `${episode}-p`, start_date: date }],
      },
    ],
  });

  it('carries the state from one submission to the next and stores the measures as in-year months', async () => {
    const full = await ingestSubmission(
      submission('cscapi_886_full_2025-05-01.ndjson', [
        referred('1', 'e1', '2025-04-10'),
        referred('2', 'e2', '2025-04-11'),
      ]),
      deps,
    );
    expect(full.status).toBe('accepted');
    const delta = await ingestSubmission(
      submission('cscapi_886_delta_2025-05-02.json', [
        referred('3', 'e3', '2025-05-02'),
        { la_child_id: '2', purge: true },
      ]),
      deps,
    );
    expect(delta.status).toBe('accepted');
    const current = await aggregates.currentAggregates('886', 'cscapi', 2026);
    expect(current?.children).toBe(2);
    const byMonth = Object.fromEntries(current!.months!.map((month) => [month.month, month.figures]));
    expect(byMonth['2025-04']).toMatchObject({ referrals: 1, cp_plans_started: 1 });
    expect(byMonth['2025-05']).toMatchObject({ referrals: 1, cp_plans_open: 2 });
    expect(current!.months).toHaveLength(12);
    expect(current!.indicators['cp-rate']).toEqual({ numerator: 2, denominator: null });
    const kept = [...stored.entries()].filter(([key]) => key.startsWith('data/curated/'));
    expect(kept.map(([key]) => key)).toHaveLength(2);
    for (const [, body] of kept) expect(body.toString()).not.toMatch(/Quomar|2015-02-03|CT1/);
  });

  it('reads a submission again when another changed the council’s state while it was read', async () => {
    await ingestSubmission(
      submission('cscapi_886_delta_2025-05-02.ndjson', [referred('3', 'e3', '2025-05-02')]),
      deps,
    );
    const real = aggregates.currentAggregates.bind(aggregates);
    let reads = 0;
    // While the payload is read (this year's and last year's state) there is no state yet; by the time its
    // figures are stored, the other submission's are current.
    aggregates.currentAggregates = async (...args) => (++reads <= 2 ? undefined : real(...args));
    const racing = submission('cscapi_886_delta_2025-05-03.ndjson', [referred('4', 'e4', '2025-05-03')]);
    await expect(ingestSubmission(racing, deps)).rejects.toBeInstanceOf(CscapiStateOvertaken);
    expect(
      [...stored.keys()].filter((key) => key.includes(racing.submissionId) && key.startsWith('data/')),
    ).toEqual([]);
    aggregates.currentAggregates = real;
    expect((await ingestSubmission(racing, deps)).status).toBe('accepted');
    expect((await aggregates.currentAggregates('886', 'cscapi', 2026))?.children).toBe(2);
  });
});

describe('where a council sends both in-year sources', () => {
  const set = (returnType: 'inyear' | 'cscapi', value: number) => ({
    la: '886',
    region: 'south-east',
    period: 2026,
    returnType,
    submissionId: `SUB-${returnType}`,
    ingestedAt: now.toISOString(),
    values: [{ indicator: 're-referrals', value }],
  });

  it('the CSC API payload’s value wins, whichever came first, and neither counts as a statutory return', () => {
    for (const sets of [
      [set('cscapi', 20), set('inyear', 10)],
      [set('inyear', 10), set('cscapi', 20)],
    ]) {
      const { uploaded, inyear } = valueLookups(sets);
      expect(inyear.get('886', 're-referrals', 2026)?.value).toBe(20);
      expect(uploaded.get('886', 're-referrals', 2026)).toBeUndefined();
    }
  });
});

describe('upstream generate --type cscapi', () => {
  it('writes a full payload as the year starts and one delta a day, and the full payload validates', async () => {
    const { generateReturn } = await import('../../../shared/domain/generate/index.ts');
    const { loadNationalBaseline } = await import('../../../shared/domain/indicators/reference-data.ts');
    const files = generateReturn(
      { returnType: 'cscapi', collectionYear: 2026, la: '886', seed: 2, scale: 0.1, days: 2 },
      loadNationalBaseline(),
    );
    expect(files.map((file) => file.name)).toEqual([
      'cscapi_886_full_2025-03-31.ndjson',
      'cscapi_886_delta_2025-04-01.ndjson',
      'cscapi_886_delta_2025-04-02.ndjson',
    ]);
    const { validateFiles } = await import('../../../shared/cli/validate.ts');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const directory = mkdtempSync(`${tmpdir()}/cscapi-`);
    writeFileSync(`${directory}/${files[0]!.name}`, files[0]!.content);
    const result = await validateFiles(
      { returnType: 'cscapi', collectionYear: 2026, la: '886', files: [`${directory}/${files[0]!.name}`] },
      now,
    );
    expect(result.status).toBe('accepted');
    // The full payload is as the year starts: no referral in the year yet, but children in need already.
    expect(JSON.parse(result.json).figures).toMatchObject({ referrals: 0, monthsReceived: 12 });
    expect(JSON.parse(result.json).figures.cin_open).toBeGreaterThan(0);
  }, 60_000);
});

describe('the in-year months the risk assessment reads', () => {
  it('take the CSC API payload’s figures over the monthly CSV’s for a month both give, keeping the CSV’s workforce', async () => {
    const { inyearMonths } = await import('../../../shared/use-cases/assess-council-risk.ts');
    const store = new InMemoryAggregateStore();
    const month = (name: string, figures: Record<string, number>, submissionId: string) => ({
      month: name,
      figures,
      submissionId,
      receivedAt: now.toISOString(),
      revision: 1,
    });
    const save = (returnType: 'inyear' | 'cscapi', months: ReturnType<typeof month>[]) =>
      store.saveReturnAggregates({
        la: '886',
        returnType,
        collectionYear: 2027,
        submissionId: `SUB-${returnType}`,
        ingestedAt: now.toISOString(),
        children: 0,
        indicators: {},
        months,
      });
    await save('inyear', [
      month('2026-04', { referrals: 10, sw_fte_in_post: 300 }, 'SUB-inyear'),
      month('2026-05', { referrals: 11 }, 'SUB-inyear'),
    ]);
    await save('cscapi', [
      month('2026-05', { referrals: 42 }, 'SUB-cscapi'),
      month('2026-06', { referrals: 7 }, 'SUB-cscapi'),
    ]);
    const months = await inyearMonths('886', now, store);
    expect(months.map((each) => [each.month, each.figures])).toEqual([
      ['2026-04', { referrals: 10, sw_fte_in_post: 300 }],
      ['2026-05', { referrals: 42 }],
      ['2026-06', { referrals: 7 }],
    ]);
  });
});
