// Domain: statistical process control on a council's monthly in-year measures — "why now".
//
// Each measure's monthly values go on an XmR chart (individual values and moving ranges): the centre line
// is the mean of the first BASELINE_POINTS months, and the natural process limits sit 2.66 average moving
// ranges either side of it, which is where a stable process's months fall nearly always. A measure signals
// deterioration when, at its latest month, one of three documented run rules holds on its worse side:
//
//   1. beyond the limit: the latest month (and any months just before it) lie beyond the natural process
//      limit on the worse side;
//   2. a run on one side: RUN_LENGTH or more months in a row, up to the latest, on the worse side of the centre;
//   3. a sustained trend: TREND_LENGTH or more months in a row, up to the latest, each worse than the one before.
//
// Only signals that still hold at the latest month are reported (an episode that has passed is not "now"),
// each with the month it started. The signals are shown to advisers beside the rating; they do not move the
// score or the band, because there is no history of monthly data to test them against inspections.
import type { InYearMonth } from './months.ts';

/** Months whose values set the centre line and limits (fewer if the series is shorter). */
const BASELINE_POINTS = 12;
/** A chart needs at least this many months to say anything. */
const MINIMUM_POINTS = 8;
/** Natural process limits: centre ± this × the average moving range (3 sigma for individual values). */
const LIMIT_FACTOR = 2.66;
/** Rule 2: this many months in a row on the worse side of the centre line. */
const RUN_LENGTH = 8;
/** Rule 3: this many months in a row each worse than the last (so TREND_LENGTH − 1 successive worsenings). */
const TREND_LENGTH = 6;

export interface MonthlyPoint {
  /** yyyy-mm */
  readonly month: string;
  readonly value: number;
}

export interface XmrLimits {
  readonly centre: number;
  readonly averageMovingRange: number;
  readonly lower: number;
  readonly upper: number;
  /** How many of the earliest months set the limits. */
  readonly baselinePoints: number;
}

/** The XmR centre line and natural process limits from the first months of a series; null if too short. */
export function xmrLimits(
  points: readonly MonthlyPoint[],
  bounds?: { min?: number; max?: number },
): XmrLimits | null {
  if (points.length < MINIMUM_POINTS) return null;
  const baseline = points.slice(0, BASELINE_POINTS);
  const centre = baseline.reduce((total, point) => total + point.value, 0) / baseline.length;
  let ranges = 0;
  for (let index = 1; index < baseline.length; index += 1) {
    ranges += Math.abs(baseline[index]!.value - baseline[index - 1]!.value);
  }
  const averageMovingRange = ranges / (baseline.length - 1);
  const clamp = (value: number) =>
    Math.min(
      bounds?.max ?? Number.POSITIVE_INFINITY,
      Math.max(bounds?.min ?? Number.NEGATIVE_INFINITY, value),
    );
  return {
    centre,
    averageMovingRange,
    lower: clamp(centre - LIMIT_FACTOR * averageMovingRange),
    upper: clamp(centre + LIMIT_FACTOR * averageMovingRange),
    baselinePoints: baseline.length,
  };
}

export type RunRule = 'beyond-limit' | 'run-one-side' | 'trend';

export interface RuleFinding {
  readonly rule: RunRule;
  /** The first month of the run that ends at the latest month. */
  readonly startMonth: string;
  /** Months in the run, the start month included. */
  readonly months: number;
}

/**
 * The run rules that hold at the latest month, on the worse side (`worse` says which way is worse). A flat
 * series (no moving range) has limits on the centre line, so any move away from it is beyond them.
 */
