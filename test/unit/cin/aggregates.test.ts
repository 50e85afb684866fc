// Council-level CIN aggregates: each figure on children built to sit either side of its definition.
import { describe, expect, it } from 'vitest';
import { CinAggregator } from '../../../shared/domain/cin/aggregates.ts';
import type { CinChild } from '../../../shared/domain/cin/model.ts';
import { parseIsoDate } from '../../../shared/domain/dates.ts';
import { closedEpisode, type TestChild, validChild } from './fixtures.ts';

const d = (text: string) => parseIsoDate(text)!;
const run = (children: [TestChild, string][], previous: Map<string, number[]> | null = null) => {
  const aggregator = new CinAggregator(2025, previous);
  for (const [child, key] of children) aggregator.add(child as CinChild, key);
  return aggregator.result();
};
const referredOn = (date: string, patch: Partial<TestChild['episodes'][number]> = {}): TestChild => {
  const child = validChild();
  child.episodes = [{ ...closedEpisode(), referralDate: date, closureDate: '', closureReason: '', ...patch }];
  return child;
};

describe('CIN aggregates (2024/25)', () => {
  it('counts referrals in the year and those with no further action', () => {
    const result = run([
      [referredOn('2024-04-01'), 'a'],
      [referredOn('2025-03-31', { referralNfa: '1', assessments: [] }), 'b'],
      [referredOn('2024-03-31'), 'c'],
    ]);
    expect(result.children).toBe(3);
    expect(result.indicators['referral-rate']).toEqual({ numerator: 2, denominator: null });
    expect(result.indicators['referrals-no-further-action']).toEqual({ numerator: 1, denominator: 2 });
  });

  it('links re-referrals within 12 months through the keyed ID, across years and within the return', () => {
    const previous = new Map([
      ['k1', [d('2023-12-01')]],
      ['k2', [d('2023-11-30')]],
    ]);
    const twice = validChild();
    twice.episodes = [
      { ...closedEpisode(), referralDate: '2024-05-01', closureDate: '2024-05-20' },
      { ...closedEpisode(), referralDate: '2025-02-01', closureDate: '', closureReason: '' },
    ];
    const result = run(
      [
        [referredOn('2024-12-01'), 'k1'], // previous referral exactly 12 months before: a re-referral
        [referredOn('2024-12-01'), 'k2'], // 12 months and a day before: not
        [referredOn('2024-12-01'), 'k3'], // never referred before
        [twice, 'k4'], // second referral 9 months after the first
        [referredOn('2024-12-01'), ''], // no LA child ID: cannot be linked
      ],
      previous,
    );
    expect(result.indicators['re-referrals']).toEqual({ numerator: 2, denominator: 6 });
    // Without last year's return the figure is left out rather than understated.
    expect(run([[referredOn('2024-12-01'), 'k1']]).indicators['re-referrals']).toBeUndefined();
  });

  it('times assessments in working days from start to authorisation', () => {
    const assessed = (start: string, authorised: string) =>
      referredOn('2024-11-01', {
        assessments: [
          { line: 1, where: 'an added module', start, internalReview: '', authorised, factors: ['1A'] },
        ],
      });
    const result = run([
      [assessed('2024-12-02', '2025-02-06'), 'a'], // 45 working days (Christmas and New Year off)
      [assessed('2024-12-02', '2025-02-07'), 'b'], // 46
      [assessed('2024-03-01', '2024-03-28'), 'c'], // authorised before the year: not counted
      [assessed('2025-03-20', ''), 'd'], // not completed: not counted
    ]);
    expect(result.indicators['assessment-timeliness']).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts section 47 enquiries and conferences, and times conferences in working days', () => {
    const enquiry = (start: string, icpcDate: string) =>
      referredOn('2024-11-01', {
        section47: [
          { line: 1, where: 'an added module', start, icpcTarget: '', icpcDate, icpcNotRequired: '0' },
        ],
      });
    const result = run([
      [enquiry('2025-03-10', '2025-03-31'), 'a'], // 15 working days
      [enquiry('2025-03-07', '2025-03-31'), 'b'], // 16
      [enquiry('2025-03-28', ''), 'c'], // no conference yet
      [referredOn('2024-11-01', { icpcDate: '2024-11-20' }), 'd'], // conference on the episode only
    ]);
    expect(result.indicators['section-47-rate']).toEqual({ numerator: 3, denominator: null });
    expect(result.indicators['icpc-rate']).toEqual({ numerator: 3, denominator: null });
    expect(result.indicators['icpc-timeliness']).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts children in need and on a plan at 31 March, long and repeat plans, and reviews on time', () => {
    const onPlan = (start: string, previousPlans: string, reviews: string[], end = '') => {
      const child = validChild();
      Object.assign(child.episodes[0]!.protectionPlans[0]!, { start, end, previousPlans, reviews });
      child.episodes[0]!.section47 = [];
      child.episodes[0]!.referralDate = '2023-01-02';
      return child;
    };
    const result = run([
      [validChild(), 'a'], // plan from 2024-06-28, reviewed in time
      [onPlan('2023-03-31', '0', ['2023-06-20', '2023-12-01', '2024-05-30', '2024-11-25']), 'b'], // 2 years exactly
      [onPlan('2023-04-01', '2', ['2023-06-20', '2023-12-01', '2024-05-30', '2024-12-01']), 'c'], // 731 days; 30 May + 6 months is 30 November: a day late
      [onPlan('2024-05-01', '1', ['2024-07-01', '2024-10-01'], '2024-12-01'), 'd'], // ended before 31 March
      [onPlan('2025-01-15', '1', []), 'e'], // under 3 months at 31 March: no review due yet
      [referredOn('2025-03-01', { referralNfa: '1', assessments: [] }), 'f'], // no further action: not in need
      [referredOn('2024-06-01', { closureDate: '2025-03-31', closureReason: 'RC7' }), 'g'], // closed on 31 March
    ]);
    expect(result.indicators['cin-rate']).toEqual({ numerator: 5, denominator: null });
    expect(result.indicators['cp-rate']).toEqual({ numerator: 4, denominator: null });
    // b and c have lasted 730 days or more (counting both ends).
    expect(result.indicators['long-cp-plans']).toEqual({ numerator: 2, denominator: 4 });
    // Plans starting in the year: a (0 previous), d (1), e (1).
    expect(result.indicators['repeat-cp-plans']).toEqual({ numerator: 2, denominator: 3 });
    // On a plan for 3 months or more at 31 March: a, b, c; c's fourth review was late.
    expect(result.indicators['cp-reviews-on-time']).toEqual({ numerator: 2, denominator: 3 });
  });

  it('finds a review overdue at 31 March', () => {
    const child = validChild();
    child.episodes[0]!.protectionPlans[0]!.reviews = ['2024-09-20'];
    // Next review was due by 20 March 2025.
    expect(run([[child, 'a']]).indicators['cp-reviews-on-time']).toEqual({ numerator: 0, denominator: 1 });
  });

  it('keeps a plan without NumberOfPreviousCPP in the repeat plan count, as it is in the plan rate', () => {
    const plan = (previousPlans: string) => {
      const child = validChild();
      child.episodes[0]!.protectionPlans[0]!.previousPlans = previousPlans;
      return child;
    };
    const result = run([
      [plan('1'), 'a'],
      [plan(''), 'b'], // not recorded: a plan started in the year, not known to be a repeat
      [plan('0'), 'c'],
    ]);
    expect(result.indicators['cp-rate']).toEqual({ numerator: 3, denominator: null });
    expect(result.indicators['repeat-cp-plans']).toEqual({ numerator: 1, denominator: 3 });
  });

  it('reads 2 years of a plan as 730 days counting the first and last day (DfE: more than 729 days)', () => {
    const onPlanFrom = (start: string) => {
      const child = validChild();
      Object.assign(child.episodes[0]!.protectionPlans[0]!, { start, reviews: [] });
      child.episodes[0]!.section47 = [];
      child.episodes[0]!.referralDate = '2023-01-02';
      return child;
    };
    const result = run([
      [onPlanFrom('2023-04-02'), 'a'], // 730 days to 31 March 2025
      [onPlanFrom('2023-04-03'), 'b'], // 729 days
    ]);
    expect(result.indicators['long-cp-plans']).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts referrals assessed as not in need: assessed, closed RC8 or RC9, with no plan', () => {
    const closed = (closureReason: string, patch: Partial<TestChild['episodes'][number]> = {}) =>
      referredOn('2024-05-01', {
        closureDate: '2024-06-20',
        closureReason,
        section47: [],
        protectionPlans: [],
        ...patch,
      });
    const result = run([
      [closed('RC8'), 'a'], // assessed, no further action
      [closed('RC9'), 'b'], // assessed, referred to early help
      [closed('RC8', { assessments: [] }), 'c'], // closed without an assessment
      [closed('RC8', { referralNfa: '1' }), 'd'], // no further action at referral
      [
        closed('RC8', {
          cinPlans: [{ line: 1, where: 'an added module', start: '2024-06-10', end: '2024-06-19' }],
        }),
        'e',
      ], // a plan followed
      [closed('RC1'), 'f'], // closed for another reason
      [referredOn('2024-03-20', { closureDate: '2024-04-20', closureReason: 'RC8' }), 'g'], // referred last year
    ]);
    expect(result.indicators['assessed-not-in-need']).toEqual({ numerator: 2, denominator: 6 });
  });
});
