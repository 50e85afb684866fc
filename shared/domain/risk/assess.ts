// Domain: the risk assessment of one council — pure, no I/O.
//
// Data score: the sum of every scored indicator's contribution (weight × position). Intelligence score:
// the sum of every live soft-intelligence item's decayed weight. Each score goes to a rating (with
// hysteresis), the two ratings go through the escalation matrix to a band, a lowered band waits out the
// minimum dwell, and an unexpired adviser override wins. Contributions are kept in whole hundredths of a
// point, so the drivers listed always add up to the scores shown. Deteriorations in the council's monthly
// in-year data (statistical process control) are listed as "why now" drivers that add nothing to either
// score: there is no history of monthly data to test them against inspections.

import type { CouncilIndicatorResult } from '../indicators/compute.ts';
import { findIndicator, type IndicatorDefinition, type IndicatorDomain } from '../indicators/register.ts';
import type { IntelligenceSignal } from '../intelligence.ts';
import type { InYearMonth } from '../inyear/months.ts';
import { type InYearSignal, inyearSignals, type RunRule } from '../inyear/spc.ts';
import { describeSignal, isoDay, type SignalStatus, weighSignal } from './intelligence-score.ts';
import {
  type DataRating,
  INDICATOR_WEIGHTS,
  type IntelligenceRating,
  MODEL_VERSION,
  RISK_BANDS,
  type RiskBand,
} from './model.ts';
import {
  describePosition,
  formatIndicatorValue,
  type InputProvenance,
  inputProvenance,
  type PositionBasis,
  positionOf,
  toHundredths,
} from './positions.ts';
import {
  applyDwell,
  dataRating,
  escalate,
  intelligenceRating,
  rawDataRating,
  rawIntelligenceRating,
} from './ratings.ts';

const RISK_DOMAINS: readonly IndicatorDomain[] = [
  'front-door',
  'child-protection',
  'children-in-care',
  'care-leavers',
  'workforce',
];

const DOMAIN_NAMES: Readonly<Record<IndicatorDomain, string>> = {
  'front-door': 'Front door and assessment',
  'child-protection': 'Child protection',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  workforce: 'Workforce',
};

export interface IndicatorDriver {
  readonly kind: 'indicator';
  readonly key: string;
  readonly domain: IndicatorDomain;
  readonly period: number;
  readonly weight: number;
  /** The scored position (after any small-number factor); positive is worse. */
  readonly position: number;
  readonly basis: PositionBasis;
  /** Points added to the data score (may be negative). */
  readonly contribution: number;
  readonly red: boolean;
  readonly text: string;
}

export interface IntelligenceDriver {
  readonly kind: 'intelligence';
  /** The intelligence item's id. */
  readonly key: string;
  readonly category: IntelligenceSignal['category'];
  readonly label: string;
  readonly decayFactor: number;
  /** Points added to the intelligence score (negative for positive assurance). */
  readonly contribution: number;
  readonly red: boolean;
  readonly text: string;
}

/** A deterioration in a monthly in-year measure that still holds at the latest month: why now. */
export interface InYearDriver {
  readonly kind: 'inyear';
  /** The in-year measure's code. */
  readonly key: string;
  /** The month the deterioration started, and the latest month charted (yyyy-mm). */
  readonly startMonth: string;
  readonly latestMonth: string;
  readonly rules: readonly RunRule[];
  /** Always 0: in-year signals are shown, not scored. */
  readonly contribution: number;
  /** Red when the latest month is beyond the natural process limit and the decline is also sustained. */
  readonly red: boolean;
  readonly text: string;
}

export type RiskDriver = IndicatorDriver | IntelligenceDriver | InYearDriver;

export interface DomainScore {
  readonly domain: IndicatorDomain;
  readonly name: string;
  readonly score: number;
  readonly drivers: readonly IndicatorDriver[];
}

/** A context indicator: shown beside the scores for the conversation, never scored. */
export interface ContextIndicator {
  readonly key: string;
  readonly domain: IndicatorDomain;
  readonly period: number;
  readonly text: string;
}