export function runRules(
  points: readonly MonthlyPoint[],
  limits: XmrLimits,
  worse: 'up' | 'down',
): RuleFinding[] {
  const sign = worse === 'up' ? 1 : -1;
  const limit = worse === 'up' ? limits.upper : limits.lower;
  const beyondLimit = (value: number) => sign * (value - limit) > 0;
  const worseThanCentre = (value: number) => sign * (value - limits.centre) > 0;
  const last = points.length - 1;
  /** Length of the run ending at the latest month in which `holds(index)` is true for every month. */
  const runBack = (holds: (index: number) => boolean, from = last) => {
    let length = 0;
    while (from - length >= 0 && holds(from - length)) length += 1;
    return length;
  };
  const findings: RuleFinding[] = [];
  const add = (rule: RunRule, length: number) =>
    findings.push({ rule, startMonth: points[last - length + 1]!.month, months: length });

  const beyond = runBack((index) => beyondLimit(points[index]!.value));
  if (beyond > 0) add('beyond-limit', beyond);
  const side = runBack((index) => worseThanCentre(points[index]!.value));
  if (side >= RUN_LENGTH) add('run-one-side', side);
  // Each month worse than the month before: the run of worsenings plus the month it started from.
  const worsenings = runBack(
    (index) => index > 0 && sign * (points[index]!.value - points[index - 1]!.value) > 0,
  );
  if (worsenings + 1 >= TREND_LENGTH) add('trend', worsenings + 1);
  return findings;
}

// The measures charted --------------------------------------------------------------------------

export interface SpcMeasure {
  readonly code: string;
  /** How advisers read it, as the subject of a sentence. */
  readonly name: string;
  readonly polarity: 'higherWorse' | 'higherBetter';
  readonly unit: 'percent' | 'number';
  readonly decimals: number;
  /** The month's value, or null when the month lacks a figure or a denominator. */
  value(figures: Readonly<Record<string, number>>): number | null;
}

const share = (part: string, whole: string) => (figures: Readonly<Record<string, number>>) => {
  const numerator = figures[part];
  const denominator = figures[whole];
  return numerator === undefined || denominator === undefined || denominator <= 0
    ? null
    : (100 * numerator) / denominator;
};
const ratio = (top: string, bottom: string) => (figures: Readonly<Record<string, number>>) => {
  const numerator = figures[top];
  const denominator = figures[bottom];
  return numerator === undefined || denominator === undefined || denominator <= 0
    ? null
    : numerator / denominator;
};

/** Every monthly in-year measure with a direction (volumes such as referrals are context, not charted). */
const SPC_MEASURES: readonly SpcMeasure[] = [
  {
    code: 'assessment-timeliness',
    name: 'Assessments completed within 45 working days',
    polarity: 'higherBetter',
    unit: 'percent',
    decimals: 0,
    value: share('assessments_within_45_days', 'assessments_completed'),
  },
  {
    code: 'icpc-timeliness',
    name: 'Initial child protection conferences within 15 working days',
    polarity: 'higherBetter',
    unit: 'percent',
    decimals: 0,
    value: share('icpc_within_15_days', 'icpc_held'),
  },
  {
    code: 're-referrals',
    name: 'Re-referrals within 12 months',
    polarity: 'higherWorse',
    unit: 'percent',
    decimals: 0,
    value: share('re_referrals', 'referrals'),
  },
  {
    code: 'repeat-cp-plans',
    name: 'Child protection plans that are a second or later plan',
    polarity: 'higherWorse',
    unit: 'percent',
    decimals: 0,
    value: share('cp_plans_started_repeat', 'cp_plans_started'),
  },
  {
    code: 'average-caseload',
    name: 'Average caseload per case-holding social worker',
    polarity: 'higherWorse',
    unit: 'number',
    decimals: 1,
    value: ratio('sw_cases', 'sw_case_holder_fte'),
  },
  {
    code: 'sw-agency-rate',
    name: 'Agency social workers as a share of the workforce',
    polarity: 'higherWorse',
    unit: 'percent',
    decimals: 0,
    value: (figures) => {
      const agency = figures.sw_agency_fte;
      const inPost = figures.sw_fte_in_post;
      return agency === undefined || inPost === undefined || agency + inPost <= 0
        ? null
        : (100 * agency) / (agency + inPost);
    },
  },
  {
    code: 'sw-vacancy-rate',
    name: 'Social worker vacancy rate',
    polarity: 'higherWorse',
    unit: 'percent',
    decimals: 0,
    value: (figures) => {
      const vacant = figures.sw_vacancy_fte;
      const inPost = figures.sw_fte_in_post;
      return vacant === undefined || inPost === undefined || vacant + inPost <= 0
        ? null
        : (100 * vacant) / (vacant + inPost);
    },
  },
  {
    code: 'sw-leavers',
    name: 'Social workers leaving in the month, as a share of those in post',
    polarity: 'higherWorse',
    unit: 'percent',
    decimals: 1,
    value: share('sw_leavers_fte', 'sw_fte_in_post'),
  },
  {
    code: 'sw-sickness',
    name: 'Days lost to sickness per social worker in post',
    polarity: 'higherWorse',
    unit: 'number',
    decimals: 1,
    value: ratio('sw_sickness_days_lost', 'sw_fte_in_post'),
  },
];

