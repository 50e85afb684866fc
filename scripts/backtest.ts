// Script: the risk model's rolling-origin backtest against Ofsted's ILACS judgements, 2018 to March 2025.
//
// Usage: npm run backtest (writes docs/backtest.json and docs/backtest.md; every figure in them is computed here)
// Reads shared/reference/sources/ (see its SOURCES.md) for the inspection history, earlier
// Ofsted judgements and the deprivation proxy; indicator values come from the shipped national baseline.
//
// For each inspection only data published before it is used: CIN and SSDA903 figures for the year to
// 31 March are published the following December (we take them as available from 1 January), workforce
// figures at 30 September the following March (available from 1 April), an Ofsted judgement from its
// publication date. Everything fitted — weights and the score-to-probability calibration — is fitted afresh
// at each origin (1 January of each test year) on inspections whose reports were published before it, and
// scored on that year's inspections only.
//
// The procedure is fixed here before any fit is looked at: the candidate signal sets (VARIANTS), the two
// targets, the ridge penalty, and the rule that picks a variant (chooseVariant) on the selection years only,
// so the confirmation years are scored by a choice they did not influence.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { COUNCILS } from '../shared/domain/councils.ts';
import {
  type CouncilIndicatorResult,
  computeAll,
  publishedSources,
} from '../shared/domain/indicators/compute.ts';
import { INDICATORS, type IndicatorDefinition } from '../shared/domain/indicators/register.ts';
import { SUPERSEDED_CODES } from '../shared/domain/indicators/superseded-codes.ts';
import { scoreIndicators } from '../shared/domain/risk/assess.ts';
import {
  type DataRating,
  INDICATOR_WEIGHTS,
  MODEL_VERSION,
  type RiskBand,
  WEIGHT_SCALE,
} from '../shared/domain/risk/model.ts';
import { orientedPosition, positionOf } from '../shared/domain/risk/positions.ts';
import { applyDwell, dataRating, escalate } from '../shared/domain/risk/ratings.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE_DIR = path.join(repoRoot, 'shared', 'reference', 'sources');
const DOCS_DIR = path.resolve(repoRoot, 'docs');

/** The share of councils an adviser team can hold a conversation with: the operational flag rate. */
export const FLAG_RATE = 0.2;
/** First year scored out of sample: 2018 inspections only train. */
export const FIRST_TEST_YEAR = 2019;
/** L2 penalty of the fitted weights, fixed before looking at results (see docs/backtest.md). */
export const RIDGE_PENALTY = 0.1;

type CsvRow = Record<string, string>;

function readCsv(file: string): CsvRow[] {
  return parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
}

// Inspections -------------------------------------------------------------------------------------

const GRADES = ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'] as const;
/** 1 outstanding … 4 inadequate; null when blank or not a grade. */
function gradeValue(text: string | undefined): number | null {
  const index = GRADES.indexOf((text ?? '').trim() as (typeof GRADES)[number]);
  return index < 0 ? null : index + 1;
}

/** From this date Ofsted gives no overall grade: the inadequate target is any sub-judgement inadequate. */
export const NEW_FRAMEWORK_FROM = '2026-04-01';

export interface Inspection {
  readonly la: string;
  readonly name: string;
  readonly inspected: string;
  readonly published: string;
  readonly type: string;
  /** 1 outstanding … 4 inadequate; under the framework from April 2026, the worst sub-judgement. */
  readonly overall: number;
  /** The "inadequate" target: the overall judgement, or from April 2026 any sub-judgement. */
  readonly inadequate: boolean;
  /** The "requires improvement or worse" target. */
  readonly riOrWorse: boolean;
  readonly anySubJudgementInadequate: boolean;
  /** Data vintages available before the inspection. */
  readonly cinPeriod: number;
  readonly workforcePeriod: number;
}

/** CIN/SSDA903 year to 31 March Y is taken as available from 1 January Y+1. */
export function cinPeriodAvailable(date: string): number {
  return Number(date.slice(0, 4)) - 1;
}

/** Workforce at 30 September Y is taken as available from 1 April Y+1. */
export function workforcePeriodAvailable(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? year - 1 : year - 2;
}

const onsToLa = new Map<string, string>([
  ...COUNCILS.map((council) => [council.ons, council.la] as const),
  ...SUPERSEDED_CODES.filter((entry) => entry.kind === 'ons-code').map(
    (entry) => [entry.ons, entry.la] as const,
  ),
]);

export interface InspectionHistory {
  readonly inspections: readonly Inspection[];
  /** Inspections of councils that no longer exist, left out because no current council has their data. */
  readonly excluded: readonly {
    readonly name: string;
    readonly inspected: string;
    readonly reason: string;
  }[];
}

export function loadInspections(referenceDir: string = REFERENCE_DIR): InspectionHistory {
  const rows = readCsv(path.join(referenceDir, 'ofsted_ilacs_history_2018_2025.csv'));
  const inspections: Inspection[] = [];
  const excluded: InspectionHistory['excluded'][number][] = [];
  for (const row of rows) {
    const name = row['Local authority name'] ?? '';
    const inspected = row['Inspection date'] ?? '';
    const la = onsToLa.get(row['Local authority area code'] ?? '');
    if (!la) {
      excluded.push({ name, inspected, reason: 'council no longer exists (reorganised)' });
      continue;
    }
    const subJudgements = [
      'The impact of leaders on social work practice with children and families',
      'The experiences and progress of children who need help and protection',
      'The experiences and progress of children in care',
      'The experiences and progress of care leavers',
    ]
      .map((column) => gradeValue(row[column]))
      .filter((grade): grade is number => grade !== null);
    const newFramework = inspected >= NEW_FRAMEWORK_FROM;
    const worstSub = subJudgements.length === 0 ? null : Math.max(...subJudgements);
    const overall = newFramework ? worstSub : gradeValue(row['Overall effectiveness']);
    if (overall === null) {
      excluded.push({ name, inspected, reason: 'no overall judgement' });
      continue;
    }
    const anySubJudgementInadequate = overall === 4 || subJudgements.includes(4);
    inspections.push({
      la,
      name,
      inspected,
      published: row['Publication date'] ?? '',
      type: row['Inspection type'] ?? '',
      overall,
      inadequate: newFramework ? anySubJudgementInadequate : overall === 4,
      riOrWorse: overall >= 3,
      anySubJudgementInadequate,
      cinPeriod: cinPeriodAvailable(inspected),
      workforcePeriod: workforcePeriodAvailable(inspected),
    });
  }
  inspections.sort((a, b) => a.inspected.localeCompare(b.inspected) || a.la.localeCompare(b.la));
  return { inspections, excluded };
}

/** Ofsted judgements published before a date: earlier ILACS inspections, or the last SIF inspection. */
export interface GradeHistory {
  /** The latest overall grade published before `date` (1 outstanding … 4 inadequate), or null. */
  previousGrade(la: string, date: string): number | null;
  /** The latest judgement published before `date`, with its publication date, or null. */
  previousJudgement(la: string, date: string): { readonly grade: number; readonly published: string } | null;
}

const normaliseName = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]/g, '');

export function loadGradeHistory(referenceDir: string = REFERENCE_DIR): GradeHistory {
  const byLa = new Map<string, { published: string; grade: number }[]>();
  const add = (la: string, published: string, grade: number | null) => {
    if (!published || grade === null) return;
    const list = byLa.get(la) ?? [];
    list.push({ published: published.slice(0, 10), grade });
    byLa.set(la, list);
  };
  for (const row of readCsv(path.join(referenceDir, 'ofsted_ilacs_history_2018_2025.csv'))) {
    const la = onsToLa.get(row['Local authority area code'] ?? '');
    if (la) add(la, row['Publication date'] ?? '', gradeValue(row['Overall effectiveness']));
  }
  const laByName = new Map(COUNCILS.map((council) => [normaliseName(council.name), council.la]));
  for (const row of readCsv(path.join(referenceDir, 'ofsted_la_inspections_2009_2023_all_frameworks.csv'))) {
    const la = laByName.get(normaliseName(row['Local authority name'] ?? ''));
    if (!la) continue;
    const sif = Object.keys(row).find((key) => key.includes('First SIF publication date'));
    const reSif = Object.keys(row).find((key) => key.includes('SIF Re-inspection publication date'));
    add(la, row[sif ?? ''] ?? '', gradeValue(row['First SIF Overall Judgement(OE)']));
    add(la, row[reSif ?? ''] ?? '', gradeValue(row['SIF Re-inspection Overall Judgement(OE)']));
  }
  for (const list of byLa.values()) list.sort((a, b) => a.published.localeCompare(b.published));
  const previousJudgement = (la: string, date: string) =>
    (byLa.get(la) ?? []).filter((entry) => entry.published < date).at(-1) ?? null;
  return {
    previousJudgement,
    previousGrade: (la, date) => previousJudgement(la, date)?.grade ?? null,
  };
}

