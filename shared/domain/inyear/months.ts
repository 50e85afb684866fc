// Domain: a council's in-year months over time. Months arrive late, are revised or never come: each upload's
// months are merged into the council's current months for the year (a month sent again replaces the
// earlier figures for that month as a whole; months not sent are kept), so nothing is ever counted twice.
// Every earlier state stays in the aggregates history (one item per submission), so revisions are auditable.
// The year's indicators are then worked out from the current months only.
import { WORKING_DAYS_PER_FTE_YEAR } from '../workforce/csww-aggregates.ts';
import { MEASURES, monthsOfYear } from './format.ts';
import type { MonthRow } from './reader.ts';

/** The current figures for one month, and where they came from. */
export interface InYearMonth {
  readonly month: string;
  readonly figures: Readonly<Record<string, number>>;
  /** The submission whose row these figures are. */
  readonly submissionId: string;
  readonly receivedAt: string;
  /** 1 for the first figures for the month, 2 after the first revision, … */
  readonly revision: number;
}

export type MonthChange = 'new' | 'revised' | 'unchanged';

export interface MergeResult {
  /** The current months, in calendar order. */
  readonly months: readonly InYearMonth[];
  readonly changes: readonly { readonly month: string; readonly change: MonthChange }[];
}

function sameFigures(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}

/** Merges an upload's rows into the current months: a month sent replaces that month's earlier figures. */
export function mergeMonths(
  current: readonly InYearMonth[],
  rows: readonly MonthRow[],
  submissionId: string,
  receivedAt: string,
): MergeResult {
  const byMonth = new Map(current.map((month) => [month.month, month]));
  const changes: { month: string; change: MonthChange }[] = [];
  for (const row of rows) {
    const earlier = byMonth.get(row.month);
    if (earlier && sameFigures(earlier.figures, row.figures)) {
      changes.push({ month: row.month, change: 'unchanged' });
      continue;
    }
    byMonth.set(row.month, {
      month: row.month,
      figures: { ...row.figures },
      submissionId,
      receivedAt,
      revision: (earlier?.revision ?? 0) + 1,
    });
    changes.push({ month: row.month, change: earlier ? 'revised' : 'new' });
  }
  const months = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  return { months, changes };
}

/** Months of the collection year up to the latest one received that have not been received. */
export function missingMonths(months: readonly InYearMonth[], collectionYear: number): string[] {
  const have = new Set(months.map((month) => month.month));
  const all = monthsOfYear(collectionYear);
  const latest = all.findLastIndex((month) => have.has(month));
  return all.slice(0, latest + 1).filter((month) => !have.has(month));
}

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number | null;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Year-to-date totals of a flow measure over the months that give it. */
export function flowTotal(months: readonly InYearMonth[], column: string): { total: number; months: number } {
  let total = 0;
  let count = 0;
  for (const month of months) {
    const value = month.figures[column];
    if (value === undefined) continue;
    total += value;
    count++;
  }
  return { total: round(total, 6), months: count };
}

/** Sums of a part and its whole over the months that give both (so a month lacking one is left out of both). */
function pairTotals(months: readonly InYearMonth[], part: string, whole: string): Ratio | null {
  let numerator = 0;
  let denominator = 0;
  let count = 0;
  for (const month of months) {
    const p = month.figures[part];
    const w = month.figures[whole];
    if (p === undefined || w === undefined) continue;
    numerator += p;
    denominator += w;
    count++;
  }
  return count === 0 ? null : { numerator: round(numerator, 6), denominator: round(denominator, 6) };
}

/** The latest month's value of a snapshot measure (the position now), with the month it is from. */
export function latestSnapshot(
  months: readonly InYearMonth[],
  column: string,
): { value: number; month: string } | null {
  for (let index = months.length - 1; index >= 0; index--) {
    const value = months[index]!.figures[column];
    if (value !== undefined) return { value, month: months[index]!.month };
  }
  return null;
}