/** The months that give the measure, in calendar order. */
function monthlySeries(months: readonly InYearMonth[], measure: SpcMeasure): MonthlyPoint[] {
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .flatMap((month) => {
      const value = measure.value(month.figures);
      return value === null || !Number.isFinite(value) ? [] : [{ month: month.month, value }];
    });
}

export interface InYearSignal {
  readonly measure: string;
  readonly name: string;
  /** The rules that hold at the latest month, strongest first. */
  readonly findings: readonly RuleFinding[];
  /** The earliest start month of those rules: when the deterioration began. */
  readonly startMonth: string;
  readonly latestMonth: string;
  readonly latestValue: number;
  readonly limits: XmrLimits;
  /** True when the latest month is beyond the natural process limit on the worse side. */
  readonly beyondLimit: boolean;
  readonly text: string;
}

const RULE_ORDER: readonly RunRule[] = ['beyond-limit', 'trend', 'run-one-side'];

/** The deteriorations that hold at the latest month, one per measure, worded for an adviser. */
export function inyearSignals(months: readonly InYearMonth[]): InYearSignal[] {
  const signals: InYearSignal[] = [];
  for (const measure of SPC_MEASURES) {
    const points = monthlySeries(months, measure);
    const limits = xmrLimits(points, measure.unit === 'percent' ? { min: 0, max: 100 } : { min: 0 });
    if (!limits) continue;
    const findings = runRules(points, limits, measure.polarity === 'higherWorse' ? 'up' : 'down').sort(
      (a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule),
    );
    if (findings.length === 0) continue;
    const latest = points.at(-1)!;
    const startMonth = findings.map((finding) => finding.startMonth).sort()[0]!;
    const signal = {
      measure: measure.code,
      name: measure.name,
      findings,
      startMonth,
      latestMonth: latest.month,
      latestValue: latest.value,
      limits,
      beyondLimit: findings.some((finding) => finding.rule === 'beyond-limit'),
    };
    signals.push({ ...signal, text: describeInYearSignal(signal, measure, points) });
  }
  return signals;
}

// Wording -----------------------------------------------------------------------------------------

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-06" → "June 2025". */
export function monthName(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function formatValue(value: number, measure: SpcMeasure): string {
  const fixed = value.toFixed(measure.decimals);
  return measure.unit === 'percent' ? `${fixed}%` : fixed;
}

function describeInYearSignal(
  signal: Omit<InYearSignal, 'text'>,
  measure: SpcMeasure,
  points: readonly MonthlyPoint[],
): string {
  const worse = measure.polarity === 'higherWorse' ? 'rose' : 'fell';
  const side = measure.polarity === 'higherWorse' ? 'above' : 'below';
  const latest = `${formatValue(signal.latestValue, measure)} in ${monthName(signal.latestMonth)}`;
  const phrase = (finding: RuleFinding): string => {
    const start = monthName(finding.startMonth);
    if (finding.rule === 'beyond-limit') {
      const limit = measure.polarity === 'higherWorse' ? signal.limits.upper : signal.limits.lower;
      const limitText = `its usual range (limit ${formatValue(limit, measure)})`;
      return finding.months === 1
        ? `${side} ${limitText}`
        : `${side} ${limitText} for ${finding.months} months running since ${start}`;
    }
    if (finding.rule === 'trend') {
      const from = points[points.length - finding.months]!.value;
      return `${worse} for ${finding.months - 1} months running since ${start} (from ${formatValue(from, measure)})`;
    }
    return `${side} its usual level (${formatValue(signal.limits.centre, measure)}) for ${finding.months} months running since ${start}`;
  };
  const phrases = signal.findings.map(phrase);
  return `${measure.name} ${latest}: ${phrases.join('; ')} — in-year data, shown as why now, not scored`;
}