export interface AdviserOverride {
  readonly band: RiskBand;
  /** Why the adviser disagrees with the model; required. */
  readonly reason: string;
  /** ISO date: the override applies up to and including this day. */
  readonly expiresOn: string;
  /** Who set it (user id or name). */
  readonly by: string;
}

export interface RiskInput {
  readonly la: string;
  /** ISO date the assessment is made for; decay, expiry and dwell are counted to this day. */
  readonly asOf: string;
  /**
   * The council's indicator results: normally the latest period of each return (CIN and SSDA903 to
   * 31 March, workforce at 30 September), so periods may differ between indicators. One per indicator.
   */
  readonly indicators: readonly CouncilIndicatorResult[];
  readonly signals?: readonly IntelligenceSignal[];
  /** The council's current in-year months (one or more collection years), for the "why now" drivers. */
  readonly inyearMonths?: readonly InYearMonth[];
  readonly previous?: RiskAssessment | null;
  readonly override?: AdviserOverride | null;
}

export interface RiskAssessment {
  readonly modelVersion: string;
  readonly la: string;
  readonly asOf: string;
  /** The band to act on: the override's while it lasts, otherwise the model's. */
  readonly band: RiskBand;
  /** The model's band after hysteresis and dwell, whatever the override says. */
  readonly modelBand: RiskBand;
  /** The band the escalation matrix gave before the dwell was applied. */
  readonly matrixBand: RiskBand;
  /** The as-of date since which the model band has been unchanged. */
  readonly modelBandSince: string;
  readonly dataScore: number;
  readonly dataRating: DataRating;
  readonly intelligenceScore: number;
  readonly intelligenceRating: IntelligenceRating;
  readonly domains: readonly DomainScore[];
  /**
   * Every contribution, worst first: indicator drivers sum to the data score, intelligence drivers to the
   * intelligence score; in-year drivers add nothing and come first among the drivers that add nothing.
   */
  readonly drivers: readonly RiskDriver[];
  readonly context: readonly ContextIndicator[];
  /** Intelligence items left out and why (expired, or observed after the as-of date). */
  readonly ignoredSignals: readonly {
    readonly itemId: string;
    readonly status: Exclude<SignalStatus, 'counted'>;
  }[];
  readonly inputs: readonly InputProvenance[];
  readonly override: (AdviserOverride & { readonly applied: boolean }) | null;
  /** Plain-English notes on hysteresis, dwell and overrides. */
  readonly notes: readonly string[];
}

const fromHundredths = (hundredths: number) => hundredths / 100;

export interface DataScoring {
  /** In whole hundredths of a point. */
  readonly scoreHundredths: number;
  readonly drivers: readonly IndicatorDriver[];
  readonly context: readonly ContextIndicator[];
  readonly inputs: readonly InputProvenance[];
}

/** The data score and its drivers from a council's indicator results. */
export function scoreIndicators(
  results: readonly CouncilIndicatorResult[],
  weights: Readonly<Record<string, number>> = INDICATOR_WEIGHTS,
): DataScoring {
  const drivers: IndicatorDriver[] = [];
  const context: ContextIndicator[] = [];
  const inputs: InputProvenance[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const result of results) {
    if (seen.has(result.indicator)) throw new Error(`Indicator ${result.indicator} given twice`);
    seen.add(result.indicator);
    const indicator = findIndicator(result.indicator);
    if (!indicator) throw new Error(`Unknown indicator: ${result.indicator}`);
    inputs.push(inputProvenance(result, indicator));
    const weight = weights[indicator.code];
    if (indicator.polarity === 'context' || weight === undefined) {
      context.push(contextOf(result, indicator));
      continue;
    }
    if (!(weight >= 0)) throw new RangeError(`Weight of ${indicator.code} must keep its polarity (>= 0)`);
    const position = positionOf(result);
    const contribution = toHundredths(weight * position.position);
    total += contribution;
    drivers.push({
      kind: 'indicator',
      key: indicator.code,
      domain: indicator.domain,
      period: result.period,
      weight,
      position: position.position,
      basis: position.basis,
      contribution: fromHundredths(contribution),
      red: position.red && weight > 0,
      text: describePosition(position, contribution),
    });
  }
  return { scoreHundredths: total, drivers, context, inputs };
}

