// The recompute path for workforce census and in-year ReturnIngested events, on in-memory ports and the
// shipped baseline: the register's workforce indicators from a census (as uploaded values), in-year values
// used only where nothing better exists, and an in-year return without usable figures does not fail.
import { beforeEach, describe, expect, it } from 'vitest';
import { IndicatorsRecomputedV1Schema } from '../../../events/indicators-recomputed.ts';
import type { ReturnIngestedV1 } from '../../../events/return-ingested.ts';
import { publishedSources } from '../../../shared/domain/indicators/compute.ts';
import { inyearIndicators, mergeMonths } from '../../../shared/domain/inyear/months.ts';
import { cswwIndicators } from '../../../shared/domain/workforce/csww-aggregates.ts';
import type { ReturnAggregates } from '../../../shared/ports/aggregates.ts';
import {
  InMemoryAggregateStore,
  InMemoryIndicatorStore,
} from '../../../shared/use-cases/indicator-in-memory.ts';
import { type RecomputeDeps, recomputeIndicators } from '../../../shared/use-cases/recompute-indicators.ts';

const published = publishedSources();
const KENT = '886';

const event = (returnType: 'csww' | 'inyear', collectionYear: number, id: string): ReturnIngestedV1 => ({
  type: 'ReturnIngested',
  version: 1,
  eventId: id,
  occurredAt: '2026-10-20T09:00:00.000Z',
  la: KENT,
  returnType,
  collectionYear,
  submissionId: id,
  status: 'accepted',
});

const CENSUS = cswwIndicators({
  workers: 700,
  inPostFte: 600,
  inPostHeadcount: 630,
  leaversFte: 90,
  leaversHeadcount: 95,
  startersFte: 80,
  agencyFte: 60,
  agencyHeadcount: 62,
  vacancyFte: 75,
  workingDaysLost: 5313,
  cases: 9000,
  caseHolderFte: 500,
});

