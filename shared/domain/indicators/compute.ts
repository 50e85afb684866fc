// Domain: every register indicator for every council and period, with its benchmarks.
//
// A council's value is chosen from its uploaded, published and in-year values (provenance.ts); it is
// then compared with all councils' values for the same period (or, for a period DfE has not published
// yet, the latest published one): quartile band, national rank, statistical neighbours, region and
// England, change on the previous period, and funnel-plot limits for proportions.

import { COUNCILS, type Council, findCouncil } from '../councils.ts';
import type { AreaKey, NationalBaseline } from './baseline.ts';
import { ENGLAND } from './baseline.ts';
import {
  changeOnPreviousPeriod,
  type FunnelLimits,
  type FunnelPosition,
  funnelLimits,
  funnelPosition,
  type NeighbourSummary,
  nationalRankInSorted,
  type PeriodChange,
  type QuartileBand,
  type QuartileCutPoints,
  quartileBand,
  quartileCutPointsOfSorted,
  sortedWithReplacement,
  statisticalNeighbourSummary,
} from './benchmarks.ts';
import { type PublishedDrift, publishedDrift } from './drift.ts';
import {
  type ChosenValue,
  chooseValue,
  type ObservedValue,
  type ValueCandidates,
  type ValueChoice,
} from './provenance.ts';
import type { MissingFigure } from './published-figures.ts';
import { loadNationalBaseline, loadStatNeighbours } from './reference-data.ts';
import { INDICATORS, type IndicatorDefinition } from './register.ts';
import type { StatNeighbours } from './stat-neighbours.ts';
import { councilExistedIn, JOINT_RETURNS } from './superseded-codes.ts';

/** Values computed by us (from uploads or in-year data), looked up by council, indicator and period. */
export interface ValueLookup {
  get(la: string, indicator: string, period: number): ObservedValue | undefined;
}

export interface ObservedRow extends ObservedValue {
  readonly la: string;
  readonly indicator: string;
  readonly period: number;
}

/** A lookup over a list of computed values (the last row wins for a repeated key). */
export function valueTable(rows: Iterable<ObservedRow>): ValueLookup {
  const byKey = new Map<string, ObservedValue>();
  for (const { la, indicator, period, ...value } of rows) byKey.set(`${la}|${indicator}|${period}`, value);
  return { get: (la, indicator, period) => byKey.get(`${la}|${indicator}|${period}`) };
}

export interface IndicatorSources {
  readonly published: NationalBaseline;
  readonly neighbours: StatNeighbours;
  readonly uploaded?: ValueLookup;
  readonly inyear?: ValueLookup;
}

/** The shipped national baseline and statistical neighbours, with no uploaded or in-year values. */
export function publishedSources(): IndicatorSources {
  return { published: loadNationalBaseline(), neighbours: loadStatNeighbours() };
}

export interface FunnelAssessment {
  readonly limits: FunnelLimits;
  readonly position: FunnelPosition;
}

export interface CouncilIndicatorResult {
  readonly la: string;
  readonly indicator: string;
  readonly period: number;
  /**
   * The period the council is compared with: the same period once DfE has published it, otherwise the
   * latest published period before it (so an early upload is benchmarked against real national figures).
   */
  readonly comparatorPeriod: number;
  /** False for a council that did not exist in the period (e.g. Cumberland before April 2023). */
  readonly councilExisted: boolean;
  readonly value: ChosenValue | null;
  readonly candidates: ValueCandidates;
  /** What DfE printed instead of a number, when it did (e.g. "c", suppressed). */
  readonly publishedMissing: MissingFigure | null;
  /** The council this value is shared with, when it comes from a joint return (e.g. Kingston and Richmond). */
  readonly jointReturnWith: string | null;
  /** The denominator is below the register's minimum for display: show with caution or not at all. */
  readonly belowMinimumDenominator: boolean;
  readonly england: number | null;
  readonly region: number | null;
  readonly statNeighbours: NeighbourSummary | null;
  /** Cut points over all councils; the band is null for context indicators. */
  readonly quartile: { readonly band: QuartileBand | null; readonly cutPoints: QuartileCutPoints } | null;
  readonly rank: { readonly rank: number; readonly outOf: number } | null;
  readonly change: PeriodChange | null;
  readonly funnel: FunnelAssessment | null;
  /**
   * The gap between the uploaded value and DfE's published figure for the same period, when both exist
   * and they differ by more than the tolerance (drift.ts); null otherwise. Absent on results stored
   * before it was recorded.
   */
  readonly drift?: PublishedDrift | null;
}

