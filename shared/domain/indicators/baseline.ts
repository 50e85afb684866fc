// Domain: the national baseline — every published value of every register indicator, for every council,
// region and England — as stored (a compact JSON document) and as read (a lookup by indicator, area, period).
import {
  isMissingSymbol,
  type MissingReason,
  type MissingSymbol,
  missingFigure,
  type PublishedFigure,
} from './published-figures.ts';
import type { PublishedFileId } from './published-sources.ts';
import type { JointReturn, SupersededCode } from './superseded-codes.ts';

/**
 * An area of the baseline: a council's 3-digit DfE number (current or retired), `england`, a region slug
 * as in `REGIONS` (e.g. `south-east`), or `inner-london` / `outer-london`.
 */
export type AreaKey = string;
export const ENGLAND: AreaKey = 'england';

/** A stored figure: a number, or the DfE symbol that stands in for it; null where nothing was published. */
export type StoredFigure = number | MissingSymbol;
export type StoredSeries = readonly (StoredFigure | null)[];

/**
 * One indicator, stored by column: for each area a series with one entry per period from `from` to `to`.
 * `sources` says which published file the values of each span of periods were read from.
 */
export interface StoredIndicator {
  readonly from: number;
  readonly to: number;
  readonly sources: readonly (readonly [from: number, to: number, file: PublishedFileId])[];
  readonly values: Readonly<Record<AreaKey, StoredSeries>>;
  readonly numerators?: Readonly<Record<AreaKey, StoredSeries>>;
  readonly denominators?: Readonly<Record<AreaKey, StoredSeries>>;
}

export interface StoredSource {
  readonly id: PublishedFileId;
  readonly path: string;
  readonly title: string;
  readonly publication: string;
  readonly publisher: string;
  readonly obtainedFrom: string;
  readonly licence: string;
}

export interface BaselineDocument {
  readonly format: 'upstream-national-baseline';
  /** Bumped whenever the published inputs or the way they are read change. */
  readonly version: string;
  readonly firstPeriod: number;
  readonly latestPeriod: number;
  readonly attribution: string;
  readonly sources: readonly StoredSource[];
  readonly missingSymbols: Readonly<Record<string, MissingReason>>;
  readonly areas: Readonly<Record<AreaKey, string>>;
  readonly supersededCodes: readonly SupersededCode[];
  readonly jointReturns: readonly JointReturn[];
  readonly indicators: Readonly<Record<string, StoredIndicator>>;
}

/** A published value with whatever numerator and denominator DfE published beside it. */
export interface BaselineCell {
  readonly value: PublishedFigure;
  readonly numerator?: PublishedFigure;
  readonly denominator?: PublishedFigure;
  /** The published file the value was read from. */
  readonly source: PublishedFileId;
}

export interface NationalBaseline {
  readonly version: string;
  readonly attribution: string;
  readonly firstPeriod: number;
  readonly latestPeriod: number;
  readonly sources: readonly StoredSource[];
  readonly jointReturns: readonly JointReturn[];
  areaName(area: AreaKey): string | undefined;
  /** The published cell, or undefined when nothing was published for that indicator, area and period. */
  cell(indicator: string, area: AreaKey, period: number): BaselineCell | undefined;
  /** Periods with at least one published cell for the indicator, ascending. */
  periods(indicator: string): readonly number[];
  /** Every published cell of the indicator for a period, keyed by area. */
  cellsFor(indicator: string, period: number): ReadonlyMap<AreaKey, BaselineCell>;
}

function decodeFigure(stored: StoredFigure): PublishedFigure {
  if (typeof stored === 'number') return stored;
  if (!isMissingSymbol(stored)) throw new Error(`Unknown symbol in baseline: ${JSON.stringify(stored)}`);
  return missingFigure(stored);
}

const NO_CELLS: ReadonlyMap<AreaKey, BaselineCell> = new Map();

/** Lays out one period of a stored indicator as area -> cell. */
function decodePeriod(code: string, stored: StoredIndicator, period: number): Map<AreaKey, BaselineCell> {
  const areas = new Map<AreaKey, BaselineCell>();
  if (period < stored.from || period > stored.to) return areas;
  const span = stored.sources.find(([from, to]) => period >= from && period <= to);
  const offset = period - stored.from;
  for (const [area, series] of Object.entries(stored.values)) {
    const value = series[offset];
    if (value == null) continue;
    if (!span) throw new Error(`Baseline ${code} has a value for ${period} but no source for that period`);
    const numerator = stored.numerators?.[area]?.[offset];
    const denominator = stored.denominators?.[area]?.[offset];
    areas.set(area, {
      value: decodeFigure(value),
      numerator: numerator == null ? undefined : decodeFigure(numerator),
      denominator: denominator == null ? undefined : decodeFigure(denominator),
      source: span[2],
    });
  }
  return areas;
}

/** The periods in which at least one area has a stored value, ascending. */
function storedPeriods(stored: StoredIndicator): number[] {
  const periods: number[] = [];
  const series = Object.values(stored.values);
  for (let period = stored.from; period <= stored.to; period += 1) {
    if (series.some((entries) => entries[period - stored.from] != null)) periods.push(period);
  }
  return periods;
}

/**
 * Turns the stored document into lookups. Throws on a document of another format. Each indicator's
 * period is laid out on first use, so a process that reads a few periods does not pay for all of them.
 */
export function decodeBaseline(document: BaselineDocument): NationalBaseline {
  if (document.format !== 'upstream-national-baseline') {
    throw new Error(`Not a national baseline document: ${String(document.format)}`);
  }
  const decoded = new Map<string, Map<AreaKey, BaselineCell>>();
  const periodLists = new Map<string, readonly number[]>();
  const areasOf = (code: string, period: number): ReadonlyMap<AreaKey, BaselineCell> => {
    const key = `${code}|${period}`;
    let areas = decoded.get(key);
    if (!areas) {
      const stored = document.indicators[code];
      if (!stored) return NO_CELLS;
      areas = decodePeriod(code, stored, period);
      decoded.set(key, areas);
    }
    return areas;
  };
  const periodsOf = (code: string): readonly number[] => {
    let periods = periodLists.get(code);
    if (!periods) {
      const stored = document.indicators[code];
      periods = stored ? storedPeriods(stored) : [];
      periodLists.set(code, periods);
    }
    return periods;
  };

  return {
    version: document.version,
    attribution: document.attribution,
    firstPeriod: document.firstPeriod,
    latestPeriod: document.latestPeriod,
    sources: document.sources,
    jointReturns: document.jointReturns,
    areaName: (area) => document.areas[area],
    cell: (code, area, period) => areasOf(code, period).get(area),
    periods: periodsOf,
    cellsFor: areasOf,
  };
}
