// Benchmark functions against small examples worked by hand (and, for quantiles, against R's quantile()).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeOnPreviousPeriod,
  funnelLimits,
  funnelPosition,
  MIN_VALUES_FOR_QUARTILES,
  mean,
  median,
  nationalRank,
  nationalRankInSorted,
  quantile,
  quartileBand,
  quartileCutPoints,
  sortedWithReplacement,
  statisticalNeighbourSummary,
} from '../../../shared/domain/indicators/benchmarks.ts';

describe('quantile (R type 7, as LAIT uses)', () => {
  it('interpolates between order statistics: quantile(c(1, 2, 3, 4)) in R is 1, 1.75, 2.5, 3.25, 4', () => {
    const sorted = [1, 2, 3, 4];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantile(sorted, p))).toEqual([1, 1.75, 2.5, 3.25, 4]);
  });

  it('lands on values when (n - 1)p is whole: quantile(c(10, 20, 30, 40, 50)) is 10, 20, 30, 40, 50', () => {
    expect([0.25, 0.5, 0.75].map((p) => quantile([10, 20, 30, 40, 50], p))).toEqual([20, 30, 40]);
  });

  it('rejects an empty list and a probability outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
  });
});

describe('quartile cut points and bands', () => {
  // quantile(1:8) in R: 1, 2.75, 4.5, 6.25, 8
  const cutPoints = quartileCutPoints([8, 3, 1, 6, 2, 7, 5, 4])!;

  it('sorts the values and reports the cut points and count', () => {
    expect(cutPoints).toEqual({
      min: 1,
      lowerQuartile: 2.75,
      median: 4.5,
      upperQuartile: 6.25,
      max: 8,
      count: 8,
    });
  });

  it('letters the lowest quarter A where higher is worse; a value on a cut point joins the lower quarter', () => {
    expect(
      [1, 2.75, 2.76, 4.5, 4.6, 6.25, 6.3, 8].map((v) => quartileBand(v, cutPoints, 'higherWorse')),
    ).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });

  it('letters the highest quarter A where higher is better, so a value on a cut point takes the worse band', () => {
    expect(
      [8, 6.3, 6.25, 4.6, 4.5, 2.76, 2.75, 1].map((v) => quartileBand(v, cutPoints, 'higherBetter')),
    ).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
  });

  it('gives context indicators no band', () => {
    expect(quartileBand(1, cutPoints, 'context')).toBeNull();
  });

  it('places values outside the range in the end quarters', () => {
    expect(quartileBand(-5, cutPoints, 'higherWorse')).toBe('A');
    expect(quartileBand(99, cutPoints, 'higherWorse')).toBe('D');
    expect(quartileBand(99, cutPoints, 'higherBetter')).toBe('A');
  });

  it('gives no cut points for fewer than 4 councils', () => {
    expect(MIN_VALUES_FOR_QUARTILES).toBe(4);
    expect(quartileCutPoints([])).toBeNull();
    expect(quartileCutPoints([3, 1, 2])).toBeNull();
    expect(quartileCutPoints([3, 1, 2, 4])).not.toBeNull();
  });

  it('handles ties: all-equal values put every council in the band of the lower-valued quarter', () => {
    const tied = quartileCutPoints([5, 5, 5, 5])!;
    expect(quartileBand(5, tied, 'higherWorse')).toBe('A');
    expect(quartileBand(5, tied, 'higherBetter')).toBe('D');
  });
});

describe('national rank', () => {
  const values = [20, 10, 30, 20];

  it('ranks 1 the best, with tied councils sharing the better rank', () => {
    expect([30, 20, 10].map((v) => nationalRank(v, values, 'higherBetter'))).toEqual([1, 2, 4]);
    expect([10, 20, 30].map((v) => nationalRank(v, values, 'higherWorse'))).toEqual([1, 2, 4]);
  });

  it('does not rank context indicators', () => {
    expect(nationalRank(10, values, 'context')).toBeNull();
    expect(nationalRankInSorted(10, [10, 20], 'context')).toBeNull();
  });

  it('gives the same rank from sorted values by binary search', () => {
    const sample = [7, 3, 3, 9, 1, 3, 12, 7, 0, 5];
    const sorted = [...sample].sort((a, b) => a - b);
    for (const polarity of ['higherBetter', 'higherWorse'] as const) {
      for (const value of [...sample, -1, 4, 13]) {
        expect(nationalRankInSorted(value, sorted, polarity)).toBe(nationalRank(value, sample, polarity));
      }
    }
  });

  it('ranks a lone council first', () => {
    expect(nationalRank(42, [42], 'higherWorse')).toBe(1);
  });
});

