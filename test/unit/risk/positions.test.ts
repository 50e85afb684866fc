// Indicator positions: orientation, caps, and the small-number caution (minimum denominator, funnel).
import { describe, expect, it } from 'vitest';
import { scoreIndicators } from '../../../shared/domain/risk/assess.ts';
import { BETTER_POSITION_CAP, INDICATOR_WEIGHTS, POSITION_CAP } from '../../../shared/domain/risk/model.ts';
import { formatPoints, positionOf } from '../../../shared/domain/risk/positions.ts';
import { result, SD } from './fixtures.ts';

describe('positionOf', () => {
  it('orients by polarity so that positive is always worse', () => {
    // Assessment timeliness: higher is better, so one SD below the median is +1.
    expect(positionOf(result('assessment-timeliness', { value: 50 - SD })).position).toBeCloseTo(1, 9);
    // Caseload: higher is worse, so one SD above the median is +1.
    expect(positionOf(result('average-caseload', { value: 50 + SD })).position).toBeCloseTo(1, 9);
    expect(positionOf(result('average-caseload', { value: 50 - 0.5 * SD })).position).toBeCloseTo(-0.5, 9);
  });

  it('caps extreme positions, and better positions more tightly', () => {
    expect(positionOf(result('average-caseload', { value: 50 + 9 * SD })).position).toBe(POSITION_CAP);
    expect(positionOf(result('average-caseload', { value: 50 - 9 * SD })).position).toBe(
      -BETTER_POSITION_CAP,
    );
  });

  it('does not score a value whose denominator is below the minimum', () => {
    const small = positionOf(
      result('care-leavers-eet', { value: 10, denominator: 4, belowMinimumDenominator: true }),
    );
    expect(small.position).toBe(0);
    expect(small.basis).toBe('below-minimum-denominator');
    expect(small.rawPosition).toBeGreaterThan(2);
    expect(small.red).toBe(false);
  });

  it('halves a proportion that lies within the 95% funnel limits for its size', () => {
    const within = positionOf(
      result('care-leavers-eet', { value: 50 - 2 * SD, funnel: { at95: 'within', at998: 'within' } }),
    );
    expect(within.basis).toBe('within-funnel');
    expect(within.position).toBeCloseTo(1, 9);
    const outside = positionOf(
      result('care-leavers-eet', { value: 50 - 2 * SD, funnel: { at95: 'below', at998: 'within' } }),
    );
    expect(outside.basis).toBe('beyond-95-funnel');
    expect(outside.position).toBeCloseTo(2, 9);
    expect(outside.red).toBe(false);
  });

  it('calls a driver red only when it is extreme and, with a funnel, beyond 99.8% on the worse side', () => {
    const extreme = { value: 50 - 2.2 * SD };
    expect(
      positionOf(result('care-leavers-eet', { ...extreme, funnel: { at95: 'below', at998: 'below' } })).red,
    ).toBe(true);
    expect(
      positionOf(result('care-leavers-eet', { ...extreme, funnel: { at95: 'below', at998: 'within' } })).red,
    ).toBe(false);
    expect(positionOf(result('average-caseload', { value: 50 + 2.2 * SD })).red).toBe(true);
    expect(positionOf(result('average-caseload', { value: 50 + 1.5 * SD })).red).toBe(false);
  });

  it('scores nothing without a value or without spread between councils', () => {
    expect(positionOf(result('average-caseload', { value: null })).basis).toBe('no-value');
    const flat = positionOf(result('average-caseload', { value: 60, lowerQuartile: 50, upperQuartile: 50 }));
    expect(flat.basis).toBe('no-spread');
    expect(flat.position).toBe(0);
  });
});

describe('scoreIndicators', () => {
  it('shows context indicators and never scores them', () => {
    const scoring = scoreIndicators([
      result('referral-rate', { value: 900 }),
      result('cla-rate', { value: 5 }),
    ]);
    expect(scoring.scoreHundredths).toBe(0);
    expect(scoring.drivers).toEqual([]);
    expect(scoring.context.map((item) => item.key)).toEqual(['referral-rate', 'cla-rate']);
    expect(scoring.context[0]!.text).toContain('context, not scored');
  });

  it('words a driver for a person with its exact contribution', () => {
    const scoring = scoreIndicators([result('assessment-timeliness', { value: 50 - SD })]);
    const driver = scoring.drivers[0]!;
    expect(driver.contribution).toBe(INDICATOR_WEIGHTS['assessment-timeliness']);
    expect(driver.text).toMatch(/^Assessments completed within 45 working days 40\.0% — .* \(\+0\.94\)$/);
  });

  it('words small numbers as shown but not scored', () => {
    const scoring = scoreIndicators([
      result('care-leavers-eet', { value: 10, denominator: 4, belowMinimumDenominator: true }),
    ]);
    expect(scoring.drivers[0]!.text).toContain('too few to score reliably (4 against a minimum of 10)');
    expect(scoring.drivers[0]!.contribution).toBe(0);
  });

  it('refuses a negative weight, which would reverse an indicator’s polarity', () => {
    expect(() => scoreIndicators([result('average-caseload')], { 'average-caseload': -1 })).toThrow(
      /polarity/,
    );
  });

  it('refuses the same indicator twice', () => {
    expect(() => scoreIndicators([result('average-caseload'), result('average-caseload')])).toThrow(/twice/);
  });

  it('formats points with a sign', () => {
    expect(formatPoints(120)).toBe('+1.20');
    expect(formatPoints(-35)).toBe('\u22120.35');
    expect(formatPoints(0)).toBe('+0.00');
  });
});