/** Deprivation proxy: % of primary pupils eligible for free school meals in the last 6 years (LAIT Ever6_FSM_Prim). */
export function loadDeprivation(
  referenceDir: string = REFERENCE_DIR,
): (la: string, year: number) => number | null {
  const values = new Map<string, number>();
  // The long file holds 56 measures; keep only this one's lines before parsing.
  const [header, ...lines] = readFileSync(path.join(referenceDir, 'lait_csc_subset_long.csv'), 'utf8').split(
    /\r?\n/,
  );
  const wanted = [header, ...lines.filter((line) => line.startsWith('Ever6_FSM_Prim,'))].join('\n');
  const rows = parse(wanted, { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
  for (const row of rows) {
    if (row.short_desc !== 'Ever6_FSM_Prim') continue;
    const value = Number(row.value_raw);
    if (Number.isFinite(value) && row.value_raw !== '')
      values.set(`${row.la_number}|${row.year_label}`, value);
  }
  const years = [...new Set([...values.keys()].map((key) => Number(key.split('|')[1])))].sort(
    (a, b) => a - b,
  );
  return (la, year) => {
    // The nearest published year at or before `year`, else the earliest.
    const usable = years.filter((candidate) => candidate <= year);
    const chosen = usable.at(-1) ?? years[0];
    return chosen === undefined ? null : (values.get(`${la}|${chosen}`) ?? null);
  };
}

// Indicator data by vintage ----------------------------------------------------------------------

const isWorkforce = (indicator: IndicatorDefinition) => indicator.sourceReturn === 'csww';
const SCORED = INDICATORS.filter((indicator) => indicator.polarity !== 'context');

/** Every current council's indicator results for a data vintage (CIN/SSDA903 period, workforce period). */
export class VintageData {
  private readonly periods = new Map<number, Map<string, CouncilIndicatorResult>>();
  private readonly sources = publishedSources();

  private period(period: number): Map<string, CouncilIndicatorResult> {
    let results = this.periods.get(period);
    if (!results) {
      results = new Map(
        computeAll(period, this.sources).map((result) => [`${result.la}|${result.indicator}`, result]),
      );
      this.periods.set(period, results);
    }
    return results;
  }

  /** One council's results: CIN/SSDA903 indicators for `cinPeriod`, workforce ones for `workforcePeriod`. */
  results(la: string, cinPeriod: number, workforcePeriod: number): CouncilIndicatorResult[] {
    const cin = this.period(cinPeriod);
    const workforce = this.period(workforcePeriod);
    const chosen: CouncilIndicatorResult[] = [];
    for (const indicator of INDICATORS) {
      const result = (isWorkforce(indicator) ? workforce : cin).get(`${la}|${indicator.code}`);
      if (result?.councilExisted) chosen.push(result);
    }
    return chosen;
  }

  /** Councils that existed in the CIN period, for the population a flag rate is taken over. */
  councils(cinPeriod: number): string[] {
    const cin = this.period(cinPeriod);
    return COUNCILS.filter((council) => cin.get(`${council.la}|re-referrals`)?.councilExisted).map(
      (council) => council.la,
    );
  }
}

/** Scored positions (after small-number caution) by indicator, 0 where there is no usable figure. */
export function featureVector(results: readonly CouncilIndicatorResult[]): number[] {
  const byCode = new Map(results.map((result) => [result.indicator, result]));
  return SCORED.map((indicator) => {
    const result = byCode.get(indicator.code);
    return result ? positionOf(result).position : 0;
  });
}

/** Oriented positions (capped, before any small-number caution) by scored indicator, null without a figure. */
export function rawPositions(results: readonly CouncilIndicatorResult[]): (number | null)[] {
  const byCode = new Map(results.map((result) => [result.indicator, result]));
  return SCORED.map((indicator) => {
    const result = byCode.get(indicator.code);
    return result ? orientedPosition(result, indicator) : null;
  });
}

/**
 * Sustained change, per scored indicator: the change in oriented position over the last two published
 * years when both year-on-year steps went the same way (worse twice, or better twice), else 0. A single
 * year's jump is not a trend; positive is worsening, like a position.
 */
export function sustainedChange(
  latest: readonly (number | null)[],
  previous: readonly (number | null)[],
  earlier: readonly (number | null)[],
): number[] {
  return latest.map((now, j) => {
    const before = previous[j];
    const first = earlier[j];
    if (now === null || before === null || before === undefined || first === null || first === undefined)
      return 0;
    const recent = now - before;
    const prior = before - first;
    return (recent > 0 && prior > 0) || (recent < 0 && prior < 0) ? now - first : 0;
  });
}

export const JUDGEMENT_FEATURES = [
  'previous judgement requires improvement or worse',
  'previous judgement inadequate',
  'years since the previous judgement was published (÷ 3, at most 2)',
  'no previous judgement',
] as const;

const DAY_MS = 86_400_000;
const yearsBetween = (from: string, to: string) =>
  (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) /
  (365.25 * DAY_MS);

/** The last Ofsted judgement published before `date` and its age, as features. */
export function judgementFeatures(
  previous: { readonly grade: number; readonly published: string } | null,
  date: string,
): number[] {
  if (!previous) return [0, 0, 0, 1];
  const age = Math.min(6, Math.max(0, yearsBetween(previous.published, date))) / 3;
  return [previous.grade >= 3 ? 1 : 0, previous.grade === 4 ? 1 : 0, age, 0];
}

/** The equal-weight composite baseline: the mean oriented position of every polarity indicator with a figure. */
export function equalWeightComposite(results: readonly CouncilIndicatorResult[]): number {
  let total = 0;
  let count = 0;
  for (const result of results) {
    const indicator = INDICATORS.find((candidate) => candidate.code === result.indicator);
    if (!indicator || indicator.polarity === 'context') continue;
    const value = result.value?.value;
    const cuts = result.quartile?.cutPoints;
    if (value === undefined || !cuts) continue;
    const spread = (cuts.upperQuartile - cuts.lowerQuartile) / 1.349;
    if (!(spread > 0)) continue;
    const z = (value - cuts.median) / spread;
    total += Math.max(-2.5, Math.min(2.5, indicator.polarity === 'higherWorse' ? z : -z));
    count += 1;
  }
  return count === 0 ? 0 : total / count;
}

// Statistics --------------------------------------------------------------------------------------

/** A small seeded generator (mulberry32), so every run draws the same bootstrap samples. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Area under the ROC curve (Mann-Whitney, ties counted half); null without both outcomes. */
export function auc(scores: readonly number[], outcomes: readonly boolean[]): number | null {
  const order = scores.map((score, index) => ({ score, positive: outcomes[index]! }));
  order.sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  let index = 0;
  while (index < order.length) {
    let end = index;
    while (end + 1 < order.length && order[end + 1]!.score === order[index]!.score) end += 1;
    const midRank = (index + end) / 2 + 1;
    for (let k = index; k <= end; k += 1) {
      if (order[k]!.positive) {
        positives += 1;
        rankSum += midRank;
      }
    }
    index = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return sorted[below]! + (position - below) * (upper - sorted[below]!);
}

/**
 * Percentile bootstrap (95%) of the AUC of each score list over the same resampled inspections, and of
 * each list's difference from the first, so comparisons are paired.
 */
export function bootstrapAuc(
  scoreLists: readonly (readonly number[])[],
  outcomes: readonly boolean[],
  samples: number,
  seed: number,
): { intervals: Interval[]; differences: Interval[] } {
  const random = seededRandom(seed);
  const draws: number[][] = scoreLists.map(() => []);
  const differenceDraws: number[][] = scoreLists.map(() => []);
  const n = outcomes.length;
  // Each list's scores as ranks among its distinct values, once: a resample's AUC is then a counting pass.
  const ranked = scoreLists.map((scores) => {
    const distinct = [...new Set(scores)].sort((a, b) => a - b);
    const rankOf = new Map(distinct.map((value, rank) => [value, rank]));
    return { ranks: scores.map((score) => rankOf.get(score)!), levels: distinct.length };
  });
  const counts = (pick: Uint32Array, levels: number, ranks: readonly number[]): number | null => {
    const positive = new Float64Array(levels);
    const negative = new Float64Array(levels);
    for (let i = 0; i < n; i += 1) {
      const index = pick[i]!;
      if (outcomes[index]) positive[ranks[index]!]! += 1;
      else negative[ranks[index]!]! += 1;
    }
    let positives = 0;
    let negatives = 0;
    let below = 0;
    let pairs = 0;
    for (let rank = 0; rank < levels; rank += 1) {
      pairs += positive[rank]! * (below + negative[rank]! / 2);
      below += negative[rank]!;
      positives += positive[rank]!;
      negatives += negative[rank]!;
    }
    return positives === 0 || negatives === 0 ? null : pairs / (positives * negatives);
  };
  const picks = new Uint32Array(n);
  for (let sample = 0; sample < samples; sample += 1) {
    for (let i = 0; i < n; i += 1) picks[i] = Math.floor(random() * n);
    const values = ranked.map(({ ranks, levels }) => counts(picks, levels, ranks));
    if (values.some((value) => value === null)) continue;
    values.forEach((value, index) => {
      draws[index]!.push(value!);
      differenceDraws[index]!.push(values[0]! - value!);
    });
  }
  const interval = (list: number[]): Interval => {
    const sorted = [...list].sort((a, b) => a - b);
    return { low: percentile(sorted, 0.025), high: percentile(sorted, 0.975) };
  };
  return { intervals: draws.map(interval), differences: differenceDraws.map(interval) };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export interface LogisticFit {
  readonly intercept: number;
  readonly weights: readonly number[];
}

/**
 * Logistic regression with an L2 penalty and every weight kept at or above zero (projected gradient
 * descent), so a fitted weight can shrink an indicator to nothing but never reverse its polarity.
 * Features marked in `free` (an earlier judgement's age, say, whose direction has no polarity to keep)
 * may take either sign.
 */
export function fitNonNegativeLogistic(
  features: readonly (readonly number[])[],
  outcomes: readonly boolean[],
  penalty: number,
  {
    iterations = 1000,
    nonNegative = true,
    free = [],
  }: { iterations?: number; nonNegative?: boolean; free?: readonly boolean[] } = {},
): LogisticFit {
  const n = features.length;
  const k = features[0]?.length ?? 0;
  let intercept = 0;
  const weights = new Array<number>(k).fill(0);
  let scale = 0;
  for (const row of features) for (const x of row) scale += x * x;
  const step = 1 / (0.25 * (scale / Math.max(1, n) + 1) + penalty);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    let gradientIntercept = 0;
    const gradient = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i += 1) {
      const row = features[i]!;
      let linear = intercept;
      for (let j = 0; j < k; j += 1) linear += weights[j]! * row[j]!;
      const error = sigmoid(linear) - (outcomes[i] ? 1 : 0);
      gradientIntercept += error;
      for (let j = 0; j < k; j += 1) gradient[j]! += error * row[j]!;
    }
    intercept -= (step * gradientIntercept) / n;
    for (let j = 0; j < k; j += 1) {
      const next = weights[j]! - step * (gradient[j]! / n + penalty * weights[j]!);
      weights[j] = nonNegative && !free[j] ? Math.max(0, next) : next;
    }
  }
  return { intercept, weights };
}

/** One-variable calibration: P(inadequate) = sigmoid(a + b · score), b ≥ 0, fitted by maximum likelihood. */
export function fitCalibration(scores: readonly number[], outcomes: readonly boolean[]): LogisticFit {
  // Centred so the descent converges quickly whatever the score's scale; the intercept is moved back.
  const centre = scores.reduce((total, score) => total + score, 0) / Math.max(1, scores.length);
  const fit = fitNonNegativeLogistic(
    scores.map((score) => [score - centre]),
    outcomes,
    0,
    { iterations: 2000 },
  );
  return { intercept: fit.intercept - fit.weights[0]! * centre, weights: fit.weights };
}

/** The chance a council is flagged when the worst `rate` of `population` are: ties at the cut share the remainder. */
export function flagProbability(
  score: number,
  population: readonly number[],
  rate: number = FLAG_RATE,
): number {
  const quota = rate * population.length;
  let above = 0;
  let equal = 0;
  for (const other of population) {
    if (other > score) above += 1;
    else if (other === score) equal += 1;
  }
  if (above >= quota) return 0;
  if (above + equal <= quota) return 1;
  return (quota - above) / equal;
}

/** Wilson score 95% interval of a proportion. */
export function wilson(successes: number, total: number): Interval {
  if (total === 0) return { low: 0, high: 1 };
  const z = 1.959964;
  const p = successes / total;
  const denominator = 1 + (z * z) / total;
  const centre = (p + (z * z) / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

// The procedure, fixed before fitting --------------------------------------------------------------

export const TARGETS = ['riOrWorse', 'inadequate'] as const;
export type Target = (typeof TARGETS)[number];
export const TARGET_NAMES: Readonly<Record<Target, string>> = {
  riOrWorse: 'requires improvement or worse',
  inadequate: 'inadequate',
};
export const isPositive = (inspection: Inspection, target: Target): boolean =>
  target === 'inadequate' ? inspection.inadequate : inspection.riOrWorse;

/** Test years whose results choose the variant; later test years only confirm the choice. */
export const SELECTION_YEARS: readonly number[] = [2019, 2020, 2021, 2022];
/** A signal group must raise the mean selection AUC of the two targets by this much to be kept. */
export const GAIN_PER_GROUP = 0.01;
/** How far back the lead time looks, in months. */
export const LEAD_MONTHS = 36;
/** "Extreme" data: the worst tenth of councils, for the question whether data alone should reach red. */
export const EXTREME_RATE = 0.1;

export type SignalGroup = 'levels' | 'trend' | 'judgement';
export interface Variant {
  readonly id: string;
  readonly groups: readonly SignalGroup[];
  readonly description: string;
}

/** The candidate signal sets, in order of preference when they tie (simplest first). */
export const VARIANTS: readonly Variant[] = [
  {
    id: 'levels',
    groups: ['levels'],
    description: "each scored indicator's position in its latest published year (the shipped method)",
  },
  {
    id: 'levels+trend',
    groups: ['levels', 'trend'],
    description: 'positions, and each indicator’s sustained change over the last two published years',
  },
  {
    id: 'levels+judgement',
    groups: ['levels', 'judgement'],
    description: 'positions, and the previous Ofsted judgement with its age',
  },
  {
    id: 'levels+trend+judgement',
    groups: ['levels', 'trend', 'judgement'],
    description: 'positions, sustained change, and the previous judgement with its age',
  },
];

export interface VariantSelection {
  readonly id: string;
  readonly groups: number;
  readonly aucByTarget: Readonly<Record<Target, number | null>>;
}

/**
 * The rule that keeps a signal: each variant is scored by the mean of its two targets' AUCs over the
 * selection years, less GAIN_PER_GROUP for every signal group beyond the indicator levels; the best
 * score wins, the simpler variant on a tie.
 */
export function chooseVariant(candidates: readonly VariantSelection[]): string {
  let best: { id: string; score: number } | null = null;
  for (const candidate of candidates) {
    const values = TARGETS.map((target) => candidate.aucByTarget[target] ?? 0.5);
    const score = values.reduce((a, b) => a + b, 0) / values.length - GAIN_PER_GROUP * (candidate.groups - 1);
    if (!best || score > best.score + 1e-9) best = { id: candidate.id, score };
  }
  if (!best) throw new Error('No variant to choose from');
  return best.id;
}

// The backtest ------------------------------------------------------------------------------------

const BASELINES = ['previous-grade', 'equal-composite'] as const;
const ENGINE_BANDS = 'engine bands';

export interface ModelResult {
  readonly id: string;
  readonly description: string;
  readonly auc: number;
  readonly aucInterval: Interval;
  /** The chosen model's AUC minus this one's: paired bootstrap 95% interval (null for the chosen model). */
  readonly chosenMinusThis: Interval | null;
  readonly chosenMinusThisPoint: number | null;
  readonly aucSelectionYears: number | null;
  readonly aucConfirmationYears: number | null;
  /** At the 20% flag rate over all councils at the time of each inspection. */
  readonly flaggedShareOfInspections: number;
  readonly sensitivity: number;
  readonly precision: number;
  readonly brier: number;
  /** Mean calibrated probability against the observed rate: calibration in the large. */
  readonly meanProbability: number;
  readonly aucByYear: Readonly<Record<string, number | null>>;
}

export interface LeadTime {
  readonly model: string;
  readonly positives: number;
  readonly flaggedAtInspection: number;
  readonly flaggedSixMonthsAhead: number;
  readonly flaggedTwelveMonthsAhead: number;
  /** Median months flagged without a break before the inspection, among those flagged at it. */
  readonly medianMonths: number | null;
}

export interface DeprivationThird {
  readonly third: number;
  readonly fsmRange: string;
  readonly inspections: number;
  readonly positives: number;
  /** Share of the third's tested inspections flagged, by model. */
  readonly flagRateInspections: Readonly<Record<string, number>>;
  /** Share of all the third's councils flagged at 1 April of each test year, pooled, by model. */
  readonly flagRateAllCouncils: Readonly<Record<string, number>>;
}

export interface BandEvidenceRow {
  readonly group: string;
  readonly inspections: number;
  readonly inadequate: number;
  readonly riOrWorse: number;
  readonly inadequateShare: Interval & { readonly value: number };
  readonly riOrWorseShare: Interval & { readonly value: number };
}

export interface TargetReport {
  readonly target: Target;
  readonly name: string;
  readonly positives: number;
  readonly baseRate: number;
  readonly models: readonly ModelResult[];
  readonly leadTimes: readonly LeadTime[];
  readonly deprivation: readonly DeprivationThird[];
  /** Most deprived third's flag rate over the least deprived third's, all councils, by model. */
  readonly deprivationRatio: Readonly<Record<string, number>>;
  readonly singleIndicators: readonly { readonly indicator: string; readonly auc: number | null }[];
  readonly finalWeights: Readonly<Record<string, number>>;
  readonly penaltySensitivity: readonly { readonly penalty: number; readonly auc: number }[];
  readonly goal: {
    readonly auc: number;
    readonly reached: boolean;
    readonly aheadOfBaselines: boolean;
    readonly deprivationWithin: boolean;
  };
}

export interface BacktestReport {
  readonly modelVersion: string;
  readonly generatedFrom: string;
  readonly attribution: string;
  readonly rules: Readonly<Record<string, string | number>>;
  readonly inspections: {
    readonly total: number;
    readonly tested: number;
    readonly selection: number;
    readonly confirmation: number;
  };
  readonly excluded: InspectionHistory['excluded'];
  readonly variantSelection: readonly (VariantSelection & { readonly score: number })[];
  readonly chosen: string;
  readonly targets: readonly TargetReport[];
  readonly bandEvidence: readonly BandEvidenceRow[];
  readonly dataAloneReachesRed: boolean;
  readonly deprivationUnknown: number;
  readonly shippedWeights: Readonly<Record<string, number>>;
  /** The final "levels" fit on the inadequate target × WEIGHT_SCALE, rounded as shipped. */
  readonly refittedShippedWeights: Readonly<Record<string, number>>;
}

export interface BacktestOptions {
  readonly referenceDir?: string;
  readonly bootstrapSamples?: number;
  readonly seed?: number;
}

/** One moment at which a council is scored: the data vintages and judgements published before `date`. */
interface Moment {
  readonly la: string;
  readonly date: string;
  readonly cin: number;
  readonly workforce: number;
}

const momentOf = (la: string, date: string): Moment => ({
  la,
  date,
  cin: cinPeriodAvailable(date),
  workforce: workforcePeriodAvailable(date),
});

/** The first day of the month `months` before `date`'s month, or `date` itself for 0. */
export function monthsBefore(date: string, months: number): string {
  if (months === 0) return date;
  const shifted = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 - months, 1));
  return shifted.toISOString().slice(0, 10);
}

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;
const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return percentile(sorted, 0.5);
};

export const featureNames = (groups: readonly SignalGroup[]): string[] =>
  groups.flatMap((group) =>
    group === 'levels'
      ? SCORED.map((indicator) => indicator.code)
      : group === 'trend'
        ? SCORED.map((indicator) => `trend: ${indicator.code}`)
        : [...JUDGEMENT_FEATURES],
  );

export function runBacktest(options: BacktestOptions = {}): BacktestReport {
  const referenceDir = options.referenceDir ?? REFERENCE_DIR;
  const samples = options.bootstrapSamples ?? 2000;
  const seed = options.seed ?? 20250331;
  const history = loadInspections(referenceDir);
  const grades = loadGradeHistory(referenceDir);
  const deprivationOf = loadDeprivation(referenceDir);
  const data = new VintageData();
  const all = history.inspections;
  const yearOf = (date: string) => Number(date.slice(0, 4));

  // Features -----------------------------------------------------------------------------------
  const cached = <T>(compute: (la: string, cin: number, workforce: number) => T) => {
    const cache = new Map<string, T>();
    return (la: string, cin: number, workforce: number): T => {
      const key = `${la}|${cin}|${workforce}`;
      let value = cache.get(key);
      if (value === undefined) {
        value = compute(la, cin, workforce);
        cache.set(key, value);
      }
      return value;
    };
  };
  const resultsOf = cached((la, cin, workforce) => data.results(la, cin, workforce));
  const levelsOf = cached((la, cin, workforce) => featureVector(resultsOf(la, cin, workforce)));
  const rawOf = cached((la, cin, workforce) => rawPositions(resultsOf(la, cin, workforce)));
  const trendOf = cached((la, cin, workforce) =>
    sustainedChange(
      rawOf(la, cin, workforce),
      rawOf(la, cin - 1, workforce - 1),
      rawOf(la, cin - 2, workforce - 2),
    ),
  );
  const engineOf = cached(
    (la, cin, workforce) => scoreIndicators(resultsOf(la, cin, workforce)).scoreHundredths / 100,
  );
  const compositeOf = cached((la, cin, workforce) => equalWeightComposite(resultsOf(la, cin, workforce)));
  const vectorOf = (groups: readonly SignalGroup[], moment: Moment): number[] =>
    groups.flatMap((group) =>
      group === 'levels'
        ? levelsOf(moment.la, moment.cin, moment.workforce)
        : group === 'trend'
          ? trendOf(moment.la, moment.cin, moment.workforce)
          : judgementFeatures(grades.previousJudgement(moment.la, moment.date), moment.date),
    );
  const freeOf = (groups: readonly SignalGroup[]) =>
    groups.flatMap((group) =>
      group === 'judgement' ? JUDGEMENT_FEATURES.map(() => true) : SCORED.map(() => false),
    );

  // Fits at each origin --------------------------------------------------------------------------
  const testYears = [...new Set(all.map((inspection) => yearOf(inspection.inspected)))].filter(
    (year) => year >= FIRST_TEST_YEAR,
  );
  const trainingOf = (year: number) => all.filter((inspection) => inspection.published < `${year}-01-01`);
  const fits = new Map<string, LogisticFit>();
  const fitFor = (variant: Variant, target: Target, year: number, penalty = RIDGE_PENALTY): LogisticFit => {
    const key = `${variant.id}|${target}|${year}|${penalty}`;
    let fit = fits.get(key);
    if (!fit) {
      const training = trainingOf(year);
      fit = fitNonNegativeLogistic(
        training.map((inspection) => vectorOf(variant.groups, momentOf(inspection.la, inspection.inspected))),
        training.map((inspection) => isPositive(inspection, target)),
        penalty,
        { free: freeOf(variant.groups) },
      );
      fits.set(key, fit);
    }
    return fit;
  };
  const linear = (fit: LogisticFit, features: readonly number[]) =>
    features.reduce((total, x, j) => total + fit.weights[j]! * x, 0);

  // Every model as a score of a moment, for a target and an origin year -----------------------------
  type ModelId = string;
  const variantById = new Map(VARIANTS.map((variant) => [variant.id, variant]));
  const usesDate = (model: ModelId) =>
    model === 'previous-grade' || (variantById.get(model)?.groups.includes('judgement') ?? false);
  const scoreOf = (
    model: ModelId,
    target: Target,
    moment: Moment,
    year: number,
    penalty?: number,
  ): number => {
    if (model === 'engine') return engineOf(moment.la, moment.cin, moment.workforce);
    if (model === 'equal-composite') return compositeOf(moment.la, moment.cin, moment.workforce);
    // A missing previous grade reads as "requires improvement", the commonest judgement.
    if (model === 'previous-grade') return grades.previousGrade(moment.la, moment.date) ?? 3;
    const variant = variantById.get(model)!;
    return linear(fitFor(variant, target, year, penalty), vectorOf(variant.groups, moment));
  };
  const populations = new Map<string, number[]>();
  const populationOf = (model: ModelId, target: Target, moment: Moment, year: number): number[] => {
    const fitted = variantById.has(model);
    const key = `${model}|${fitted ? `${target}|${year}` : ''}|${moment.cin}|${moment.workforce}|${usesDate(model) ? moment.date : ''}`;
    let scores = populations.get(key);
    if (!scores) {
      scores = data.councils(moment.cin).map((la) => scoreOf(model, target, { ...moment, la }, year));
      populations.set(key, scores);
    }
    return scores;
  };
  const flagOf = (model: ModelId, target: Target, moment: Moment, year: number, rate = FLAG_RATE) =>
    flagProbability(scoreOf(model, target, moment, year), populationOf(model, target, moment, year), rate);

  const tested = all.filter((inspection) => yearOf(inspection.inspected) >= FIRST_TEST_YEAR);
  const inSelection = tested.map((inspection) => SELECTION_YEARS.includes(yearOf(inspection.inspected)));
  const momentsTested = tested.map((inspection) => momentOf(inspection.la, inspection.inspected));
  const scoresFor = (model: ModelId, target: Target, penalty?: number) =>
    tested.map((inspection, index) =>
      scoreOf(model, target, momentsTested[index]!, yearOf(inspection.inspected), penalty),
    );
  const outcomesFor = (target: Target) => tested.map((inspection) => isPositive(inspection, target));
  const aucWhere = (
    scores: readonly number[],
    outcomes: readonly boolean[],
    keep: (i: number) => boolean,
  ) => {
    const indices = scores.flatMap((_, i) => (keep(i) ? [i] : []));
    const value = auc(
      indices.map((i) => scores[i]!),
      indices.map((i) => outcomes[i]!),
    );
    return value === null ? null : round(value);
  };

  // Choose the variant on the selection years only ---------------------------------------------------
  const variantSelection = VARIANTS.map((variant) => {
    const aucByTarget = Object.fromEntries(
      TARGETS.map((target) => [
        target,
        aucWhere(scoresFor(variant.id, target), outcomesFor(target), (i) => inSelection[i]!),
      ]),
    ) as Record<Target, number | null>;
    const values = TARGETS.map((target) => aucByTarget[target] ?? 0.5);
    return {
      id: variant.id,
      groups: variant.groups.length,
      aucByTarget,
      score: round(mean(values) - GAIN_PER_GROUP * (variant.groups.length - 1)),
    };
  });
  const chosen = chooseVariant(variantSelection);
  const chosenVariant = variantById.get(chosen)!;

  // Calibration of each model's score, fitted on the inspections published before the origin ----------
  const calibrations = new Map<string, LogisticFit>();
  const probabilityOf = (model: ModelId, target: Target, score: number, year: number): number => {
    const variant = variantById.get(model);
    if (variant) return sigmoid(fitFor(variant, target, year).intercept + score);
    const key = `${model}|${target}|${year}`;
    let fit = calibrations.get(key);
    if (!fit) {
      const training = trainingOf(year);
      fit = fitCalibration(
        training.map((inspection) =>
          scoreOf(model, target, momentOf(inspection.la, inspection.inspected), year),
        ),
        training.map((inspection) => isPositive(inspection, target)),
      );
      calibrations.set(key, fit);
    }
    return sigmoid(fit.intercept + fit.weights[0]! * score);
  };

  const modelIds: ModelId[] = [
    chosen,
    ...VARIANTS.map((variant) => variant.id).filter((id) => id !== chosen),
    'engine',
    ...BASELINES,
  ];
  const descriptionOf = (model: ModelId): string => {
    const variant = variantById.get(model);
    if (variant)
      return `Refitted at each origin (L2 logistic, indicator weights kept at or above zero) on ${variant.description}`;
    if (model === 'engine')
      return 'The shipped engine (model.ts weights). Its weights were fitted on all these inspections for the inadequate target, so its AUC is in-sample';
    if (model === 'previous-grade')
      return 'Baseline: the last Ofsted overall grade published before the inspection (SIF or ILACS)';
    return 'Baseline: mean oriented position of every polarity indicator, equal weights, no caution';
  };

  // Deprivation thirds, cut over all councils on the latest data -------------------------------------
  const latestCin = Math.max(...tested.map((inspection) => inspection.cinPeriod));
  const proxy = data
    .councils(latestCin)
    .map((la) => deprivationOf(la, latestCin))
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  const thirdCuts = [1 / 3, 2 / 3].map((p) => percentile(proxy, p));
  const thirdOf = (value: number | null) =>
    value === null ? null : thirdCuts.filter((cut) => value > cut).length + 1;

  const targets: TargetReport[] = TARGETS.map((target) => {
    const outcomes = outcomesFor(target);
    const positives = outcomes.filter(Boolean).length;
    const scoreLists = modelIds.map((model) => scoresFor(model, target));
    const boot = bootstrapAuc(scoreLists, outcomes, samples, seed);
    const models: ModelResult[] = modelIds.map((model, m) => {
      const scores = scoreLists[m]!;
      let flagged = 0;
      let caught = 0;
      let brier = 0;
      let probabilities = 0;
      tested.forEach((inspection, i) => {
        const year = yearOf(inspection.inspected);
        const flag = flagOf(model, target, momentsTested[i]!, year);
        flagged += flag;
        if (outcomes[i]) caught += flag;
        const probability = probabilityOf(model, target, scores[i]!, year);
        probabilities += probability;
        brier += (probability - (outcomes[i] ? 1 : 0)) ** 2;
      });
      const value = auc(scores, outcomes)!;
      return {
        id: model,
        description: descriptionOf(model),
        auc: round(value),
        aucInterval: { low: round(boot.intervals[m]!.low), high: round(boot.intervals[m]!.high) },
        chosenMinusThis:
          m === 0 ? null : { low: round(boot.differences[m]!.low), high: round(boot.differences[m]!.high) },
        chosenMinusThisPoint: m === 0 ? null : round(auc(scoreLists[0]!, outcomes)! - value),
        aucSelectionYears: aucWhere(scores, outcomes, (i) => inSelection[i]!),
        aucConfirmationYears: aucWhere(scores, outcomes, (i) => !inSelection[i]!),
        flaggedShareOfInspections: round(flagged / tested.length),
        sensitivity: round(caught / positives),
        precision: round(caught / flagged),
        brier: round(brier / tested.length, 4),
        meanProbability: round(probabilities / tested.length),
        aucByYear: Object.fromEntries(
          testYears.map((year) => [
            String(year),
            aucWhere(scores, outcomes, (i) => yearOf(tested[i]!.inspected) === year),
          ]),
        ),
      };
    });

    // Lead time: months flagged without a break before each positive inspection.
    // "engine bands" is the shipped engine's own band, month by month with its hysteresis and dwell, and
    // no intelligence: amber is its "high" data rating, whatever share of councils that is.
    const leadModels = [chosen, 'engine', ENGINE_BANDS, ...BASELINES];
    const flaggedMonths = (model: ModelId, inspection: Inspection): boolean[] => {
      const year = yearOf(inspection.inspected);
      const dates = Array.from({ length: LEAD_MONTHS + 1 }, (_, back) =>
        monthsBefore(inspection.inspected, back),
      );
      if (model !== ENGINE_BANDS) {
        return dates.map((date) => flagOf(model, target, momentOf(inspection.la, date), year) >= 0.5);
      }
      const amber: boolean[] = [];
      let previous: { rating: DataRating; band: RiskBand; sinceDay: number } | null = null;
      for (const date of [...dates].reverse()) {
        const moment = momentOf(inspection.la, date);
        const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
        const rating = dataRating(engineOf(moment.la, moment.cin, moment.workforce), previous?.rating);
        const band: RiskBand = applyDwell(escalate(rating, 'none'), previous, day).band;
        previous = { rating, band, sinceDay: previous && previous.band === band ? previous.sinceDay : day };
        amber.unshift(band !== 'green');
      }
      return amber;
    };
    const leadTimes: LeadTime[] = leadModels.map((model) => {
      const runs: number[] = [];
      let flaggedAtInspection = 0;
      let six = 0;
      let twelve = 0;
      tested.forEach((inspection, i) => {
        if (!outcomes[i]) return;
        const flagged = flaggedMonths(model, inspection);
        let months = -1;
        while (months + 1 < flagged.length && flagged[months + 1]) months += 1;
        if (months < 0) return;
        flaggedAtInspection += 1;
        if (months >= 6) six += 1;
        if (months >= 12) twelve += 1;
        runs.push(months);
      });
      return {
        model,
        positives,
        flaggedAtInspection,
        flaggedSixMonthsAhead: six,
        flaggedTwelveMonthsAhead: twelve,
        medianMonths: median(runs),
      };
    });

    // Flag rates by deprivation third: tested inspections, and all councils at 1 April of each test year.
    const deprivationModels = [chosen, 'engine', ...BASELINES];
    const allCouncilFlags = new Map<string, { flagged: number; total: number }>();
    for (const year of testYears) {
      const date = `${year}-04-01`;
      for (const la of data.councils(cinPeriodAvailable(date))) {
        const third = thirdOf(deprivationOf(la, cinPeriodAvailable(date)));
        if (third === null) continue;
        for (const model of deprivationModels) {
          const key = `${model}|${third}`;
          const entry = allCouncilFlags.get(key) ?? { flagged: 0, total: 0 };
          entry.flagged += flagOf(model, target, momentOf(la, date), year);
          entry.total += 1;
          allCouncilFlags.set(key, entry);
        }
      }
    }
    const deprivation: DeprivationThird[] = [1, 2, 3].map((third) => {
      const members = tested.flatMap((inspection, i) =>
        thirdOf(deprivationOf(inspection.la, inspection.cinPeriod)) === third ? [i] : [],
      );
      const low = third === 1 ? proxy[0]! : thirdCuts[third - 2]!;
      const high = third === 3 ? proxy.at(-1)! : thirdCuts[third - 1]!;
      return {
        third,
        fsmRange: `${low.toFixed(1)}–${high.toFixed(1)}%`,
        inspections: members.length,
        positives: members.filter((i) => outcomes[i]).length,
        flagRateInspections: Object.fromEntries(
          deprivationModels.map((model) => [
            model,
            round(
              mean(
                members.map((i) => flagOf(model, target, momentsTested[i]!, yearOf(tested[i]!.inspected))),
              ),
            ),
          ]),
        ),
        flagRateAllCouncils: Object.fromEntries(
          deprivationModels.map((model) => {
            const entry = allCouncilFlags.get(`${model}|${third}`)!;
            return [model, round(entry.flagged / entry.total)];
          }),
        ),
      };
    });
    const deprivationRatio = Object.fromEntries(
      deprivationModels.map((model) => [
        model,
        round(
          deprivation[2]!.flagRateAllCouncils[model]! /
            Math.max(1e-9, deprivation[0]!.flagRateAllCouncils[model]!),
          2,
        ),
      ]),
    );

    const singleIndicators = SCORED.map((indicator, j) => {
      const pairs = tested.flatMap((inspection, i) => {
        const position = rawOf(inspection.la, inspection.cinPeriod, inspection.workforcePeriod)[j];
        return position === null || position === undefined
          ? []
          : [{ score: position, outcome: outcomes[i]! }];
      });
      const value = auc(
        pairs.map((pair) => pair.score),
        pairs.map((pair) => pair.outcome),
      );
      return { indicator: indicator.code, auc: value === null ? null : round(value) };
    });

    const finalFit = fitFor(chosenVariant, target, 2026);
    const names = featureNames(chosenVariant.groups);
    const finalWeights = Object.fromEntries(names.map((name, j) => [name, round(finalFit.weights[j]!)]));
    const penaltySensitivity = [0.03, RIDGE_PENALTY, 0.3].map((penalty) => ({
      penalty,
      auc: round(auc(scoresFor(chosen, target, penalty), outcomes)!),
    }));

    const goalAuc = target === 'riOrWorse' ? 0.75 : 0.72;
    const chosenRow = models[0]!;
    const baselineRows = models.filter((row) => (BASELINES as readonly string[]).includes(row.id));
    return {
      target,
      name: TARGET_NAMES[target],
      positives,
      baseRate: round(positives / tested.length),
      models,
      leadTimes,
      deprivation,
      deprivationRatio,
      singleIndicators,
      finalWeights,
      penaltySensitivity,
      goal: {
        auc: goalAuc,
        reached: chosenRow.auc >= goalAuc,
        aheadOfBaselines: baselineRows.every((row) => (row.chosenMinusThis?.low ?? 0) > 0),
        deprivationWithin: deprivationRatio[chosen]! <= 1.5,
      },
    };
  });

  // Bands: does an extreme data score with sustained deterioration deserve red without intelligence? ----
  const chosenScore = (target: Target, moment: Moment, year: number) => scoreOf(chosen, target, moment, year);
  const groups = new Map<string, number[]>();
  const addTo = (group: string, index: number) => groups.set(group, [...(groups.get(group) ?? []), index]);
  tested.forEach((inspection, i) => {
    const year = yearOf(inspection.inspected);
    const moment = momentsTested[i]!;
    addTo('all tested inspections', i);
    if (flagOf(chosen, 'inadequate', moment, year) >= 0.5) addTo('flagged: worst 20% (amber from data)', i);
    if (flagOf(chosen, 'inadequate', moment, year, EXTREME_RATE) < 0.5) return;
    addTo('extreme: worst 10%', i);
    const yearAgo = momentOf(inspection.la, monthsBefore(inspection.inspected, 12));
    const twoYearsAgo = momentOf(inspection.la, monthsBefore(inspection.inspected, 24));
    const now = chosenScore('inadequate', moment, year);
    const before = chosenScore('inadequate', yearAgo, year);
    const earlier = chosenScore('inadequate', twoYearsAgo, year);
    if (now > before && before > earlier) addTo('extreme and worsening two years running', i);
  });
  const bandEvidence: BandEvidenceRow[] = [...groups.entries()].map(([group, members]) => {
    const inadequate = members.filter((i) => tested[i]!.inadequate).length;
    const riOrWorse = members.filter((i) => tested[i]!.riOrWorse).length;
    const share = (count: number) => {
      const interval = wilson(count, members.length);
      return {
        value: round(count / members.length),
        low: round(interval.low),
        high: round(interval.high),
      };
    };
    return {
      group,
      inspections: members.length,
      inadequate,
      riOrWorse,
      inadequateShare: share(inadequate),
      riOrWorseShare: share(riOrWorse),
    };
  });
  const amber = bandEvidence.find((row) => row.group.startsWith('flagged'));
  const extremeWorsening = bandEvidence.find((row) => row.group.startsWith('extreme and'));
  // Fixed rule: red from data alone only if at least 10 such inspections and the lower 95% bound of their
  // inadequate share is above the share among all flagged (amber) inspections.
  const dataAloneReachesRed =
    !!amber &&
    !!extremeWorsening &&
    extremeWorsening.inspections >= 10 &&
    extremeWorsening.inadequateShare.low > amber.inadequateShare.value;

  const levelsFinal = fitFor(variantById.get('levels')!, 'inadequate', 2026);
  return {
    modelVersion: MODEL_VERSION,
    generatedFrom:
      'ofsted_ilacs_history_2018_2025.csv, ofsted_la_inspections_2009_2023_all_frameworks.csv, lait_csc_subset_long.csv (Ever6_FSM_Prim), shared/reference/baseline/national-baseline.json',
    attribution:
      'Contains public sector information licensed under the Open Government Licence v3.0. Sources: Ofsted (inspection outcomes), Department for Education (children in need, children looked after, workforce, school census).',
    rules: {
      cinAvailable: 'year to 31 March Y usable from 1 January Y+1',
      workforceAvailable: 'at 30 September Y usable from 1 April Y+1',
      judgementAvailable: 'from its publication date',
      origin: '1 January of each test year; training = inspections published before it',
      firstTestYear: FIRST_TEST_YEAR,
      selectionYears: SELECTION_YEARS.join(', '),
      gainPerGroup: GAIN_PER_GROUP,
      flagRate: FLAG_RATE,
      extremeRate: EXTREME_RATE,
      leadMonths: LEAD_MONTHS,
      flagPopulation: 'all councils with data at the same vintage',
      bootstrapSamples: samples,
      seed,
      ridgePenalty: RIDGE_PENALTY,
      newFrameworkFrom: NEW_FRAMEWORK_FROM,
    },
    inspections: {
      total: all.length,
      tested: tested.length,
      selection: inSelection.filter(Boolean).length,
      confirmation: inSelection.filter((value) => !value).length,
    },
    excluded: history.excluded,
    variantSelection,
    chosen,
    targets,
    bandEvidence,
    dataAloneReachesRed,
    deprivationUnknown: tested.filter(
      (inspection) => deprivationOf(inspection.la, inspection.cinPeriod) === null,
    ).length,
    shippedWeights: { ...INDICATOR_WEIGHTS },
    refittedShippedWeights: Object.fromEntries(
      SCORED.map((indicator, j) => [
        indicator.code,
        Math.round(levelsFinal.weights[j]! * WEIGHT_SCALE * 100) / 100,
      ]),
    ),
  };
}

// Report ------------------------------------------------------------------------------------------

const pct = (value: number) => `${(value * 100).toFixed(0)}%`;
const fixed = (value: number | null | undefined, places = 3) =>
  value === null || value === undefined ? '–' : value.toFixed(places);
const range = (interval: Interval | null) =>
  interval ? `${fixed(interval.low)} to ${fixed(interval.high)}` : '–';

function renderTarget(report: BacktestReport, target: TargetReport): string[] {
  const chosen = target.models[0]!;
  const years = Object.keys(chosen.aucByYear);
  const row = (id: string) => target.models.find((model) => model.id === id)!;
  const baselines = BASELINES.map(row);
  const ahead = baselines.map(
    (baseline) =>
      `${baseline.id} by ${fixed(baseline.chosenMinusThisPoint)} (95% interval ${range(baseline.chosenMinusThis)}${(baseline.chosenMinusThis?.low ?? 0) > 0 ? ', above zero' : ', which includes zero'})`,
  );
  const lead = target.leadTimes;
  const flagModels = Object.keys(target.deprivationRatio);
  return [
    `## Target: ${target.name}`,
    '',
    `${target.positives} of ${report.inspections.tested} tested inspections (base rate ${pct(target.baseRate)}).`,
    '',
    '| model | AUC (95% interval) | selection years | confirmation years | kept model minus this (paired 95% interval) | flagged | sensitivity | precision | Brier | mean probability |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...target.models.map(
      (model) =>
        `| ${model.id}${model.id === report.chosen ? ' (kept)' : ''} | ${fixed(model.auc)} (${fixed(model.aucInterval.low)}–${fixed(model.aucInterval.high)}) | ${fixed(model.aucSelectionYears)} | ${fixed(model.aucConfirmationYears)} | ${model.chosenMinusThis ? `${fixed(model.chosenMinusThisPoint)} (${range(model.chosenMinusThis)})` : '–'} | ${pct(model.flaggedShareOfInspections)} | ${pct(model.sensitivity)} | ${pct(model.precision)} | ${fixed(model.brier, 4)} | ${fixed(model.meanProbability)} |`,
    ),
    '',
    `Always forecasting the base rate would score a Brier of ${fixed(target.baseRate * (1 - target.baseRate), 4)}; the mean calibrated probability should be near the base rate (${fixed(target.baseRate)}).`,
    '',
    `**Against the goal** (out-of-sample AUC at least ${fixed(target.goal.auc, 2)}, ahead of both baselines with the paired interval above zero): the kept model reaches **${fixed(chosen.auc)}**, which ${target.goal.reached ? 'meets' : '**does not meet**'} the AUC goal. It is ahead of ${ahead.join(' and of ')}; the goal of a lead above zero on both is ${target.goal.aheadOfBaselines ? 'met' : '**not met**'}.`,
    '',
    'AUC by year of inspection (few outcomes a year, so it swings):',
    '',
    `| model | ${years.join(' | ')} |`,
    `| --- | ${years.map(() => '---').join(' | ')} |`,
    ...target.models.map(
      (model) => `| ${model.id} | ${years.map((year) => fixed(model.aucByYear[year] ?? null)).join(' | ')} |`,
    ),
    '',
    `### Lead time (${target.name})`,
    '',
    `For each of the ${target.positives} councils later judged ${target.name}, the months without a break before the inspection in which the model, on the data published by then, put it among the worst ${pct(FLAG_RATE)} of councils (about the share the data alone makes amber; data alone never makes red). Looked back at most ${LEAD_MONTHS} months, monthly, with the model fitted at the inspection year's origin; a median of ${LEAD_MONTHS} means flagged for the whole look-back. "${ENGINE_BANDS}" is the shipped engine's own band month by month (amber from its "high" data rating, with hysteresis and dwell, no intelligence).`,
    '',
    '| model | flagged at inspection | flagged 6+ months ahead | flagged 12+ months ahead | median months flagged (of those flagged) |',
    '| --- | --- | --- | --- | --- |',
    ...lead.map(
      (entry) =>
        `| ${entry.model} | ${entry.flaggedAtInspection} of ${entry.positives} | ${entry.flaggedSixMonthsAhead} | ${entry.flaggedTwelveMonthsAhead} | ${fixed(entry.medianMonths, 1)} |`,
    ),
    '',
    `### Flag rates by deprivation third (${target.name})`,
    '',
    'Proxy: the share of primary pupils eligible for free school meals at any time in the last six years (DfE school census, LAIT `Ever6_FSM_Prim`), for the year of the CIN data used; thirds cut over all councils on the latest data (1 least deprived). "All councils" pools every council at 1 April of each test year, which is what advisers would see; "inspections" is the share of tested inspections flagged.',
    '',
    `| third | FSM range | inspections | ${target.name} | ${flagModels.map((model) => `${model}: inspections / all councils`).join(' | ')} |`,
    `| --- | --- | --- | --- | ${flagModels.map(() => '---').join(' | ')} |`,
    ...target.deprivation.map(
      (third) =>
        `| ${third.third} | ${third.fsmRange} | ${third.inspections} | ${third.positives} | ${flagModels.map((model) => `${pct(third.flagRateInspections[model]!)} / ${pct(third.flagRateAllCouncils[model]!)}`).join(' | ')} |`,
    ),
    '',
    `Most over least deprived third, all councils: ${flagModels.map((model) => `${model} ${fixed(target.deprivationRatio[model], 2)}×`).join(', ')}. Goal: within 1.5× for the kept model — ${target.goal.deprivationWithin ? 'met' : '**not met**'}.`,
    '',
  ];
}