describe('change on previous period', () => {
  it('reads a rise as worse where higher is worse, and removes floating-point noise', () => {
    expect(changeOnPreviousPeriod(22.6, 22.5, 'higherWorse')).toEqual({
      previous: 22.5,
      change: 0.1,
      direction: 'worsened',
    });
    expect(changeOnPreviousPeriod(22.6, 22.5, 'higherBetter')).toEqual({
      previous: 22.5,
      change: 0.1,
      direction: 'improved',
    });
    expect(changeOnPreviousPeriod(80, 85.5, 'higherBetter')?.direction).toBe('worsened');
    expect(changeOnPreviousPeriod(10, 12, 'higherWorse')).toEqual({
      previous: 12,
      change: -2,
      direction: 'improved',
    });
  });

  it('says unchanged when equal, and context for context indicators', () => {
    expect(changeOnPreviousPeriod(14, 14, 'higherWorse')?.direction).toBe('unchanged');
    expect(changeOnPreviousPeriod(500, 450, 'context')).toEqual({
      previous: 450,
      change: 50,
      direction: 'context',
    });
  });

  it('gives no change when either value is missing (suppressed is not zero)', () => {
    expect(changeOnPreviousPeriod(12, undefined, 'higherWorse')).toBeNull();
    expect(changeOnPreviousPeriod(null, 12, 'higherWorse')).toBeNull();
  });
});

describe('statistical neighbours', () => {
  it('averages the neighbours that have a value, leaving the rest out', () => {
    expect(statisticalNeighbourSummary([1, 2, null, 3, undefined, 10])).toEqual({
      mean: 4,
      median: 2.5,
      count: 4,
    });
    expect(statisticalNeighbourSummary([5, 1, 9])).toEqual({ mean: 5, median: 5, count: 3 });
  });

  it('gives nothing when no neighbour has a value', () => {
    expect(statisticalNeighbourSummary([null, undefined])).toBeNull();
    expect(statisticalNeighbourSummary([])).toBeNull();
  });

  it('has mean and median helpers that return null for no values', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('funnel-plot limits (normal approximation)', () => {
  // p0 = 0.2, n = 100: standard error sqrt(0.2 * 0.8 / 100) = 0.04
  const limits = funnelLimits(0.2, 100)!;

  it('puts the 95% limits 1.96 and the 99.8% limits 3.09 standard errors from the target', () => {
    expect(limits.lower95).toBeCloseTo(0.2 - 1.959964 * 0.04, 6);
    expect(limits.upper95).toBeCloseTo(0.278399, 6);
    expect(limits.lower998).toBeCloseTo(0.076391, 6);
    expect(limits.upper998).toBeCloseTo(0.323609, 6);
  });

  it('classifies a council as above, within or below each pair of limits', () => {
    expect(funnelPosition(0.28, limits)).toEqual({ observed: 0.28, at95: 'above', at998: 'within' });
    expect(funnelPosition(0.33, limits)).toMatchObject({ at95: 'above', at998: 'above' });
    expect(funnelPosition(0.1, limits)).toMatchObject({ at95: 'below', at998: 'within' });
    expect(funnelPosition(0.05, limits)).toMatchObject({ at95: 'below', at998: 'below' });
    expect(funnelPosition(0.2, limits)).toMatchObject({ at95: 'within', at998: 'within' });
  });

  it('counts a value exactly on a limit as within', () => {
    expect(funnelPosition(limits.upper95, limits).at95).toBe('within');
  });

  it('narrows with the square root of the denominator', () => {
    const wide = funnelLimits(0.2, 25)!;
    const narrow = funnelLimits(0.2, 2500)!;
    expect(wide.upper95 - wide.lower95).toBeCloseTo(2 * (limits.upper95 - limits.lower95), 9);
    expect(narrow.upper95 - narrow.lower95).toBeCloseTo((limits.upper95 - limits.lower95) / 5, 9);
  });

  it('clips limits to [0, 1] for small denominators', () => {
    const small = funnelLimits(0.05, 10)!;
    expect(small.lower95).toBe(0);
    expect(small.upper95).toBeCloseTo(0.05 + 1.959964 * Math.sqrt(0.0475 / 10), 6);
  });

  it('has no limits for n = 0, and collapses onto p0 when p0 is 0 or 1', () => {
    expect(funnelLimits(0.2, 0)).toBeNull();
    const zero = funnelLimits(0, 50)!;
    expect([zero.lower998, zero.upper998]).toEqual([0, 0]);
    expect(funnelPosition(0, zero).at998).toBe('within');
    expect(funnelPosition(0.02, zero).at998).toBe('above');
    const one = funnelLimits(1, 50)!;
    expect([one.lower95, one.upper95]).toEqual([1, 1]);
    expect(funnelPosition(0.98, one).at95).toBe('below');
  });

  it('rejects a target that is not a proportion', () => {
    expect(() => funnelLimits(22.6, 100)).toThrow(RangeError);
  });
});

describe('sortedWithReplacement', () => {
  it('gives what sorting the changed values afresh gives, for any values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }),
        fc.nat(),
        fc.integer({ min: -60, max: 60 }),
        fc.boolean(),
        (values, pick, inserted, hadValue) => {
          const removed = hadValue && values.length > 0 ? values[pick % values.length] : undefined;
          const sorted = [...values].sort((a, b) => a - b);
          const others = [...values];
          if (removed !== undefined) others.splice(others.indexOf(removed), 1);
          const expected = [...others, inserted].sort((a, b) => a - b);
          expect(sortedWithReplacement(sorted, removed, inserted)).toEqual(expected);
          expect(sorted).toEqual([...values].sort((a, b) => a - b)); // the shared array is left alone
        },
      ),
    );
  });
});
