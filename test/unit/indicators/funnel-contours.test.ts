// The funnel's limit lines: each sample is the limits at its denominator, and the samples span the range.
import { describe, expect, it } from 'vitest';
import { funnelContours, funnelLimits } from '../../../shared/domain/indicators/benchmarks.ts';

describe('funnel contours', () => {
  it('runs from the smallest to the largest denominator, each sample the limits at that denominator', () => {
    const contours = funnelContours(0.2, 25, 2500, 10);
    expect(contours).toHaveLength(10);
    expect(contours[0]!.denominator).toBe(25);
    expect(contours.at(-1)!.denominator).toBe(2500);
    for (const sample of contours) expect(sample).toEqual(funnelLimits(0.2, sample.denominator));
    // At n = 25 and p0 = 0.2 the standard error is 0.08: the 95% limits are 0.2 ± 1.96 × 0.08.
    expect(contours[0]!.upper95).toBeCloseTo(0.2 + 1.959964 * 0.08, 6);
    expect(contours[0]!.lower998).toBeCloseTo(Math.max(0, 0.2 - 3.090232 * 0.08), 6);
  });

  it('narrows as the denominator grows, the 99.8% limits always outside the 95% ones', () => {
    const contours = funnelContours(0.3, 10, 5000);
    for (let index = 1; index < contours.length; index += 1) {
      expect(contours[index]!.denominator).toBeGreaterThan(contours[index - 1]!.denominator);
      expect(contours[index]!.upper95 - contours[index]!.lower95).toBeLessThan(
        contours[index - 1]!.upper95 - contours[index - 1]!.lower95,
      );
    }
    for (const sample of contours) {
      expect(sample.upper998).toBeGreaterThanOrEqual(sample.upper95);
      expect(sample.lower998).toBeLessThanOrEqual(sample.lower95);
    }
  });

  it('samples more densely at small denominators, where the limits bend most', () => {
    const contours = funnelContours(0.5, 1, 10_000, 11);
    const gaps = contours.slice(1).map((sample, index) => sample.denominator - contours[index]!.denominator);
    expect(gaps[0]).toBeLessThan(gaps.at(-1)!);
  });

  it('is empty without a positive denominator to draw', () => {
    expect(funnelContours(0.2, 50, 10)).toEqual([]);
    expect(funnelContours(0.2, 0, Number.NaN)).toEqual([]);
  });
});