const endsInSeptember = (indicator: IndicatorDefinition) => indicator.periodBasis.endsWith('september');

interface PeriodValues {
  /** Each current council that existed in the period, with every candidate value and the chosen one. */
  readonly choices: ReadonlyMap<string, ValueChoice>;
  /** The chosen number per council, where there is one. */
  readonly values: ReadonlyMap<string, number>;
  /** The same numbers sorted ascending, and the quartile cut points over them. */
  readonly sorted: readonly number[];
  readonly cutPoints: QuartileCutPoints | null;
}

/** Chosen values of all current councils for an indicator and period, worked out once per run. */
class PeriodValuesCache {
  private readonly cache = new Map<string, PeriodValues>();

  constructor(private readonly sources: IndicatorSources) {}

  get(indicator: IndicatorDefinition, period: number): PeriodValues {
    const key = `${indicator.code}|${period}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const choices = new Map<string, ValueChoice>();
    const values = new Map<string, number>();
    for (const council of COUNCILS) {
      if (!councilExistedIn(council.la, period, endsInSeptember(indicator))) continue;
      const published = this.sources.published.cell(indicator.code, council.la, period);
      const uploaded = this.sources.uploaded?.get(council.la, indicator.code, period);
      const inyear = this.sources.inyear?.get(council.la, indicator.code, period);
      const choice = chooseValue({ published, uploaded, inyear });
      choices.set(council.la, choice);
      if (choice.chosen) values.set(council.la, choice.chosen.value);
    }
    const sorted = [...values.values()].sort((a, b) => a - b);
    const periodValues = { choices, values, sorted, cutPoints: quartileCutPointsOfSorted(sorted) };
    this.cache.set(key, periodValues);
    return periodValues;
  }
}

const NO_VALUES: ValueChoice = chooseValue({});

/** The period to compare with: the period itself if published, else the latest published one before it. */
function comparatorPeriodFor(
  baseline: NationalBaseline,
  indicator: IndicatorDefinition,
  period: number,
): number {
  const periods = baseline.periods(indicator.code);
  if (periods.includes(period)) return period;
  const earlier = periods.filter((published) => published < period);
  return earlier.length > 0 ? earlier.at(-1)! : period;
}

function publishedNumber(
  baseline: NationalBaseline,
  indicator: string,
  area: AreaKey,
  period: number,
): number | null {
  const value = baseline.cell(indicator, area, period)?.value;
  return typeof value === 'number' ? value : null;
}

/** The observed proportion for a funnel plot: counts when known, otherwise the published percentage. */
function observedProportion(value: ChosenValue): { proportion: number; denominator: number } | null {
  const { numerator, denominator } = value;
  if (denominator === undefined || !(denominator > 0)) return null;
  if (numerator !== undefined) return { proportion: numerator / denominator, denominator };
  return { proportion: value.value / 100, denominator };
}

/** England's proportion for the period: from its counts when published, otherwise its percentage. */
function englandProportion(baseline: NationalBaseline, indicator: string, period: number): number | null {
  const cell = baseline.cell(indicator, ENGLAND, period);
  if (!cell) return null;
  if (typeof cell.numerator === 'number' && typeof cell.denominator === 'number' && cell.denominator > 0) {
    return cell.numerator / cell.denominator;
  }
  return typeof cell.value === 'number' ? cell.value / 100 : null;
}

function jointPartner(la: string, indicator: IndicatorDefinition, value: ChosenValue | null): string | null {
  if (value?.provenance !== 'published') return null;
  const joint = JOINT_RETURNS.find(
    (entry) => entry.sourceReturn === indicator.sourceReturn && entry.councils.includes(la),
  );
  return joint?.councils.find((other) => other !== la) ?? null;
}

function assess(
  council: Council,
  indicator: IndicatorDefinition,
  period: number,
  sources: IndicatorSources,
  cache: PeriodValuesCache,
): CouncilIndicatorResult {
  const baseline = sources.published;
  const comparatorPeriod = comparatorPeriodFor(baseline, indicator, period);
  const councilExisted = councilExistedIn(council.la, period, endsInSeptember(indicator));
  const choice = cache.get(indicator, period).choices.get(council.la) ?? NO_VALUES;
  const value = choice.chosen;
  const england = publishedNumber(baseline, indicator.code, ENGLAND, comparatorPeriod);
  const region = publishedNumber(baseline, indicator.code, council.region, comparatorPeriod);
  // Results are built as one fixed shape (no spreads): thousands are made per recompute.
  const result = {
    la: council.la,
    indicator: indicator.code,
    period,
    comparatorPeriod,
    councilExisted,
    value,
    candidates: choice.candidates,
    publishedMissing: choice.publishedMissing ?? null,
    jointReturnWith: jointPartner(council.la, indicator, value),
    belowMinimumDenominator: false,
    england,
    region,
    statNeighbours: null as NeighbourSummary | null,
    quartile: null as CouncilIndicatorResult['quartile'],
    rank: null as CouncilIndicatorResult['rank'],
    change: null as PeriodChange | null,
    funnel: null as FunnelAssessment | null,
    drift: publishedDrift(indicator, choice.candidates),
  };
  if (!value) return result;

  // The council's own value against every other council's value for the comparator period. When that is
  // the period itself the distribution is the same for every council and is sorted once; otherwise (a period
  // DfE has not published yet) the council's value takes the place of its published one by binary search.
  const comparison = cache.get(indicator, comparatorPeriod);
  const comparators = comparison.values;
  let sorted = comparison.sorted;
  let cutPoints = comparison.cutPoints;
  const ownComparator = comparators.get(council.la);
  if (comparatorPeriod !== period || ownComparator !== value.value) {
    sorted = sortedWithReplacement(comparison.sorted, ownComparator, value.value);
    cutPoints = quartileCutPointsOfSorted(sorted);
  }
  const rank = nationalRankInSorted(value.value, sorted, indicator.polarity);
  const neighbourValues = sources.neighbours.of(council.la).map((la) => comparators.get(la));
  const previous = cache.get(indicator, period - 1).values.get(council.la);

  const target = indicator.funnelEligible
    ? englandProportion(baseline, indicator.code, comparatorPeriod)
    : null;
  const observed = target === null ? null : observedProportion(value);
  const limits = target === null || !observed ? null : funnelLimits(target, observed.denominator);

  result.belowMinimumDenominator =
    indicator.minimumDenominator !== null &&
    value.denominator !== undefined &&
    value.denominator < indicator.minimumDenominator;
  result.statNeighbours = statisticalNeighbourSummary(neighbourValues);
  result.quartile = cutPoints
    ? { band: quartileBand(value.value, cutPoints, indicator.polarity), cutPoints }
    : null;
  result.rank = rank === null ? null : { rank, outOf: sorted.length };
  result.change = changeOnPreviousPeriod(value.value, previous, indicator.polarity);
  result.funnel =
    limits && observed ? { limits, position: funnelPosition(observed.proportion, limits) } : null;
  return result;
}

/** Every register indicator for one council and period, with benchmarks. Throws for an unknown council. */
export function computeCouncilIndicators(
  la: string,
  period: number,
  sources: IndicatorSources = publishedSources(),
): CouncilIndicatorResult[] {
  const council = findCouncil(la);
  if (!council) throw new Error(`Unknown council: ${la}`);
  const cache = new PeriodValuesCache(sources);
  return INDICATORS.map((indicator) => assess(council, indicator, period, sources, cache));
}

/** Every register indicator for every current council for a period, with benchmarks. */
export function computeAll(
  period: number,
  sources: IndicatorSources = publishedSources(),
): CouncilIndicatorResult[] {
  const cache = new PeriodValuesCache(sources);
  const results: CouncilIndicatorResult[] = [];
  for (const council of COUNCILS) {
    for (const indicator of INDICATORS) results.push(assess(council, indicator, period, sources, cache));
  }
  return results;
}