function contextOf(result: CouncilIndicatorResult, indicator: IndicatorDefinition): ContextIndicator {
  const value = result.value ? formatIndicatorValue(result.value.value, indicator) : 'no figure';
  const england =
    result.england === null ? '' : `; England ${formatIndicatorValue(result.england, indicator)}`;
  const neighbours = result.statNeighbours
    ? `; statistical neighbours ${formatIndicatorValue(result.statNeighbours.mean, indicator)}`
    : '';
  return {
    key: indicator.code,
    domain: indicator.domain,
    period: result.period,
    text: `${indicator.name} ${value}${england}${neighbours} — context, not scored`,
  };
}

const inYearFirst = (driver: RiskDriver) => (driver.kind === 'inyear' ? 0 : 1);
const byContributionDescending = (a: RiskDriver, b: RiskDriver) =>
  b.contribution - a.contribution || inYearFirst(a) - inYearFirst(b) || a.key.localeCompare(b.key);

/** In-year deteriorations as drivers. */
function inyearDrivers(months: readonly InYearMonth[]): InYearDriver[] {
  return inyearSignals(months).map((signal: InYearSignal) => ({
    kind: 'inyear',
    key: signal.measure,
    startMonth: signal.startMonth,
    latestMonth: signal.latestMonth,
    rules: signal.findings.map((finding) => finding.rule),
    contribution: 0,
    red: signal.beyondLimit && signal.findings.length > 1,
    text: signal.text,
  }));
}

