// Domain: the benchmarking maths — small, named, pure functions that every view reuses.
//
// Conventions follow DfE's Local Authority Interactive Tool (LAIT) where councils already know them:
// quartile bands A-D with A the best, national rank with ties sharing the better rank, change on the
// previous period read through the indicator's polarity, and the statistical-neighbour average.
import type { Polarity } from './register.ts';

// Averages ----------------------------------------------------------------------------------------

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// Statistical neighbours --------------------------------------------------------------------------

export interface NeighbourSummary {
  /** The mean of the neighbours that have a value (LAIT shows this one). */
  readonly mean: number;
  /** The median of the same values (DfE's newer dashboards show this one). */
  readonly median: number;
  /** How many of the neighbours had a value. */
  readonly count: number;
}

/**
 * Mean and median of a council's statistical neighbours' values. Neighbours without a value (suppressed,
 * not returned) are left out rather than counted as zero; null when none has a value.
 */
export function statisticalNeighbourSummary(
  neighbourValues: readonly (number | null | undefined)[],
): NeighbourSummary | null {
  const present = neighbourValues.filter((value): value is number => typeof value === 'number');
  const average = mean(present);
  const middle = median(present);
  if (average === null || middle === null) return null;
  return { mean: average, median: middle, count: present.length };
}

// Quartile bands ----------------------------------------------------------------------------------

export type QuartileBand = 'A' | 'B' | 'C' | 'D';

export interface QuartileCutPoints {
  readonly min: number;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
  readonly max: number;
  /** How many values the cut points were computed from. */
  readonly count: number;
}

/** Fewer values than this give no quartile bands: four councils cannot be split into meaningful quarters. */
export const MIN_VALUES_FOR_QUARTILES = 4;

/**
 * The p-quantile of values sorted ascending, by linear interpolation between order statistics: the
 * position is (n - 1) * p counted from 0, and a fractional position takes the matching share of the gap
 * to the next value. This is the default method of R's `quantile()`, which LAIT uses for its bands.
 */
export function quantile(sortedAscending: readonly number[], probability: number): number {
  if (sortedAscending.length === 0) throw new RangeError('quantile of no values');
  if (!(probability >= 0 && probability <= 1))
    throw new RangeError(`probability ${probability} is not in [0, 1]`);
  const position = (sortedAscending.length - 1) * probability;
  const below = Math.floor(position);
  const lower = sortedAscending[below]!;
  const upper = sortedAscending[Math.min(below + 1, sortedAscending.length - 1)]!;
  return lower + (position - below) * (upper - lower);
}

/** Minimum, quartiles and maximum of all councils' values; null when there are too few values. */
export function quartileCutPoints(values: readonly number[]): QuartileCutPoints | null {
  return quartileCutPointsOfSorted([...values].sort((a, b) => a - b));
}

/** As `quartileCutPoints`, for values already sorted ascending. */
export function quartileCutPointsOfSorted(sorted: readonly number[]): QuartileCutPoints | null {
  if (sorted.length < MIN_VALUES_FOR_QUARTILES) return null;
  return {
    min: sorted[0]!,
    lowerQuartile: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    upperQuartile: quantile(sorted, 0.75),
    max: sorted.at(-1)!,
    count: sorted.length,
  };
}

/**
 * The quartile band of a value, A best. As in LAIT, the value is first placed on the ascending scale —
 * up to and including the lower quartile is the first quarter, above it up to and including the median
 * the second, then up to and including the upper quartile, then above — and the quarters are lettered by
 * polarity: where higher is worse the lowest quarter is A, where higher is better the highest quarter is
 * A. A value exactly on a cut point therefore joins the lower-valued quarter, which is the better band
 * when higher is worse and the worse band when higher is better. Values outside [min, max] (a council
 * compared with a distribution it is not part of) join the nearest end quarter. Context indicators have
 * no band (null).
 */
export function quartileBand(
  value: number,
  cutPoints: QuartileCutPoints,
  polarity: Polarity,
): QuartileBand | null {
  if (polarity === 'context') return null;
  let quarter: 0 | 1 | 2 | 3;
  if (value <= cutPoints.lowerQuartile) quarter = 0;
  else if (value <= cutPoints.median) quarter = 1;
  else if (value <= cutPoints.upperQuartile) quarter = 2;
  else quarter = 3;
  const ascendingLetters: readonly QuartileBand[] =
    polarity === 'higherWorse' ? ['A', 'B', 'C', 'D'] : ['D', 'C', 'B', 'A'];
  return ascendingLetters[quarter]!;
}

// Rank --------------------------------------------------------------------------------------------

/** Whether `a` is strictly better than `b` for the polarity (never, for context indicators). */
function isBetter(a: number, b: number, polarity: Polarity): boolean {
  if (polarity === 'higherBetter') return a > b;
  if (polarity === 'higherWorse') return a < b;
  return false;
}

/**
 * National rank, 1 the best: one more than the number of councils strictly better. Tied councils share
 * the better rank (two councils tied best are both 1, the next is 3). `allValues` is every council's
 * value, including this one. Context indicators are not ranked (null).
 */
export function nationalRank(value: number, allValues: readonly number[], polarity: Polarity): number | null {
  if (polarity === 'context') return null;
  let better = 0;
  for (const other of allValues) if (isBetter(other, value, polarity)) better += 1;
  return better + 1;
}