/** docs/backtest.md: the figures, the rules that produced them and what they do not show. */
export function renderMarkdown(report: BacktestReport): string {
  const [riOrWorse, inadequate] = report.targets as [TargetReport, TargetReport];
  const kept = VARIANTS.find((variant) => variant.id === report.chosen)!;
  const amber = report.bandEvidence.find((row) => row.group.startsWith('flagged'));
  const extreme = report.bandEvidence.find((row) => row.group.startsWith('extreme and'));
  const names = Object.keys(riOrWorse.finalWeights);
  const lines = [
    '# Risk model backtest',
    '',
    `Generated by \`npm run backtest\` (scripts/backtest.ts) for model ${report.modelVersion}. Every figure here is computed by that script; do not edit by hand.`,
    '',
    report.attribution,
    '',
    '## How it was run',
    '',
    `- ${report.inspections.total} ILACS inspections of current councils (January 2018 to March 2025); ${report.excluded.length} left out (councils since reorganised: ${report.excluded.map((item) => `${item.name} ${item.inspected}`).join(', ')}).`,
    `- Two targets: **${TARGET_NAMES.inadequate}** (the overall judgement; for inspections from ${NEW_FRAMEWORK_FROM}, any sub-judgement inadequate — none in this history yet) and **${TARGET_NAMES.riOrWorse}**. Each is fitted and scored on its own.`,
    `- Rolling origin: at 1 January of each year from ${FIRST_TEST_YEAR} every weight and calibration is fitted on inspections whose reports were published before that day, then used to score that year's inspections. ${report.inspections.tested} inspections are scored out of sample.`,
    "- Only data published before each inspection: CIN and SSDA903 figures for the year to 31 March Y from 1 January Y+1; workforce figures at 30 September Y from 1 April Y+1; an Ofsted judgement from its publication date. Values are DfE's figures as now published, which can differ slightly from the first release.",
    `- The procedure was fixed in code before fitting: the candidate signal sets below, the ridge penalty (${RIDGE_PENALTY}), and the rule that keeps a signal. The rule looks only at the **selection years** (${SELECTION_YEARS.join(', ')}; ${report.inspections.selection} inspections): each candidate scores the mean of its two targets' AUCs there, less ${GAIN_PER_GROUP} for each signal group beyond the indicator levels, and the best score is kept. The **confirmation years** (${report.inspections.confirmation} inspections, ${SELECTION_YEARS.at(-1)! + 1} on) played no part in the choice.`,
    `- Calibration out of time: the kept model's probabilities come from the logistic fit at each origin; other models' scores are mapped to probabilities by a one-variable logistic fitted on the same earlier inspections.`,
    `- Flag rate: at each inspection the worst ${pct(FLAG_RATE)} of all councils, scored on the same data, are flagged (ties at the cut share what is left). Sensitivity is the share of positive outcomes flagged; precision the share of flagged inspections positive.`,
    `- AUC intervals: ${report.rules.bootstrapSamples} bootstrap resamples of inspections, seed ${report.rules.seed}, percentile 95% intervals; differences from the kept model are paired on the same resamples.`,
    '',
    '## Signals tried, and the one kept',
    '',
    "- **levels**: each scored indicator's position in its latest published year (median and interquartile range, oriented, capped, small-number caution).",
    '- **trend**: for each scored indicator, the change in position over the last two published years when both yearly steps went the same way, else nothing (a one-year jump is not a trend); weights kept at or above zero.',
    `- **judgement**: the previous Ofsted judgement published before the inspection (SIF or ILACS) and its age: ${JUDGEMENT_FEATURES.join('; ')}. These may take either sign.`,
    '',
    '| candidate | AUC, requires improvement or worse (selection years) | AUC, inadequate (selection years) | rule score |',
    '| --- | --- | --- | --- |',
    ...report.variantSelection.map(
      (row) =>
        `| ${row.id}${row.id === report.chosen ? ' (kept)' : ''} | ${fixed(row.aucByTarget.riOrWorse)} | ${fixed(row.aucByTarget.inadequate)} | ${fixed(row.score)} |`,
    ),
    '',
    `Kept: **${kept.id}** (${kept.description}). Every candidate's results over all years and over the confirmation years are in the tables below, so the choice can be checked against what it did not see.`,
    '',
    ...renderTarget(report, riOrWorse),
    ...renderTarget(report, inadequate),
    '## Bands: does extreme data with sustained deterioration reach red without intelligence?',
    '',
    `Tested inspections grouped by the kept model (${TARGET_NAMES.inadequate} target): flagged (worst ${pct(FLAG_RATE)}, what the data alone makes amber); extreme (worst ${pct(EXTREME_RATE)}); extreme and its score worse than a year before, which was worse than two years before. Shares with Wilson 95% intervals.`,
    '',
    '| group | inspections | inadequate (share, 95% interval) | requires improvement or worse (share, 95% interval) |',
    '| --- | --- | --- | --- |',
    ...report.bandEvidence.map(
      (row) =>
        `| ${row.group} | ${row.inspections} | ${row.inadequate} (${pct(row.inadequateShare.value)}, ${pct(row.inadequateShare.low)}–${pct(row.inadequateShare.high)}) | ${row.riOrWorse} (${pct(row.riOrWorseShare.value)}, ${pct(row.riOrWorseShare.low)}–${pct(row.riOrWorseShare.high)}) |`,
    ),
    '',
    `Rule fixed beforehand: data alone would reach red only if at least 10 inspections were extreme and worsening and the lower bound of their inadequate share were above the share among all flagged inspections (${amber ? pct(amber.inadequateShare.value) : '–'}). ${extreme ? `It was ${extreme.inspections} inspections with a lower bound of ${pct(extreme.inadequateShare.low)}` : 'There were none'}: **${report.dataAloneReachesRed ? 'data alone may reach red' : 'data alone stays amber'}**. See docs/risk-method.md for the escalation matrix's reasons.`,
    '',
    '## Weights of the kept model (all inspections to March 2025)',
    '',
    'Log-odds per unit of each feature, fitted on every inspection published by the end of the history.',
    '',
    '| feature | requires improvement or worse | inadequate |',
    '| --- | --- | --- |',
    ...names.map(
      (name) =>
        `| ${name} | ${fixed(riOrWorse.finalWeights[name])} | ${fixed(inadequate.finalWeights[name])} |`,
    ),
    '',
    "Ridge penalty fixed at 0.1 beforehand; the kept model's AUC at other penalties:",
    '',
    '| penalty | requires improvement or worse | inadequate |',
    '| --- | --- | --- |',
    ...riOrWorse.penaltySensitivity.map(
      (row, index) =>
        `| ${row.penalty} | ${fixed(row.auc)} | ${fixed(inadequate.penaltySensitivity[index]?.auc)} |`,
    ),
    '',
    '## Single indicators (oriented position alone, same inspections)',
    '',
    '| indicator | requires improvement or worse | inadequate |',
    '| --- | --- | --- |',
    ...riOrWorse.singleIndicators.map(
      (row, index) =>
        `| ${row.indicator} | ${fixed(row.auc)} | ${fixed(inadequate.singleIndicators[index]?.auc)} |`,
    ),
    '',
    '## The shipped engine',
    '',
    `The engine (model.ts) scores the indicator levels with the weights of the **levels** candidate fitted on every inspection for the inadequate target, × ${WEIGHT_SCALE}, rounded: ${JSON.stringify(report.refittedShippedWeights) === JSON.stringify(report.shippedWeights) ? 'the refit gives exactly the shipped weights' : '**the refit no longer gives the shipped weights**'}. Its AUC above is in-sample and optimistic: quote the kept model's out-of-sample figures, not the engine's.`,
    '',
    '## What this does not show',
    '',
    '- It cannot predict a grade. It ranks councils by how their published figures compare, which is a prompt for a supportive conversation.',
    '- Soft intelligence and monthly in-year data are not in the backtest: there is no history of either. The intelligence rating, the escalation matrix and the in-year "why now" signals are documented rules, not fitted results.',
    `- No inspections under the framework from ${NEW_FRAMEWORK_FROM} exist in this history, and none after March 2025.`,
    `- ${report.deprivationUnknown} tested inspections have no value of the deprivation proxy and are left out of the deprivation tables.`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const started = Date.now();
  const report = runBacktest();
  writeFileSync(path.join(DOCS_DIR, 'backtest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(DOCS_DIR, 'backtest.md'), renderMarkdown(report));
  console.log(`kept ${report.chosen}`);
  for (const target of report.targets) {
    for (const row of target.models) {
      console.log(
        `${target.target} ${row.id}: AUC ${row.auc} (${row.aucInterval.low}-${row.aucInterval.high}), kept minus this ${row.chosenMinusThis ? `${row.chosenMinusThis.low} to ${row.chosenMinusThis.high}` : '-'}`,
      );
    }
  }
  console.log(
    `wrote docs/backtest.json and docs/backtest.md in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
