// Domain: the summary DfE receives — the sector as a whole, never a named council (README, DfE feeds).
// Councils per band nationally and by region, movement since the last summary, headline indicator
// medians and quartiles, and intelligence counts by category. Built only from bands, indicator values
// and counts: no council name or code and no narrative goes in, so none can come out. Pure.
import { findCouncil, REGIONS } from './councils.ts';
import {
  type Cell,
  oneDecimal,
  percentOfPublished,
  protectCount,
  protectTable,
  ROUND_TOTALS_TO,
  roundTotal,
  SUPPRESS_FROM,
  SUPPRESS_TO,
  SYMBOL_MEANINGS,
} from './disclosure.ts';
import { MIN_VALUES_FOR_QUARTILES, quantile } from './indicators/benchmarks.ts';
import { findIndicator, INDICATORS, type IndicatorUnit } from './indicators/register.ts';
import { CATEGORY_LABELS, INTELLIGENCE_CATEGORIES, type IntelligenceCategory } from './intelligence.ts';
import { RISK_BANDS, type RiskBand } from './risk/model.ts';

export type SummaryTrigger = 'weekly' | 'material-change';

/** Current bands by council code: internal only, kept with a summary so the next one can measure movement. */
export type BandsByCouncil = Readonly<Record<string, RiskBand>>;

export interface IndicatorObservation {
  readonly indicator: string;
  readonly period: number;
  readonly value: { readonly value: number } | null;
}

export interface SummaryInput {
  readonly summaryId: string;
  readonly trigger: SummaryTrigger;
  /** What the summary covers, e.g. "2026-W48" for a weekly one. */
  readonly period: string;
  readonly generatedAt: string;
  readonly bands: BandsByCouncil;
  readonly previous: { readonly summaryId: string; readonly bands: BandsByCouncil } | null;
  readonly indicators: readonly IndicatorObservation[];
  /** Active intelligence items by category, England. */
  readonly intelligence: Readonly<Partial<Record<IntelligenceCategory, number>>>;
}

export interface BandFigure {
  readonly band: RiskBand;
  readonly councils: Cell;
  readonly percent: Cell;
}

export interface RegionBands {
  readonly region: string;
  readonly name: string;
  readonly councils: Cell;
  readonly bands: Readonly<Record<RiskBand, Cell>>;
}

const MOVEMENTS = ['escalated', 'deEscalated', 'unchanged'] as const;
export type Movement = (typeof MOVEMENTS)[number];

export interface RegionMovement {
  readonly region: string;
  readonly name: string;
  readonly movement: Readonly<Record<Movement, Cell>>;
}

export interface IndicatorSummary {
  readonly code: string;
  readonly name: string;
  readonly unit: IndicatorUnit;
  readonly period: number;
  readonly councils: Cell;
  readonly lowerQuartile: Cell;
  readonly median: Cell;
  readonly upperQuartile: Cell;
}

export interface DfeSummary {
  readonly summaryId: string;
  readonly trigger: SummaryTrigger;
  readonly period: string;
  readonly generatedAt: string;
  readonly previousSummaryId: string | null;
  readonly councilsAssessed: Cell;
  readonly england: readonly BandFigure[];
  readonly regions: readonly RegionBands[];
  /** Null for the first summary: there is nothing to move from. */
  readonly movement: {
    readonly england: Readonly<Record<Movement | 'newlyAssessed', Cell>>;
    readonly regions: readonly RegionMovement[];
  } | null;
  readonly indicators: readonly IndicatorSummary[];
  readonly intelligence: readonly {
    readonly category: IntelligenceCategory;
    readonly label: string;
    readonly items: Cell;
  }[];
  readonly notes: readonly string[];
}

const REGION_SLUGS = Object.keys(REGIONS).sort();

/**
 * A national median needs a national picture: a period that only a few councils' early uploads reach is not
 * summarised until this many councils have a value for it (the published periods have about 150).
 */
const HEADLINE_MIN_COUNCILS = 30;

