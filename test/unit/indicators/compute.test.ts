// computeCouncilIndicators / computeAll on a small hand-made baseline (every expected value worked by
// hand) and on the real shipped baseline (checked against the source CSV).
import { describe, expect, it } from 'vitest';
import { COUNCILS } from '../../../shared/domain/councils.ts';
import { type BaselineDocument, decodeBaseline } from '../../../shared/domain/indicators/baseline.ts';
import {
  type CouncilIndicatorResult,
  computeAll,
  computeCouncilIndicators,
  type IndicatorSources,
  valueTable,
} from '../../../shared/domain/indicators/compute.ts';
import { INDICATORS } from '../../../shared/domain/indicators/register.ts';
import { decodeStatNeighbours } from '../../../shared/domain/indicators/stat-neighbours.ts';
import { onlyRow, readReferenceCsv } from './source-data.ts';

/** Re-referrals for 2024-2025: a few councils, England and the South East, with counts. */
function handMadeBaseline(): BaselineDocument {
  return {
    format: 'upstream-national-baseline',
    version: 'test',
    firstPeriod: 2024,
    latestPeriod: 2025,
    attribution: 'test',
    sources: [],
    missingSymbols: {},
    areas: {},
    supersededCodes: [],
    jointReturns: [],
    indicators: {
      're-referrals': {
        from: 2024,
        to: 2025,
        sources: [[2024, 2025, 'ees-c1']],
        values: {
          '886': [25, 19],
          '881': [null, 10],
          '845': [null, 30],
          '878': [null, 25],
          '303': [null, 'c'],
          '857': [null, 40],
          '201': [null, 15],
          england: [null, 22],
          'south-east': [null, 21],
        },
        numerators: { '886': [null, 190], '857': [null, 8], '201': [null, 1], england: [null, 2200] },
        denominators: { '886': [null, 1000], '857': [null, 20], '201': [null, 8], england: [null, 10000] },
      },
    },
  };
}

const neighbours = decodeStatNeighbours({
  format: 'upstream-stat-neighbours',
  version: 'test',
  source: 'test',
  attribution: 'test',
  neighbours: {
    '886': [
      ['881', 'close'],
      ['845', 'close'],
      ['878', 'close'],
      ['303', 'close'],
    ],
  },
});

const handMadeSources = (extra: Partial<IndicatorSources> = {}): IndicatorSources => ({
  published: decodeBaseline(handMadeBaseline()),
  neighbours,
  ...extra,
});

function reReferrals(la: string, period: number, sources: IndicatorSources): CouncilIndicatorResult {
  const result = computeCouncilIndicators(la, period, sources).find((r) => r.indicator === 're-referrals');
  if (!result) throw new Error('no re-referrals result');
  return result;
}

