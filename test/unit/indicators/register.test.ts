import { describe, expect, it } from 'vitest';
import { PUBLISHED_FILES } from '../../../shared/domain/indicators/published-sources.ts';
import {
  type EesColumn,
  INDICATORS,
  isScored,
  type LaitMeasure,
} from '../../../shared/domain/indicators/register.ts';
import { indicatorSchema, registerSchema } from '../../../shared/domain/indicators/register-schema.ts';
import { readReferenceCsv } from './source-data.ts';

describe('indicator register', () => {
  it('passes the register schema (kebab-case unique codes, consistent units, returns and spans)', () => {
    const result = registerSchema.safeParse(INDICATORS);
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([]);
  });

  it('holds every indicator of the core register in docs/indicators.md', () => {
    const core = [
      'referral-rate',
      're-referrals',
      'assessment-timeliness',
      'icpc-timeliness',
      'cp-reviews-on-time',
      'repeat-cp-plans',
      'long-cp-plans',
      'cin-rate',
      'cp-rate',
      'cla-rate',
      'placement-instability',
      'long-term-stability',
      'distant-placements',
      'social-worker-changes',
      'care-leavers-suitable-accommodation',
      'care-leavers-eet',
      'sw-vacancy-rate',
      'sw-turnover-rate',
      'sw-agency-rate',
      'sw-absence-rate',
      'average-caseload',
    ];
    const codes = INDICATORS.map((indicator) => indicator.code);
    expect(core.filter((code) => !codes.includes(code))).toEqual([]);
  });

  it('reads each core indicator the way docs/indicators.md says it reads', () => {
    const polarityOf = (code: string) => INDICATORS.find((indicator) => indicator.code === code)?.polarity;
    expect(polarityOf('referral-rate')).toBe('context');
    expect(polarityOf('re-referrals')).toBe('higherWorse');
    expect(polarityOf('assessment-timeliness')).toBe('higherBetter');
    expect(polarityOf('long-term-stability')).toBe('higherBetter');
    expect(polarityOf('average-caseload')).toBe('higherWorse');
    for (const code of ['cin-rate', 'cp-rate', 'cla-rate']) expect(polarityOf(code)).toBe('context');
  });

  it('gives every scored indicator a direction and keeps context ones unscored', () => {
    for (const indicator of INDICATORS) {
      expect(isScored(indicator), indicator.code).toBe(indicator.polarity !== 'context');
    }
  });

  it('rejects a register with a duplicate code, a bad code, or overlapping published spans', () => {
    const [first, second] = INDICATORS;
    expect(registerSchema.safeParse([first, { ...second!, code: first!.code }]).success).toBe(false);
    expect(indicatorSchema.safeParse({ ...first!, code: 'Referral Rate' }).success).toBe(false);
    const overlapping = {
      ...first!,
      published: [first!.published[0]!, { ...first!.published[0]!, from: 2020, to: 2021 }],
    };
    expect(indicatorSchema.safeParse(overlapping).success).toBe(false);
    expect(indicatorSchema.safeParse({ ...first!, unit: 'per10k', funnelEligible: true }).success).toBe(
      false,
    );
  });

  it('maps only to columns and row labels that exist in the published files', () => {
    const problems: string[] = [];
    for (const indicator of INDICATORS) {
      for (const mapping of indicator.published) {
        const refs: (EesColumn | LaitMeasure)[] = [mapping.value];
        if (mapping.numerator) refs.push(mapping.numerator);
        if (mapping.denominator) {
          refs.push(...('sumOf' in mapping.denominator ? mapping.denominator.sumOf : [mapping.denominator]));
        }
        for (const ref of refs) {
          if (ref.file === 'lait') continue;
          const rows = readReferenceCsv(PUBLISHED_FILES[ref.file].path);
          if (!(ref.column in rows[0]!))
            problems.push(`${indicator.code}: no column ${ref.column} in ${ref.file}`);
          const matching = rows.filter((row) =>
            Object.entries(ref.where ?? {}).every(([column, value]) => row[column] === value),
          );
          if (matching.length === 0)
            problems.push(`${indicator.code}: no rows match ${JSON.stringify(ref.where)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('names LAIT measures that exist, and agrees with the polarity in LAIT’s data dictionary', () => {
    const measures = new Set(readReferenceCsv('lait_csc_subset_measures.csv').map((row) => row.short_desc));
    const dictionary = new Map(
      readReferenceCsv('lait_data_dictionary.csv').map((row) => [row.Measure_short, row.Polarity] as const),
    );
    const expected = (polarity: string | undefined) =>
      polarity === 'High' ? 'higherBetter' : polarity === 'Low' ? 'higherWorse' : 'context';
    const disagreements: string[] = [];
    for (const indicator of INDICATORS) {
      if (!indicator.laitMeasure) continue;
      if (!measures.has(indicator.laitMeasure)) disagreements.push(`${indicator.code}: unknown LAIT measure`);
      const laitPolarity = expected(dictionary.get(indicator.laitMeasure));
      if (laitPolarity !== indicator.polarity) {
        disagreements.push(`${indicator.code}: register ${indicator.polarity}, LAIT ${laitPolarity}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