const SUMMARY_NOTES: readonly string[] = [
  'Counts are of councils (local authorities) or of intelligence items, never of children; no council is named.',
  `A region's count of councils in a band or movement of ${SUPPRESS_FROM} to ${SUPPRESS_TO} is suppressed, and a further cell is suppressed where a total would reveal it.`,
  `England and regional totals are rounded to the nearest ${ROUND_TOTALS_TO}. A band's percentage of England is worked out from the rounded figures, so that it cannot reveal a suppressed count, and given to one decimal place.`,
  'A summary is dated by its day; an unscheduled summary after a material change is named by the day of the change, never its time.',
  `Indicator medians and quartiles are across councils with a value, at the latest period at least ${HEADLINE_MIN_COUNCILS} councils have one, given to one decimal place.`,
  ...Object.entries(SYMBOL_MEANINGS).map(([symbol, meaning]) => `${symbol}: ${meaning}.`),
];

function regionOf(la: string): string | undefined {
  return findCouncil(la)?.region;
}

function bandFigures(input: SummaryInput) {
  const counts = REGION_SLUGS.map(() => RISK_BANDS.map(() => 0));
  for (const [la, band] of Object.entries(input.bands)) {
    const region = regionOf(la);
    const bandIndex = RISK_BANDS.indexOf(band);
    if (!region || bandIndex < 0) continue; // A superseded code or an unknown band is not a council to count.
    counts[REGION_SLUGS.indexOf(region)]![bandIndex]! += 1;
  }
  const table = protectTable(counts);
  const england: BandFigure[] = RISK_BANDS.map((band, b) => ({
    band,
    councils: table.columnTotals[b]!,
    percent: percentOfPublished(table.columnTotals[b]!, table.grandTotal),
  }));
  const regions: RegionBands[] = REGION_SLUGS.map((region, r) => ({
    region,
    name: REGIONS[region]!,
    councils: table.rowTotals[r]!,
    bands: Object.fromEntries(RISK_BANDS.map((band, b) => [band, table.cells[r]![b]!])) as Record<
      RiskBand,
      Cell
    >,
  }));
  return { councilsAssessed: table.grandTotal, england, regions };
}

function movementOf(from: RiskBand, to: RiskBand): Movement {
  const change = RISK_BANDS.indexOf(to) - RISK_BANDS.indexOf(from);
  return change > 0 ? 'escalated' : change < 0 ? 'deEscalated' : 'unchanged';
}

function movementFigures(input: SummaryInput): DfeSummary['movement'] {
  if (!input.previous) return null;
  const counts = REGION_SLUGS.map(() => MOVEMENTS.map(() => 0));
  let newlyAssessed = 0;
  for (const [la, band] of Object.entries(input.bands)) {
    const region = regionOf(la);
    if (!region || !RISK_BANDS.includes(band)) continue;
    const before = input.previous.bands[la];
    if (!before || !RISK_BANDS.includes(before)) {
      newlyAssessed += 1;
      continue;
    }
    counts[REGION_SLUGS.indexOf(region)]![MOVEMENTS.indexOf(movementOf(before, band))]! += 1;
  }
  const table = protectTable(counts);
  return {
    england: {
      ...(Object.fromEntries(MOVEMENTS.map((movement, m) => [movement, table.columnTotals[m]!])) as Record<
        Movement,
        Cell
      >),
      newlyAssessed: roundTotal(newlyAssessed),
    },
    regions: REGION_SLUGS.map((region, r) => ({
      region,
      name: REGIONS[region]!,
      movement: Object.fromEntries(MOVEMENTS.map((movement, m) => [movement, table.cells[r]![m]!])) as Record<
        Movement,
        Cell
      >,
    })),
  };
}

/** The headline indicators are the scored ones: context indicators describe a council rather than judge it. */
const HEADLINE_INDICATORS = INDICATORS.filter((indicator) => indicator.polarity !== 'context');

function indicatorFigures(observations: readonly IndicatorObservation[]): IndicatorSummary[] {
  const byIndicator = new Map<string, Map<number, number[]>>();
  for (const observation of observations) {
    const value = observation.value?.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const periods = byIndicator.get(observation.indicator) ?? new Map<number, number[]>();
    byIndicator.set(observation.indicator, periods);
    periods.set(observation.period, [...(periods.get(observation.period) ?? []), value]);
  }
  const summaries: IndicatorSummary[] = [];
  for (const indicator of HEADLINE_INDICATORS) {
    const periods = byIndicator.get(indicator.code);
    if (!periods) continue;
    // The latest period with a national picture (and so enough councils for quartiles).
    const latest = [...periods.entries()]
      .filter(([, values]) => values.length >= Math.max(HEADLINE_MIN_COUNCILS, MIN_VALUES_FOR_QUARTILES))
      .sort(([a], [b]) => b - a)[0];
    if (!latest) continue;
    const [period, values] = latest;
    const sorted = [...values].sort((a, b) => a - b);
    // A median of counts can be one council's own count, so a small one is suppressed like any count.
    const figure = (value: number): Cell =>
      findIndicator(indicator.code)?.unit === 'count' && Number.isInteger(value)
        ? protectCount(value)
        : oneDecimal(value);
    summaries.push({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      period,
      councils: roundTotal(values.length),
      lowerQuartile: figure(quantile(sorted, 0.25)),
      median: figure(quantile(sorted, 0.5)),
      upperQuartile: figure(quantile(sorted, 0.75)),
    });
  }
  return summaries;
}