describe('computeCouncilIndicators on a hand-made baseline', () => {
  // 2025 values of current councils: 10, 15, 19 (Kent), 25, 30, 40; 303 is suppressed.
  // R: quantile(c(10, 15, 19, 25, 30, 40)) = 10, 16, 22, 28.75, 40.
  it('benchmarks Kent against all councils, its neighbours, region and England', () => {
    const kent = reReferrals('886', 2025, handMadeSources());
    expect(kent.value).toMatchObject({
      provenance: 'published',
      value: 19,
      numerator: 190,
      denominator: 1000,
    });
    expect(kent.comparatorPeriod).toBe(2025);
    expect(kent.quartile).toEqual({
      band: 'B',
      cutPoints: { min: 10, lowerQuartile: 16, median: 22, upperQuartile: 28.75, max: 40, count: 6 },
    });
    expect(kent.rank).toEqual({ rank: 3, outOf: 6 });
    expect(kent.statNeighbours).toEqual({ mean: 65 / 3, median: 25, count: 3 });
    expect(kent.england).toBe(22);
    expect(kent.region).toBe(21);
    expect(kent.change).toEqual({ previous: 25, change: -6, direction: 'improved' });
  });

  it('places Kent on the funnel around England’s proportion (0.22, n = 1000)', () => {
    // se = sqrt(0.22 * 0.78 / 1000) = 0.0130997; 95%: 0.194325-0.245675; 99.8%: 0.179519-0.260481
    const { funnel } = reReferrals('886', 2025, handMadeSources());
    expect(funnel?.limits.lower95).toBeCloseTo(0.194325, 5);
    expect(funnel?.limits.lower998).toBeCloseTo(0.179519, 5);
    expect(funnel?.position).toEqual({ observed: 0.19, at95: 'below', at998: 'within' });
  });

  it('bands the worst council D, and flags a denominator under the minimum', () => {
    const rutland = reReferrals('857', 2025, handMadeSources());
    expect(rutland.quartile?.band).toBe('D');
    expect(rutland.rank).toEqual({ rank: 6, outOf: 6 });
    expect(rutland.belowMinimumDenominator).toBe(false);
    expect(reReferrals('201', 2025, handMadeSources()).belowMinimumDenominator).toBe(true);
  });

  it('keeps a suppressed figure as missing, with no benchmarks', () => {
    const suppressed = reReferrals('303', 2025, handMadeSources());
    expect(suppressed.value).toBeNull();
    expect(suppressed.publishedMissing).toEqual({ missing: 'c', reason: 'suppressed' });
    expect([suppressed.rank, suppressed.quartile, suppressed.change]).toEqual([null, null, null]);
    expect(suppressed.england).toBe(22);
  });

  it('uses an uploaded value before the published one, in the council’s result and in everyone’s rank', () => {
    const sources = handMadeSources({
      uploaded: valueTable([
        { la: '886', indicator: 're-referrals', period: 2025, value: 12, numerator: 120, denominator: 1000 },
      ]),
    });
    const kent = reReferrals('886', 2025, sources);
    expect(kent.value).toMatchObject({ provenance: 'uploaded', value: 12 });
    expect(kent.candidates.published?.value).toBe(19);
    expect(kent.rank).toEqual({ rank: 2, outOf: 6 });
    // City of London's 15 now has two lower values: 881's 10 and Kent's uploaded 12.
    expect(reReferrals('201', 2025, sources).rank).toEqual({ rank: 3, outOf: 6 });
  });

  it('benchmarks an upload for an unpublished period against the latest published period', () => {
    const sources = handMadeSources({
      uploaded: valueTable([{ la: '886', indicator: 're-referrals', period: 2026, value: 35 }]),
    });
    const kent = reReferrals('886', 2026, sources);
    expect(kent.comparatorPeriod).toBe(2025);
    // 35 against the other councils' 2025 values 10, 15, 25, 30, 40: four are lower, so rank 5 of 6.
    expect(kent.rank).toEqual({ rank: 5, outOf: 6 });
    expect(kent.change).toEqual({ previous: 19, change: 16, direction: 'worsened' });
    expect(kent.england).toBe(22);
    expect(kent.funnel).toBeNull(); // no denominator uploaded
  });

  it('falls back to in-year data only when there is neither an upload nor a published number', () => {
    const sources = handMadeSources({
      inyear: valueTable([
        { la: '303', indicator: 're-referrals', period: 2025, value: 27 },
        { la: '886', indicator: 're-referrals', period: 2025, value: 99 },
      ]),
    });
    expect(reReferrals('303', 2025, sources).value).toMatchObject({ provenance: 'inyear', value: 27 });
    expect(reReferrals('886', 2025, sources).value).toMatchObject({ provenance: 'published', value: 19 });
  });

  it('reports a council that did not exist in the period', () => {
    const cumberland = reReferrals('942', 2023, handMadeSources());
    expect(cumberland.councilExisted).toBe(false);
    expect(cumberland.value).toBeNull();
  });

  it('refuses an unknown council', () => {
    expect(() => computeCouncilIndicators('999', 2025, handMadeSources())).toThrow(/Unknown council/);
  });
});

describe('computeAll on the shipped national baseline', () => {
  const results = computeAll(2025);

  it('returns every register indicator for every current council', () => {
    expect(results).toHaveLength(COUNCILS.length * INDICATORS.length);
    expect(new Set(results.map((r) => `${r.la}|${r.indicator}`)).size).toBe(results.length);
  });

  it('ranks Kent’s re-referral rate as the published figures order it', () => {
    const current = new Set(COUNCILS.map((council) => council.la));
    const rows = readReferenceCsv(
      'ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
    ).filter(
      (row) =>
        row.time_period === '2025' &&
        current.has(row.old_la_code ?? '') &&
        /^\d/.test(row.rereferral_percent ?? ''),
    );
    const kentPercent = Number(
      onlyRow('ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv', {
        time_period: '2025',
        old_la_code: '886',
      }).rereferral_percent,
    );
    const lower = rows.filter((row) => Number(row.rereferral_percent) < kentPercent).length;

    const kent = results.find((r) => r.la === '886' && r.indicator === 're-referrals')!;
    expect(kent.value?.value).toBe(kentPercent);
    expect(kent.rank).toEqual({ rank: lower + 1, outOf: rows.length });
    expect(kent.england).toBe(
      Number(
        onlyRow('ees/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv', {
          time_period: '2025',
          geographic_level: 'National',
        }).rereferral_percent,
      ),
    );
  });

  it('gives both Kingston and Richmond their joint workforce figure and says so', () => {
    const kingston = results.find((r) => r.la === '314' && r.indicator === 'sw-vacancy-rate')!;
    const richmond = results.find((r) => r.la === '318' && r.indicator === 'sw-vacancy-rate')!;
    expect(kingston.value?.value).toBe(richmond.value?.value);
    expect([kingston.jointReturnWith, richmond.jointReturnWith]).toEqual(['318', '314']);
  });

  it('gives context indicators cut points but no band, rank or coloured change', () => {
    const kent = results.find((r) => r.la === '886' && r.indicator === 'cla-rate')!;
    expect(kent.quartile?.band).toBeNull();
    expect(kent.quartile?.cutPoints.count).toBeGreaterThan(100);
    expect(kent.rank).toBeNull();
    expect(kent.change?.direction).toBe('context');
  });
});
