// The national baseline against DfE's published files: values read straight from the source CSVs must
// equal what the shipped baseline holds, symbols included.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildBaseline, buildStatNeighbours } from '../../../scripts/build-baseline.ts';
import type { BaselineCell } from '../../../shared/domain/indicators/baseline.ts';
import type { PublishedFigure } from '../../../shared/domain/indicators/published-figures.ts';
import { PUBLISHED_FILES } from '../../../shared/domain/indicators/published-sources.ts';
import {
  loadNationalBaseline,
  loadStatNeighbours,
} from '../../../shared/domain/indicators/reference-data.ts';
import { onlyRow, REPO_ROOT, readReferenceCsv, type SourceRow } from './source-data.ts';

const BASELINE_DIR = path.join(REPO_ROOT, 'shared', 'reference', 'baseline');
const baseline = loadNationalBaseline();

/** What a published cell says, read by hand: a number, or the symbol printed in its place. */
function published(text: string | undefined): number | string {
  if (text === undefined) throw new Error('no such column');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** The baseline's figure in the same terms: a number, or the symbol it keeps. */
function ours(figure: PublishedFigure | undefined): number | string | undefined {
  return figure === undefined || typeof figure === 'number' ? figure : figure.missing;
}

function cellOf(indicator: string, area: string, period: number): BaselineCell {
  const cell = baseline.cell(indicator, area, period);
  if (!cell) throw new Error(`no baseline cell for ${indicator} ${area} ${period}`);
  return cell;
}

const file = (id: keyof typeof PUBLISHED_FILES) => PUBLISHED_FILES[id].path;
const council = (la: string, year: number) => ({ old_la_code: la, time_period: String(year) });
const national = (year: number) => ({ geographic_level: 'National', time_period: String(year) });
const region = (name: string, year: number) => ({
  geographic_level: 'Regional',
  region_name: name,
  time_period: String(year),
});

interface EesSample {
  readonly indicator: string;
  readonly area: string;
  readonly period: number;
  readonly file: keyof typeof PUBLISHED_FILES;
  readonly row: Readonly<Record<string, string>>;
  readonly value: string;
  readonly numerator?: string;
  /** The denominator column, in the same row or in the row picked by `denominatorRow`. */
  readonly denominator?: string;
  readonly denominatorRow?: Readonly<Record<string, string>>;
}

const CLA_31_MARCH = { population_type: 'Children looked after on 31 March each year' };
const THREE_PLACEMENTS = {
  cla_group: 'CLA on 31 March',
  placement_stability: 'With 3 or more placements during the year',
};
const ALL_CLA = { cla_group: 'CLA on 31 March', placement_stability: 'Total children' };
const LONG_TERM = 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years';

const EES_SAMPLES: readonly EesSample[] = [
  // Kent, a large county
  {
    indicator: 're-referrals',
    area: '886',
    period: 2025,
    file: 'ees-c1',
    row: council('886', 2025),
    value: 'rereferral_percent',
    numerator: 'rereferral_count',
    denominator: 'referral_count',
  },
  {
    indicator: 'cla-rate',
    area: '886',
    period: 2025,
    file: 'ees-cla-rates',
    row: { ...council('886', 2025), ...CLA_31_MARCH },
    value: 'rate_per_10000',
    numerator: 'children_count',
    denominator: 'population_estimate',
  },
  {
    indicator: 'placement-instability',
    area: '886',
    period: 2025,
    file: 'ees-placement-stability',
    row: { ...council('886', 2025), ...THREE_PLACEMENTS },
    value: 'children_percent',
    numerator: 'children_count',
    denominator: 'children_count',
    denominatorRow: { ...council('886', 2025), ...ALL_CLA },
  },
  {
    indicator: 'social-worker-changes',
    area: '886',
    period: 2024,
    file: 'ees-sw-changes',
    row: { ...council('886', 2024), sw_stability: '3 or more social workers during the year' },
    value: 'percentage',
    numerator: 'number',
    denominator: 'number',
    denominatorRow: { ...council('886', 2024), sw_stability: 'Total children' },
  },
  {
    indicator: 'care-leavers-suitable-accommodation',
    area: '886',
    period: 2025,
    file: 'ees-care-leavers-accommodation',
    row: {
      ...council('886', 2025),
      care_leaver_age: '19 to 21 years',
      breakdown: 'Accommodation considered suitable',
    },
    value: 'care_leaver_percent',
    numerator: 'care_leaver_count',
    denominator: 'care_leaver_count',
    denominatorRow: {
      ...council('886', 2025),
      care_leaver_age: '19 to 21 years',
      breakdown: 'Suitability total',
    },
  },
  {
    indicator: 'repeat-cp-plans',
    area: '886',
    period: 2014,
    file: 'ees-d3',
    row: council('886', 2014),
    value: 'CPP_subsequent_percent',
    numerator: 'CPP_subsequent',
    denominator: 'CPP_start',
  },
  // Rutland, a very small council
  {
    indicator: 're-referrals',
    area: '857',
    period: 2019,
    file: 'ees-c1',
    row: council('857', 2019),
    value: 'rereferral_percent',
    numerator: 'rereferral_count',
    denominator: 'referral_count',
  },
  {
    indicator: 'long-cp-plans',
    area: '857',
    period: 2022,
    file: 'ees-d5',
    row: council('857', 2022),
    value: '2_years_or_more_percent',
    numerator: '2_years_or_more',
    denominator: 'CPP_At31',
  },
  {
    indicator: 'placement-instability',
    area: '857',
    period: 2024,
    file: 'ees-placement-stability',
    row: { ...council('857', 2024), ...THREE_PLACEMENTS },
    value: 'children_percent',
    numerator: 'children_count',
  },
  // City of London, the smallest: suppressed and zero values
  {
    indicator: 're-referrals',
    area: '201',
    period: 2023,
    file: 'ees-c1',
    row: council('201', 2023),
    value: 'rereferral_percent',
    numerator: 'rereferral_count',
    denominator: 'referral_count',
  },
  {
    indicator: 'cla-rate',
    area: '201',
    period: 2025,
    file: 'ees-cla-rates',
    row: { ...council('201', 2025), ...CLA_31_MARCH },
    value: 'rate_per_10000',
    numerator: 'children_count',
    denominator: 'population_estimate',
  },
  {
    indicator: 'care-leavers-eet',
    area: '201',
    period: 2022,
    file: 'ees-care-leavers-activity',
    row: {
      ...council('201', 2022),
      care_leaver_age: '19 to 21 years',
      breakdown: 'Total in education, employment or training',
    },
    value: 'care_leaver_percent',
    numerator: 'care_leaver_count',
  },
  {
    indicator: 'average-caseload',
    area: '201',
    period: 2025,
    file: 'ees-csww',
    row: council('201', 2025),
    value: 'caseload_fte',
    numerator: 'cases',
    denominator: 'case_holders_fte',
  },
  // Isles of Scilly, Sunderland ("low"), Barnsley (printed with its retired ONS code), Cumbria (retired)
  {
    indicator: 'repeat-cp-plans',
    area: '420',
    period: 2025,
    file: 'ees-d3',
    row: council('420', 2025),
    value: 'CPP_subsequent_percent',
    numerator: 'CPP_subsequent',
    denominator: 'CPP_start',
  },
  {
    indicator: 'sw-agency-rate',
    area: '394',
    period: 2025,
    file: 'ees-csww',
    row: council('394', 2025),
    value: 'agency_rate_fte',
    numerator: 'agency_fte',
  },
  {
    indicator: 're-referrals',
    area: '370',
    period: 2025,
    file: 'ees-c1',
    row: { ...council('370', 2025), new_la_code: 'E08000016' },
    value: 'rereferral_percent',
    numerator: 'rereferral_count',
    denominator: 'referral_count',
  },
  {
    indicator: 're-referrals',
    area: '909',
    period: 2023,
    file: 'ees-c1',
    row: council('909', 2023),
    value: 'rereferral_percent',
    numerator: 'rereferral_count',
    denominator: 'referral_count',
  },
  {
    indicator: 'sw-absence-rate',
    area: '909',
    period: 2022,
    file: 'ees-csww',
    row: council('909', 2022),
    value: 'absence_rate_fte',
    numerator: 'working_days_lost_fte',
  },
  // England and regions
  {
    indicator: 're-referrals',
    area: 'england',
    period: 2013,
    file: 'ees-c1',
    row: national(2013),
    value: 'rereferral_percent',
    numerator: 'rereferral_count',
    denominator: 'referral_count',
  },
  {
    indicator: 're-referrals',
    area: 'north-west',
    period: 2023,
    file: 'ees-c1',
    row: region('North West', 2023),
    value: 'rereferral_percent',
    numerator: 'rereferral_count',
    denominator: 'referral_count',
  },
  {
    indicator: 'long-cp-plans',
    area: 'england',
    period: 2025,
    file: 'ees-d5',
    row: national(2025),
    value: '2_years_or_more_percent',
    numerator: '2_years_or_more',
    denominator: 'CPP_At31',
  },
  {
    indicator: 'social-worker-changes',
    area: 'england',
    period: 2024,
    file: 'ees-sw-changes',
    row: { ...national(2024), sw_stability: '3 or more social workers during the year' },
    value: 'percentage',
    numerator: 'number',
  },
  {
    indicator: 'long-term-stability',
    area: 'inner-london',
    period: 2023,
    file: 'ees-placement-stability',
    row: {
      ...region('Inner London', 2023),
      cla_group: LONG_TERM,
      placement_stability: 'Living with the same carer for at least 2 years',
    },
    value: 'children_percent',
    numerator: 'children_count',
  },
  {
    indicator: 'sw-turnover-rate',
    area: 'south-west',
    period: 2018,
    file: 'ees-csww',
    row: region('South West', 2018),
    value: 'turnover_rate_fte',
    numerator: 'leavers_fte',
    denominator: 'inpost_fte',
  },
];

interface LaitSample {
  readonly indicator: string;
  readonly area: string;
  readonly period: number;
  readonly measure: string;
  readonly laitArea: string;
}

const LAIT_SAMPLES: readonly LaitSample[] = [
  {
    indicator: 'assessment-timeliness',
    area: '886',
    period: 2025,
    measure: 'Continue_Assess_Comp',
    laitArea: '886',
  },
  { indicator: 'icpc-timeliness', area: 'england', period: 2025, measure: 'CP_conf_15days', laitArea: '970' },
  { indicator: 'cp-reviews-on-time', area: '857', period: 2025, measure: 'RevCP', laitArea: '857' },
  { indicator: 'distant-placements', area: '201', period: 2025, measure: 'LACDistance', laitArea: '201' },
  {
    indicator: 'placement-instability',
    area: '886',
    period: 2016,
    measure: 'LACStable_2016on',
    laitArea: '886',
  },
  { indicator: 'cin-rate', area: 'london', period: 2020, measure: 'CIN', laitArea: '986' },
  {
    indicator: 'referral-rate',
    area: '857',
    period: 2021,
    measure: 'CPP_Total_Rateper10,000',
    laitArea: '857',
  },
  {
    indicator: 'sw-vacancy-rate',
    area: '928',
    period: 2016,
    measure: 'Work_Force_Vac_Rate',
    laitArea: '928',
  },
];

describe('national baseline: values equal the published figures', () => {
  it.each(EES_SAMPLES)('$indicator for $area in $period equals $file', (sample) => {
    const path = file(sample.file);
    const row: SourceRow = onlyRow(path, sample.row);
    const cell = cellOf(sample.indicator, sample.area, sample.period);
    expect(ours(cell.value)).toEqual(published(row[sample.value]));
    expect(cell.source).toBe(sample.file);
    if (sample.numerator) expect(ours(cell.numerator)).toEqual(published(row[sample.numerator]));
    if (sample.denominator) {
      const denominatorRow = sample.denominatorRow ? onlyRow(path, sample.denominatorRow) : row;
      expect(ours(cell.denominator)).toEqual(published(denominatorRow[sample.denominator]));
    }
  });

  it.each(LAIT_SAMPLES)('$indicator for $area in $period equals LAIT $measure', (sample) => {
    const raw = onlyRow(file('lait'), {
      short_desc: sample.measure,
      year_label: String(sample.period),
      la_number: sample.laitArea,
    }).value_raw;
    const cell = cellOf(sample.indicator, sample.area, sample.period);
    expect(cell.source).toBe('lait');
    if (raw === '-') {
      expect(cell.value).toEqual({ missing: '-', reason: 'not-published' });
    } else {
      // LAIT's file carries binary noise (81.400000000000006 for a published 81.4).
      expect(cell.value).toBeCloseTo(Number(raw), 9);
    }
  });

  it('takes a LAIT rate’s numerator and denominator from the EES files beside it', () => {
    const cell = cellOf('referral-rate', '857', 2021);
    expect(cell.numerator).toBe(Number(onlyRow(file('ees-c1'), council('857', 2021)).referral_count));
    expect(cell.denominator).toBe(
      Number(
        onlyRow(file('ees-cla-rates'), { ...council('857', 2021), ...CLA_31_MARCH }).population_estimate,
      ),
    );
  });

  it('gives both councils of a joint workforce return the published joint figure', () => {
    const joint = onlyRow(file('ees-csww'), { old_la_code: '314 / 318', time_period: '2025' });
    for (const la of ['314', '318']) {
      expect(cellOf('sw-vacancy-rate', la, 2025).value).toBe(Number(joint.vacancy_rate_fte));
      expect(cellOf('sw-vacancy-rate', la, 2025).numerator).toBe(Number(joint.vacancy_fte));
    }
  });

  it('derives a defined-but-unprinted denominator as the sum of its published parts', () => {
    const row = onlyRow(file('ees-csww'), council('886', 2024));
    expect(cellOf('sw-vacancy-rate', '886', 2024).denominator).toBeCloseTo(
      Number(row.vacancy_fte) + Number(row.inpost_fte),
      6,
    );
  });

  it('keeps suppression symbols as typed missing values with their reason, never zero', () => {
    expect(cellOf('re-referrals', '201', 2023).value).toEqual({ missing: 'c', reason: 'suppressed' });
    expect(cellOf('sw-agency-rate', '394', 2025).value).toEqual({ missing: 'low', reason: 'rounds-to-zero' });
    expect(cellOf('cla-rate', '942', 2021).value).toEqual({ missing: 'z', reason: 'not-applicable' });
    expect(cellOf('distant-placements', '201', 2025).value).toEqual({
      missing: '-',
      reason: 'not-published',
    });
  });

  it('keeps a retired council’s history under its own code and starts a successor when it began', () => {
    expect(baseline.cell('re-referrals', '942', 2023)).toBeUndefined();
    expect(baseline.cell('re-referrals', '942', 2024)).toBeDefined();
    expect(baseline.cell('re-referrals', '909', 2024)).toBeUndefined();
    // LAIT prints "-" for councils before they existed; those are not kept as cells.
    expect(baseline.cell('assessment-timeliness', '940', 2020)).toBeUndefined();
    expect(baseline.cell('assessment-timeliness', '928', 2021)).toBeDefined();
    expect(baseline.areaName('909')).toContain('Cumbria');
  });
});

describe('national baseline document', () => {
  const storedFigure = z.union([z.number(), z.enum(['c', 'x', 'z', 'k', 'low', 'u', ':', '.', '~', '-'])]);
  const series = z.record(z.string().regex(/^(\d{3}|[a-z-]+)$/), z.array(storedFigure.nullable()));
  const documentSchema = z.object({
    format: z.literal('upstream-national-baseline'),
    version: z.string().regex(/^\d{4}\.\d+$/),
    firstPeriod: z.number().int(),
    latestPeriod: z.number().int(),
    attribution: z.string().includes('Open Government Licence v3.0'),
    sources: z
      .array(
        z.object({ id: z.string(), path: z.string(), licence: z.literal('Open Government Licence v3.0') }),
      )
      .min(1),
    areas: z.record(z.string(), z.string()),
    supersededCodes: z.array(z.object({ kind: z.enum(['council', 'ons-code']), la: z.string() })).min(1),
    indicators: z.record(
      z.string(),
      z.object({
        from: z.number().int(),
        to: z.number().int(),
        sources: z.array(z.tuple([z.number().int(), z.number().int(), z.string()])),
        values: series,
        numerators: series.optional(),
        denominators: series.optional(),
      }),
    ),
  });
  const document = JSON.parse(readFileSync(path.join(BASELINE_DIR, 'national-baseline.json'), 'utf8'));

  it('has the documented shape, versioned and attributed', () => {
    const result = documentSchema.safeParse(document);
    expect(result.success ? [] : result.error.issues.slice(0, 5)).toEqual([]);
    for (const stored of Object.values(document.indicators) as {
      from: number;
      to: number;
      values: Record<string, unknown[]>;
    }[]) {
      for (const values of Object.values(stored.values))
        expect(values).toHaveLength(stored.to - stored.from + 1);
    }
  });

  it('stays compact: both baseline files together are under 2 MB', () => {
    const bytes = ['national-baseline.json', 'stat-neighbours.json']
      .map((name) => statSync(path.join(BASELINE_DIR, name)).size)
      .reduce((a, b) => a + b, 0);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('is what the builder makes from the published files today', { timeout: 120_000 }, () => {
    expect(buildBaseline().document).toEqual(document);
    const neighbours = JSON.parse(readFileSync(path.join(BASELINE_DIR, 'stat-neighbours.json'), 'utf8'));
    expect(buildStatNeighbours()).toEqual(neighbours);
  });
});

describe('statistical neighbours', () => {
  it('lists each council’s 10 neighbours in DfE’s rank order', () => {
    const rows = readReferenceCsv('stat_neighbours_may2025.csv');
    for (const la of ['886', '857', '201', '420']) {
      const expected = rows
        .filter((row) => row.la_number === la)
        .sort((a, b) => Number(a.sn_rank) - Number(b.sn_rank))
        .map((row) => row.sn_la_number);
      expect(loadStatNeighbours().of(la)).toEqual(expected);
    }
  });
});
