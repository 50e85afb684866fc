// Domain: what a generated return aims at. Each indicator's target is the council's published figure for the
// year; for a year DfE has not published (or a suppressed figure), the council's nearest published year, and
// failing that England's. Rates per 10,000 children are turned into counts with the child population DfE
// printed beside them.
import type { NationalBaseline } from '../indicators/baseline.ts';
import { ENGLAND } from '../indicators/baseline.ts';

export interface Target {
  readonly value: number;
  /** Where the value comes from, e.g. "886 2025" or "england 2025". */
  readonly from: string;
}

function nearestNumber(
  baseline: NationalBaseline,
  indicator: string,
  area: string,
  year: number,
  pick: (cell: NonNullable<ReturnType<NationalBaseline['cell']>>) => unknown,
): { value: number; year: number } | undefined {
  const periods = [...baseline.periods(indicator)].sort(
    (a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b,
  );
  for (const period of periods) {
    const cell = baseline.cell(indicator, area, period);
    const value = cell ? pick(cell) : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return { value, year: period };
  }
  return undefined;
}

export class Targets {
  constructor(
    private readonly baseline: NationalBaseline,
    readonly la: string,
    readonly year: number,
  ) {}

  /** The figure to aim at, or the fallback when neither the council nor England has one. */
  target(indicator: string, fallback: number): Target {
    for (const area of [this.la, ENGLAND]) {
      const found = nearestNumber(this.baseline, indicator, area, this.year, (cell) => cell.value);
      if (found) return { value: found.value, from: `${area} ${found.year}` };
    }
    return { value: fallback, from: 'default' };
  }

  /** The target as a share (0 to 1) of a percentage indicator. */
  share(indicator: string, fallbackPercent: number): number {
    return Math.min(1, Math.max(0, this.target(indicator, fallbackPercent).value / 100));
  }

  /** The council's child population DfE printed beside a rate (0 to 17 year olds). */
  population(indicator = 'cla-rate'): number {
    // Rates DfE printed without their population (e.g. section 47 enquiries) use the one printed beside others.
    for (const code of [indicator, 'cin-rate', 'cla-rate']) {
      const found = nearestNumber(this.baseline, code, this.la, this.year, (cell) => cell.denominator);
      if (found) return found.value;
    }
    return 250_000;
  }

  /** The denominator DfE published beside an indicator (e.g. FTE in post for turnover), or the fallback. */
  denominator(indicator: string, fallback: number): number {
    const found = nearestNumber(this.baseline, indicator, this.la, this.year, (cell) => cell.denominator);
    return found?.value ?? fallback;
  }

  /** A rate per 10,000 children as a count for this council. */
  count(indicator: string, fallbackRate: number): number {
    return Math.max(
      1,
      Math.round((this.target(indicator, fallbackRate).value * this.population(indicator)) / 10_000),
    );
  }
}