/** Assesses one council. Pure: the same input always gives the same assessment. */
export function assessRisk(input: RiskInput): RiskAssessment {
  const asOfDay = isoDay(input.asOf, 'as-of date');
  const previous = input.previous ?? null;
  if (previous && previous.la !== input.la) {
    throw new Error(`Previous assessment is for council ${previous.la}, not ${input.la}`);
  }
  if (previous && isoDay(previous.asOf, 'previous as-of date') > asOfDay) {
    throw new RangeError(`Previous assessment (${previous.asOf}) is later than this one (${input.asOf})`);
  }
  for (const result of input.indicators) {
    if (result.la !== input.la) throw new Error(`Indicator ${result.indicator} is for council ${result.la}`);
  }
  const notes: string[] = [];

  const data = scoreIndicators(input.indicators);
  const domains: DomainScore[] = RISK_DOMAINS.map((domain) => {
    const drivers = data.drivers.filter((driver) => driver.domain === domain);
    let hundredths = 0;
    for (const driver of drivers) hundredths += toHundredths(driver.contribution);
    return { domain, name: DOMAIN_NAMES[domain], score: fromHundredths(hundredths), drivers };
  });

  const intelligenceDrivers: IntelligenceDriver[] = [];
  const ignoredSignals: RiskAssessment['ignoredSignals'][number][] = [];
  let intelligenceHundredths = 0;
  for (const signal of input.signals ?? []) {
    if (signal.la !== input.la)
      throw new Error(`Intelligence item ${signal.itemId} is for council ${signal.la}`);
    const weighed = weighSignal(signal, input.asOf);
    if (weighed.status !== 'counted') {
      ignoredSignals.push({ itemId: signal.itemId, status: weighed.status });
      continue;
    }
    intelligenceHundredths += weighed.contribution;
    intelligenceDrivers.push({
      kind: 'intelligence',
      key: signal.itemId,
      category: signal.category,
      label: signal.label,
      decayFactor: weighed.decayFactor,
      contribution: fromHundredths(weighed.contribution),
      red: weighed.red,
      text: describeSignal(weighed),
    });
  }

  const dataScore = fromHundredths(data.scoreHundredths);
  const intelligenceScore = fromHundredths(intelligenceHundredths);
  const dataLevel = dataRating(dataScore, previous?.dataRating);
  const intelligenceLevel = intelligenceRating(intelligenceScore, previous?.intelligenceRating);
  if (previous && dataLevel !== rawDataRating(dataScore)) {
    notes.push(
      `Data rating kept at ${dataLevel}: the score ${dataScore} has not fallen below its leave threshold.`,
    );
  }
  if (previous && intelligenceLevel !== rawIntelligenceRating(intelligenceScore)) {
    notes.push(
      `Intelligence rating kept at ${intelligenceLevel}: the score ${intelligenceScore} has not crossed its leave threshold.`,
    );
  }

  const matrixBand = escalate(dataLevel, intelligenceLevel);
  const previousBand = previous
    ? { band: previous.modelBand, sinceDay: isoDay(previous.modelBandSince, 'previous band date') }
    : null;
  const dwell = applyDwell(matrixBand, previousBand, asOfDay);
  if (dwell.held && previous) {
    notes.push(
      `Kept ${dwell.band} rather than ${matrixBand}: the council has been ${dwell.band} only since ${previous.modelBandSince}.`,
    );
  }
  const modelBand = dwell.band;
  const modelBandSince = previous && previous.modelBand === modelBand ? previous.modelBandSince : input.asOf;

  let override: RiskAssessment['override'] = null;
  let band = modelBand;
  if (input.override) {
    const { reason, expiresOn, band: overrideBand, by } = input.override;
    if (reason.trim().length === 0) throw new RangeError('An override needs a reason');
    if (by.trim().length === 0) throw new RangeError('An override needs the name of who set it');
    if (!RISK_BANDS.includes(overrideBand)) throw new RangeError(`Unknown band: ${overrideBand}`);
    const applied = asOfDay <= isoDay(expiresOn, 'override expiry');
    override = { ...input.override, applied };
    if (applied) {
      band = overrideBand;
      notes.push(
        `Band set to ${overrideBand} by ${by} until ${expiresOn}: ${reason} (the model says ${modelBand}).`,
      );
    } else {
      notes.push(
        `The override to ${overrideBand} by ${by} expired on ${expiresOn}; the model's band applies.`,
      );
    }
  }

  const drivers: RiskDriver[] = [
    ...data.drivers,
    ...intelligenceDrivers,
    ...inyearDrivers(input.inyearMonths ?? []),
  ].sort(byContributionDescending);
  return {
    modelVersion: MODEL_VERSION,
    la: input.la,
    asOf: input.asOf,
    band,
    modelBand,
    matrixBand,
    modelBandSince,
    dataScore,
    dataRating: dataLevel,
    intelligenceScore,
    intelligenceRating: intelligenceLevel,
    domains,
    drivers,
    context: data.context,
    ignoredSignals,
    inputs: data.inputs,
    override,
    notes,
  };
}

export interface RiskChange {
  readonly changed: boolean;
  readonly bandChanged: boolean;
  readonly from: RiskBand | null;
  readonly to: RiskBand;
  /** Red drivers in the new assessment that were not red in the previous one. */
  readonly newRedDrivers: readonly RiskDriver[];
}

/** Whether the band changed or a new red driver appeared: what raises a RiskChanged event. */
export function riskChanged(previous: RiskAssessment | null | undefined, next: RiskAssessment): RiskChange {
  const redBefore = new Set(
    (previous?.drivers ?? []).filter((driver) => driver.red).map((driver) => `${driver.kind}:${driver.key}`),
  );
  const newRedDrivers = next.drivers.filter(
    (driver) => driver.red && !redBefore.has(`${driver.kind}:${driver.key}`),
  );
  const bandChanged = !previous || previous.band !== next.band;
  return {
    changed: bandChanged || newRedDrivers.length > 0,
    bandChanged,
    from: previous?.band ?? null,
    to: next.band,
    newRedDrivers,
  };
}