/** How many of the ascending values are strictly below `value` (binary search). */
function countBelow(sortedAscending: readonly number[], value: number): number {
  let low = 0;
  let high = sortedAscending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedAscending[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The ascending values with one council's value taken out (when it had one) and another put in, kept in
 * order by binary search: the same array a fresh sort of the changed values would give, without sorting.
 */
export function sortedWithReplacement(
  sortedAscending: readonly number[],
  removed: number | undefined,
  inserted: number,
): number[] {
  const result = sortedAscending.slice();
  if (removed !== undefined) {
    const at = countBelow(result, removed);
    if (result[at] === removed) result.splice(at, 1);
  }
  result.splice(countBelow(result, inserted), 0, inserted);
  return result;
}

/** How many of the ascending values are strictly above `value` (binary search). */
function countAbove(sortedAscending: readonly number[], value: number): number {
  let low = 0;
  let high = sortedAscending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedAscending[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return sortedAscending.length - low;
}

/**
 * The same rank as `nationalRank`, from values already sorted ascending: a binary search instead of a
 * pass over every council, for recomputing all councils at once.
 */
export function nationalRankInSorted(
  value: number,
  sortedAscending: readonly number[],
  polarity: Polarity,
): number | null {
  if (polarity === 'context') return null;
  const better =
    polarity === 'higherWorse' ? countBelow(sortedAscending, value) : countAbove(sortedAscending, value);
  return better + 1;
}

// Change on the previous period -------------------------------------------------------------------

export type ChangeDirection = 'improved' | 'worsened' | 'unchanged' | 'context';

export interface PeriodChange {
  readonly previous: number;
  /** Current minus previous, in the indicator's unit (percentage points for percentages). */
  readonly change: number;
  readonly direction: ChangeDirection;
}

/**
 * The change from the previous period and what it means: improved or worsened by polarity, unchanged when
 * equal. Context indicators always read 'context' (the arrow is shown uncoloured). Null when either value
 * is missing: a suppressed figure is not zero.
 */
export function changeOnPreviousPeriod(
  current: number | null | undefined,
  previous: number | null | undefined,
  polarity: Polarity,
): PeriodChange | null {
  if (typeof current !== 'number' || typeof previous !== 'number') return null;
  // Published figures have at most a few decimals; rounding removes binary noise such as 0.1000000000001.
  const change = Math.round((current - previous) * 1e9) / 1e9;
  let direction: ChangeDirection;
  if (polarity === 'context') direction = 'context';
  else if (change === 0) direction = 'unchanged';
  else direction = change > 0 === (polarity === 'higherBetter') ? 'improved' : 'worsened';
  return { previous, change, direction };
}

// Funnel-plot control limits (Spiegelhalter 2005) -------------------------------------------------

/** Two-sided normal quantiles: 95% limits sit 1.96 SD from the target, 99.8% limits 3.09 SD. */
const Z_95 = 1.959963984540054;
const Z_99_8 = 3.090232306167813;

export interface FunnelLimits {
  /** The target proportion p0 (for example England's), between 0 and 1. */
  readonly target: number;
  readonly denominator: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

/**
 * Control limits for a proportion with denominator n around target p0, by the normal approximation to
 * the binomial: p0 ± z·sqrt(p0(1 − p0)/n), clipped to [0, 1]. The approximation is the one Spiegelhalter
 * (2005) gives for large n; for very small n or p0 near 0 or 1 it is rough, and when p0 is exactly 0 or
 * 1 the limits collapse onto p0. Null when n is not positive.
 */
export function funnelLimits(target: number, denominator: number): FunnelLimits | null {
  if (!(target >= 0 && target <= 1)) throw new RangeError(`target proportion ${target} is not in [0, 1]`);
  if (!(denominator > 0)) return null;
  const standardError = Math.sqrt((target * (1 - target)) / denominator);
  const clip = (proportion: number) => Math.min(1, Math.max(0, proportion));
  return {
    target,
    denominator,
    lower95: clip(target - Z_95 * standardError),
    upper95: clip(target + Z_95 * standardError),
    lower998: clip(target - Z_99_8 * standardError),
    upper998: clip(target + Z_99_8 * standardError),
  };
}

/**
 * The funnel's four limit lines, sampled from the smallest to the largest denominator on a square-root
 * spacing (the limits change fastest at small n, where evenly spaced samples would draw corners). Both
 * ends are included; empty when the range holds no positive denominator.
 */
export function funnelContours(
  target: number,
  smallest: number,
  largest: number,
  samples = 40,
): FunnelLimits[] {
  const from = Math.max(1, Math.floor(smallest));
  const to = Math.ceil(largest);
  if (!(to >= from)) return [];
  const count = Math.max(2, Math.floor(samples));
  const [rootFrom, rootTo] = [Math.sqrt(from), Math.sqrt(to)];
  const denominators = Array.from({ length: count }, (_, index) =>
    index === count - 1 ? to : (rootFrom + ((rootTo - rootFrom) * index) / (count - 1)) ** 2,
  );
  return [...new Set(denominators)].map((n) => funnelLimits(target, n)!);
}

export type FunnelSide = 'above' | 'within' | 'below';

export interface FunnelPosition {
  readonly observed: number;
  /** Against the 95% limits (about 1 council in 20 falls outside by chance). */
  readonly at95: FunnelSide;
  /** Against the 99.8% limits (about 1 in 500 by chance). */
  readonly at998: FunnelSide;
}

/** Where an observed proportion falls against the limits; a value on a limit is within. */
export function funnelPosition(observed: number, limits: FunnelLimits): FunnelPosition {
  const side = (lower: number, upper: number): FunnelSide =>
    observed > upper ? 'above' : observed < lower ? 'below' : 'within';
  return {
    observed,
    at95: side(limits.lower95, limits.upper95),
    at998: side(limits.lower998, limits.upper998),
  };
}
