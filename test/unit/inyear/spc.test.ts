// XmR charts on in-year measures, tested on hand-made series whose signals are known in advance.
import { describe, expect, it } from 'vitest';
import type { InYearMonth } from '../../../shared/domain/inyear/months.ts';
import {
  inyearSignals,
  type MonthlyPoint,
  monthName,
  runRules,
  xmrLimits,
} from '../../../shared/domain/inyear/spc.ts';

/** Consecutive months from April 2024 with the given values. */
function series(values: readonly number[], start = '2024-04'): MonthlyPoint[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  return values.map((value, index) => {
    const date = new Date(Date.UTC(year, month - 1 + index, 1));
    return { month: date.toISOString().slice(0, 7), value };
  });
}

/** A stable series: small ups and downs around 80. */
const STABLE = [80, 82, 79, 81, 80, 83, 78, 81, 80, 82, 79, 81];

describe('XmR limits', () => {
  it('sets the centre and natural process limits from the baseline months', () => {
    const limits = xmrLimits(series([10, 12, 11, 13, 12, 11, 12, 13]))!;
    expect(limits.centre).toBeCloseTo(11.75, 10);
    // moving ranges 2, 1, 2, 1, 1, 1, 1: mean 9 / 7
    expect(limits.averageMovingRange).toBeCloseTo(9 / 7, 10);
    expect(limits.upper).toBeCloseTo(11.75 + 2.66 * (9 / 7), 10);
    expect(limits.lower).toBeCloseTo(11.75 - 2.66 * (9 / 7), 10);
  });

  it('uses only the first twelve months, so a later decline does not widen its own limits', () => {
    const limits = xmrLimits(series([...STABLE, 40, 30, 20]))!;
    expect(limits.baselinePoints).toBe(12);
    expect(limits.centre).toBeCloseTo(80.5, 10);
  });

  it('needs eight months', () => {
    expect(xmrLimits(series([80, 81, 79, 80, 82, 78, 80]))).toBeNull();
  });

  it('keeps a percentage between 0 and 100', () => {
    const limits = xmrLimits(series([98, 100, 90, 100, 95, 100, 92, 100]), { min: 0, max: 100 })!;
    expect(limits.upper).toBe(100);
  });
});

describe('run rules, worse side only, holding at the latest month', () => {
  it('finds nothing in a stable series', () => {
    const points = series([...STABLE, 80, 81, 79]);
    expect(runRules(points, xmrLimits(points)!, 'down')).toEqual([]);
  });

  it('rule 1: a month beyond the lower limit, dated to the start of the months beyond it', () => {
    const points = series([...STABLE, 81, 60, 58]);
    const findings = runRules(points, xmrLimits(points)!, 'down');
    expect(findings).toContainEqual({ rule: 'beyond-limit', startMonth: '2025-05', months: 2 });
  });

  it('rule 2: eight months in a row below the centre, from the month the run began', () => {
    const points = series([...STABLE, 78, 79, 77, 79, 78, 79, 77, 78]);
    const findings = runRules(points, xmrLimits(points)!, 'down');
    expect(findings).toEqual([{ rule: 'run-one-side', startMonth: '2025-04', months: 8 }]);
  });

  it('rule 2 does not fire at seven months', () => {
    const points = series([...STABLE, 78, 79, 77, 79, 78, 79, 77]);
    expect(runRules(points, xmrLimits(points)!, 'down')).toEqual([]);
  });

  it('rule 3: six months each worse than the last (five falls running)', () => {
    const points = series([...STABLE, 82, 81, 80, 79.5, 79, 78.5]);
    const findings = runRules(points, xmrLimits(points)!, 'down');
    expect(findings).toEqual([{ rule: 'trend', startMonth: '2025-04', months: 6 }]);
  });

  it('an episode that has passed is not a signal now', () => {
    const points = series([...STABLE, 50, 81, 80]);
    expect(runRules(points, xmrLimits(points)!, 'down')).toEqual([]);
  });

  it('an improvement is not a deterioration', () => {
    const points = series([...STABLE, 90, 95, 99]);
    expect(runRules(points, xmrLimits(points)!, 'down')).toEqual([]);
    expect(runRules(points, xmrLimits(points)!, 'up').map((finding) => finding.rule)).toEqual([
      'beyond-limit',
    ]);
  });
});

/** In-year months from April 2024 with assessments completed and within 45 days (and a steady caseload). */
function inyearMonths(within: readonly number[], completed = 100): InYearMonth[] {
  return series(within).map((point, index) => ({
    month: point.month,
    figures: {
      assessments_completed: completed,
      assessments_within_45_days: point.value,
      sw_cases: 1800 + (index % 2) * 20,
      sw_case_holder_fte: 100,
    },
    submissionId: `s${index}`,
    receivedAt: '2025-12-01T00:00:00Z',
    revision: 1,
  }));
}

describe('in-year signals for advisers', () => {
  it('words a decline in timeliness with its start month, and leaves a steady caseload alone', () => {
    const signals = inyearSignals(inyearMonths([...STABLE, 84, 80, 76, 72, 68, 64]));
    expect(signals).toHaveLength(1);
    const [signal] = signals;
    expect(signal).toMatchObject({
      measure: 'assessment-timeliness',
      startMonth: '2025-04',
      beyondLimit: true,
    });
    expect(signal!.text).toContain('Assessments completed within 45 working days 64% in September 2025');
    expect(signal!.text).toContain('fell for 5 months running since April 2025 (from 84%)');
    expect(signal!.text).toContain('below its usual range');
  });

  it('says nothing for a stable year or too few months', () => {
    expect(inyearSignals(inyearMonths([...STABLE, 81, 80]))).toEqual([]);
    expect(inyearSignals(inyearMonths([80, 60, 40]))).toEqual([]);
  });

  it('skips months without a denominator rather than reading them as zero', () => {
    const months = inyearMonths([...STABLE, 80, 81]);
    const gap = { ...months[12]!, figures: { ...months[12]!.figures, assessments_completed: 0 } };
    expect(inyearSignals([...months.slice(0, 12), gap, months[13]!])).toEqual([]);
  });

  it('names months as advisers read them', () => {
    expect(monthName('2025-06')).toBe('June 2025');
  });
});