/** A flow measure scaled up to a full year from the months received (12 / months given). */
function annualised(months: readonly InYearMonth[], column: string): number | null {
  const { total, months: count } = flowTotal(months, column);
  return count === 0 ? null : round((total * 12) / count, 1);
}

/**
 * The register's indicators from the current months, as numerator and denominator (the recompute makes
 * rates of them). Proportions sum part and whole over the months; rates per 10,000 children of a flow use
 * the flow annualised from the months received, and the council's published child population (null
 * denominator); snapshots use the latest month. Workforce: vacancy, agency and caseload at the latest month,
 * turnover from leavers annualised over FTE in post, absence from days lost over the working days of the
 * FTE in post for the months received.
 */
export function inyearIndicators(months: readonly InYearMonth[]): Record<string, Ratio> {
  const indicators: Record<string, Ratio> = {};
  const set = (code: string, ratio: Ratio | null) => {
    if (ratio) indicators[code] = ratio;
  };
  const perPopulation = (value: number | null): Ratio | null =>
    value === null ? null : { numerator: value, denominator: null };
  set('referral-rate', perPopulation(annualised(months, 'referrals')));
  set('re-referrals', pairTotals(months, 're_referrals', 'referrals'));
  set('referrals-no-further-action', pairTotals(months, 'referrals_nfa', 'referrals'));
  set('assessment-timeliness', pairTotals(months, 'assessments_within_45_days', 'assessments_completed'));
  set('assessed-not-in-need', pairTotals(months, 'assessments_not_in_need', 'assessments_completed'));
  set('section-47-rate', perPopulation(annualised(months, 'section_47_started')));
  set('icpc-rate', perPopulation(annualised(months, 'icpc_held')));
  set('icpc-timeliness', pairTotals(months, 'icpc_within_15_days', 'icpc_held'));
  set('repeat-cp-plans', pairTotals(months, 'cp_plans_started_repeat', 'cp_plans_started'));
  set('cp-rate', perPopulation(latestSnapshot(months, 'cp_plans_open')?.value ?? null));
  set('cla-rate', perPopulation(latestSnapshot(months, 'cla_open')?.value ?? null));
  set('cla-starting-rate', perPopulation(annualised(months, 'cla_started')));

  const inPost = latestSnapshot(months, 'sw_fte_in_post')?.value ?? null;
  const agency = latestSnapshot(months, 'sw_agency_fte')?.value ?? null;
  const vacancy = latestSnapshot(months, 'sw_vacancy_fte')?.value ?? null;
  if (inPost !== null) {
    if (vacancy !== null)
      set('sw-vacancy-rate', { numerator: vacancy, denominator: round(vacancy + inPost, 6) });
    if (agency !== null) set('sw-agency-rate', { numerator: agency, denominator: round(agency + inPost, 6) });
    const leavers = annualised(months, 'sw_leavers_fte');
    if (leavers !== null) set('sw-turnover-rate', { numerator: leavers, denominator: inPost });
    const days = flowTotal(months, 'sw_sickness_days_lost');
    if (days.months > 0)
      set('sw-absence-rate', {
        numerator: days.total,
        denominator: round((inPost * WORKING_DAYS_PER_FTE_YEAR * days.months) / 12, 6),
      });
  }
  const cases = latestSnapshot(months, 'sw_cases');
  const holders = latestSnapshot(months, 'sw_case_holder_fte');
  if (cases && holders) set('average-caseload', { numerator: cases.value, denominator: holders.value });
  return indicators;
}

/** Year-to-date totals of every measure (flows summed, snapshots at the latest month), for the report. */
export function yearToDate(months: readonly InYearMonth[]): Record<string, number | null> {
  const totals: Record<string, number | null> = { monthsReceived: months.length };
  for (const measure of MEASURES) {
    totals[measure.column] =
      measure.timing === 'flow'
        ? flowTotal(months, measure.column).months > 0
          ? flowTotal(months, measure.column).total
          : null
        : (latestSnapshot(months, measure.column)?.value ?? null);
  }
  return totals;
}