/** The day a summary was made (Europe/London), as a time: publishing the moment would date the change behind it. */
function publishedDay(generatedAt: string): string {
  const { year, month, day } = localDate(new Date(generatedAt), 'Europe/London');
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00.000Z`;
}

export function buildDfeSummary(input: SummaryInput): DfeSummary {
  return {
    summaryId: input.summaryId,
    trigger: input.trigger,
    period: input.period,
    generatedAt: publishedDay(input.generatedAt),
    previousSummaryId: input.previous?.summaryId ?? null,
    ...bandFigures(input),
    movement: movementFigures(input),
    indicators: indicatorFigures(input.indicators),
    intelligence: INTELLIGENCE_CATEGORIES.map((category) => ({
      category,
      label: CATEGORY_LABELS[category],
      items: roundTotal(input.intelligence[category] ?? 0),
    })),
    notes: SUMMARY_NOTES,
  };
}

// Material change ---------------------------------------------------------------------------------

/** This many councils changing band since the last summary is a material national change by itself. */
const MATERIAL_BAND_CHANGES = 5;

export interface Materiality {
  readonly material: boolean;
  /** In words, without counts or names: a reason must not itself disclose a small number. */
  readonly reasons: readonly string[];
  /** Internal: the regions where any council changed band, so region subscribers hear of their own region. */
  readonly regions: readonly string[];
}

/**
 * Whether the change since the last summary is material: the rule that triggers an unscheduled summary.
 *   - any council entered or left the red band (the band that means intervention may follow); or
 *   - at least MATERIAL_BAND_CHANGES councils changed band in any direction, nationally.
 * Councils that appear or disappear (reorganisation, first assessment) are not band changes. With no summary
 * yet there is nothing to have changed from: the first weekly summary is the baseline.
 */
export function assessMateriality(previous: BandsByCouncil | null, current: BandsByCouncil): Materiality {
  if (!previous)
    return { material: false, reasons: ['There is no earlier summary to compare with.'], regions: [] };
  let changed = 0;
  let red = false;
  const regions = new Set<string>();
  for (const [la, band] of Object.entries(current)) {
    const before = previous[la];
    if (!before || before === band) continue;
    changed += 1;
    if (before === 'red' || band === 'red') red = true;
    const region = regionOf(la);
    if (region) regions.add(region);
  }
  const reasons: string[] = [];
  if (red) reasons.push('A council entered or left the red band.');
  if (changed >= MATERIAL_BAND_CHANGES)
    reasons.push(`${MATERIAL_BAND_CHANGES} or more councils changed band nationally.`);
  return { material: reasons.length > 0, reasons, regions: [...regions].sort() };
}

// Summary ids ---------------------------------------------------------------------------------------

/** The calendar date in a time zone (weekly summaries are dated in Europe/London). */
export function localDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at))
    parts[part.type] = part.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** ISO 8601 week of a date, e.g. "2026-W48" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekId(at: Date, timeZone = 'Europe/London'): string {
  const { year, month, day } = localDate(at, timeZone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the week's year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/**
 * The id of a summary triggered by a change: the day of the change (Europe/London), so a redelivered trigger
 * finds the summary it already made, and a published id does not time the change that caused it. At most one
 * such summary a day: a later material change that day is in the next one. Never the council: ids are
 * published in the feeds.
 */
export function changeSummaryId(occurredAt: string): string {
  const at = new Date(occurredAt);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not a time: ${occurredAt}`);
  const { year, month, day } = localDate(at, 'Europe/London');
  return `change-${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Weekly ids, change ids by day, and the older change ids to the millisecond that archives may still hold. */
export const SUMMARY_ID = /^(\d{4}-W\d{2}|change-\d{4}-\d{2}-\d{2}|change-\d{8}T\d{9}Z)$/;