describe('recompute from workforce and in-year returns', () => {
  let aggregates: InMemoryAggregateStore;
  let store: InMemoryIndicatorStore;
  let sent: string[];
  let deps: RecomputeDeps;

  beforeEach(() => {
    aggregates = new InMemoryAggregateStore();
    store = new InMemoryIndicatorStore();
    sent = [];
    deps = {
      aggregates,
      indicators: store,
      publishRecomputed: async ({ body }) => {
        sent.push(body);
      },
      published,
      now: () => new Date('2026-10-20T09:05:00.000Z'),
    };
  });

  const save = (returnType: 'csww' | 'inyear', year: number, id: string, rest: Partial<ReturnAggregates>) =>
    aggregates.saveReturnAggregates({
      la: KENT,
      returnType,
      collectionYear: year,
      submissionId: id,
      ingestedAt: '2026-10-20T09:00:00.000Z',
      children: 0,
      indicators: {},
      ...rest,
    });
  const result = (period: number, code: string) => store.stored.get(`${KENT}|${period}|${code}`);

  it('computes turnover, agency, vacancy, absence and caseload from a census as the council’s uploaded values', async () => {
    await save('csww', 2026, 'SUB-CSWW-0001', { indicators: CENSUS });
    const outcome = await recomputeIndicators(JSON.stringify(event('csww', 2026, 'SUB-CSWW-0001')), deps);
    expect(outcome.kind).toBe('recomputed');
    const expected: Record<string, number> = {
      'sw-turnover-rate': 15, // 90 / 600
      'sw-agency-rate': 9.1, // 60 / 660
      'sw-vacancy-rate': 11.1, // 75 / 675
      'sw-absence-rate': 3.5, // 5313 / (600 × 253)
      'average-caseload': 18, // 9000 / 500
    };
    for (const [code, value] of Object.entries(expected)) {
      expect(result(2026, code)?.value, code).toMatchObject({ provenance: 'uploaded', value });
      // Benchmarked against the latest published census.
      expect(result(2026, code)?.comparatorPeriod, code).toBe(2025);
      expect(result(2026, code)?.rank?.outOf, code).toBeGreaterThan(140);
    }
    const body = IndicatorsRecomputedV1Schema.parse(JSON.parse(sent[0]!));
    expect(body).toMatchObject({ returnType: 'csww', skipped: [] });
  });

  it('an uploaded census for a published year takes precedence over DfE’s figure, which is kept beside it', async () => {
    await save('csww', 2025, 'SUB-CSWW-0002', { indicators: CENSUS });
    await recomputeIndicators(JSON.stringify(event('csww', 2025, 'SUB-CSWW-0002')), deps);
    const turnover = result(2025, 'sw-turnover-rate');
    expect(turnover?.value?.provenance).toBe('uploaded');
    expect(turnover?.candidates.published?.value).toBeTypeOf('number');
  });

  it('uses in-year values for a year with neither a return nor published figures, and marks them in-year', async () => {
    const { months } = mergeMonths(
      [],
      [
        {
          month: '2025-04',
          rowNumber: 2,
          figures: {
            referrals: 1400,
            re_referrals: 280,
            sw_fte_in_post: 640,
            sw_vacancy_fte: 90,
            sw_cases: 10400,
            sw_case_holder_fte: 550,
          },
        },
        {
          month: '2025-05',
          rowNumber: 3,
          figures: {
            referrals: 1500,
            re_referrals: 300,
            sw_fte_in_post: 650,
            sw_vacancy_fte: 88,
            sw_cases: 10500,
            sw_case_holder_fte: 560,
          },
        },
      ],
      'SUB-INYEAR-0001',
      '2026-10-20T09:00:00.000Z',
    );
    await save('inyear', 2026, 'SUB-INYEAR-0001', { indicators: inyearIndicators(months), months });
    await recomputeIndicators(JSON.stringify(event('inyear', 2026, 'SUB-INYEAR-0001')), deps);
    expect(result(2026, 're-referrals')?.value).toMatchObject({ provenance: 'inyear', value: 20 });
    expect(result(2026, 'sw-vacancy-rate')?.value).toMatchObject({ provenance: 'inyear', value: 11.9 }); // 88 / 738
    expect(result(2026, 'average-caseload')?.value).toMatchObject({ provenance: 'inyear', value: 18.8 });
    // 2,900 referrals in two months is 17,400 a year, over Kent's published child population.
    const referralRate = store.sets
      .get(`${KENT}|2026|inyear`)
      ?.values.find((v) => v.indicator === 'referral-rate');
    expect(referralRate).toMatchObject({ numerator: 17400, denominatorSource: 'published-population' });
    expect(result(2026, 'referral-rate')?.value?.provenance).toBe('inyear');

    // A census for the same period then takes precedence for the workforce indicators only.
    await save('csww', 2026, 'SUB-CSWW-0003', { indicators: CENSUS });
    await recomputeIndicators(JSON.stringify(event('csww', 2026, 'SUB-CSWW-0003')), deps);
    expect(result(2026, 'sw-vacancy-rate')?.value).toMatchObject({ provenance: 'uploaded', value: 11.1 });
    expect(result(2026, 'sw-vacancy-rate')?.candidates.inyear?.value).toBe(11.9);
    expect(result(2026, 're-referrals')?.value?.provenance).toBe('inyear');
  });

  it('does not fail on an in-year return with no usable figures', async () => {
    await save('inyear', 2026, 'SUB-INYEAR-0002', { indicators: {}, months: [] });
    const outcome = await recomputeIndicators(JSON.stringify(event('inyear', 2026, 'SUB-INYEAR-0002')), deps);
    expect(outcome.kind).toBe('recomputed');
    expect(store.sets.get(`${KENT}|2026|inyear`)?.values).toEqual([]);
    expect(result(2026, 'sw-turnover-rate')?.value).toBeNull();
  });

  it('reports a zero FTE base as skipped rather than failing', async () => {
    await save('csww', 2026, 'SUB-CSWW-0004', {
      indicators: {
        'sw-turnover-rate': { numerator: 0, denominator: 0 },
        'average-caseload': { numerator: 10, denominator: 2 },
      },
    });
    const outcome = await recomputeIndicators(JSON.stringify(event('csww', 2026, 'SUB-CSWW-0004')), deps);
    if (outcome.kind !== 'recomputed') throw new Error('not recomputed');
    expect(outcome.event.skipped).toEqual([
      { indicator: 'sw-turnover-rate', reason: 'the denominator is zero: no FTE in the base' },
    ]);
    expect(result(2026, 'average-caseload')?.value).toMatchObject({ provenance: 'uploaded', value: 5 });
  });
});
