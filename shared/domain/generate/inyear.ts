// Domain: a synthetic in-year core dataset (docs/inyear-format.md): one CSV row per month of council-level
// counts, on the council's published yearly figures spread over the months with some month-to-month noise.
// A scenario can bend the months (e.g. a workforce crisis spreading into assessment timeliness).
import { type Family, MEASURES, monthsOfYear } from '../inyear/format.ts';
import type { Random } from './random.ts';
import type { GeneratedFile } from './ssda903.ts';
import type { Targets } from './targets.ts';

/**
 * How far into a deterioration a month is for one family of measures: 0 is business as usual, 1 the worst
 * of it. Families may strain at different times (a workforce crisis shows in assessments months later).
 */
export type Strain = (monthIndex: number, family: Family) => number;

export interface InYearOptions {
  readonly la: string;
  readonly year: number;
  readonly random: Random;
  readonly targets: Targets;
  readonly scale?: number;
  /** Which months of the year to write (0 is April); all twelve when absent. */
  readonly months?: readonly number[];
  readonly strain?: Strain;
}

export type MonthFigures = Record<string, number>;

/** A count around `mean` (Poisson-like spread, never negative). */
function noisy(random: Random, mean: number): number {
  const spreadBy = Math.sqrt(Math.max(mean, 1));
  const normal = (random.next() + random.next() + random.next() - 1.5) * 2;
  return Math.max(0, Math.round(mean + normal * spreadBy));
}

function part(random: Random, whole: number, share: number): number {
  return Math.min(whole, noisy(random, whole * Math.min(1, Math.max(0, share))));
}

/** The figures of each month of the year, index 0 being April. */
export function inYearFigures(options: InYearOptions): MonthFigures[] {
  const { random, targets } = options;
  const scale = options.scale ?? 1;
  const strain = options.strain ?? (() => 0);
  const perMonth = (indicator: string, fallbackRate: number) =>
    (targets.count(indicator, fallbackRate) * scale) / 12;
  const referrals = perMonth('referral-rate', 550);
  const s47 = perMonth('section-47-rate', 180);
  const icpcs = perMonth('icpc-rate', 65);
  const claStarted = perMonth('cla-starting-rate', 25);
  const cpOpen = targets.count('cp-rate', 40) * scale;
  const claOpen = targets.count('cla-rate', 70) * scale;
  const fte = Math.max(5, targets.denominator('sw-turnover-rate', 300) * scale);
  const months: MonthFigures[] = [];
  let cp = cpOpen;
  let cla = claOpen;
  for (let index = 0; index < 12; index += 1) {
    const front = strain(index, 'front-door');
    const assessing = strain(index, 'assessments');
    const protecting = strain(index, 'child-protection');
    const staff = strain(index, 'workforce');
    const month: MonthFigures = {};
    month.referrals = noisy(random, referrals * (1 + 0.1 * front));
    month.re_referrals = part(random, month.referrals, targets.share('re-referrals', 21) * (1 + 0.3 * front));
    month.referrals_nfa = part(random, month.referrals, targets.share('referrals-no-further-action', 6));
    month.assessments_completed = noisy(random, referrals * 0.93 * (1 - 0.15 * assessing));
    month.assessments_within_45_days = part(
      random,
      month.assessments_completed,
      targets.share('assessment-timeliness', 82) * (1 - 0.45 * assessing),
    );
    month.assessments_not_in_need = part(
      random,
      month.assessments_completed,
      targets.share('assessed-not-in-need', 30),
    );
    month.section_47_started = noisy(random, s47);
    month.icpc_held = noisy(random, icpcs);
    month.icpc_within_15_days = part(
      random,
      month.icpc_held,
      targets.share('icpc-timeliness', 78) * (1 - 0.3 * protecting),
    );
    month.cp_plans_started = noisy(random, icpcs * 0.85);
    month.cp_plans_started_repeat = part(
      random,
      month.cp_plans_started,
      Math.min(0.9, targets.share('repeat-cp-plans', 23) * (1 + 1.2 * protecting)),
    );
    cp = Math.max(0, cp + month.cp_plans_started - noisy(random, icpcs * 0.85 * (1 - 0.2 * protecting)));
    month.cp_plans_open = Math.round(cp);
    month.cla_started = noisy(random, claStarted);
    month.cla_ceased = noisy(random, claStarted);
    cla = Math.max(0, cla + month.cla_started - month.cla_ceased);
    month.cla_open = Math.round(cla);
    const vacancy = Math.min(0.7, targets.share('sw-vacancy-rate', 17) * (1 + 1.5 * staff));
    const inPost = fte * (1 - 0.25 * staff);
    month.sw_fte_in_post = Math.round(inPost * 100) / 100;
    month.sw_vacancy_fte = Math.round((vacancy / (1 - vacancy)) * inPost * 100) / 100;
    const agency = Math.min(0.7, targets.share('sw-agency-rate', 17) * (1 + staff));
    month.sw_agency_fte = Math.round((agency / (1 - agency)) * inPost * 100) / 100;
    month.sw_leavers_fte =
      Math.round(((targets.share('sw-turnover-rate', 17) * (1 + 2 * staff) * fte) / 12) * 100) / 100;
    month.sw_sickness_days_lost =
      Math.round(((targets.share('sw-absence-rate', 3) * (1 + staff) * inPost * 253) / 12) * 100) / 100;
    const holders = inPost * 0.7;
    month.sw_case_holder_fte = Math.round(holders * 100) / 100;
    month.sw_cases = Math.round(holders * targets.target('average-caseload', 16).value * (1 + 0.35 * staff));
    months.push(month);
  }
  return months;
}

export function generateInYear(options: InYearOptions): GeneratedFile[] {
  const figures = inYearFigures(options);
  const names = monthsOfYear(options.year);
  const wanted = options.months ?? names.map((_, index) => index);
  const columns = ['version', 'la', 'month', ...MEASURES.map((measure) => measure.column)];
  const rows = wanted.map((index) =>
    [
      '1',
      options.la,
      names[index]!,
      ...MEASURES.map((measure) => String(figures[index]![measure.column])),
    ].join(','),
  );
  const first = names[wanted[0] ?? 0]!;
  const last = names[wanted.at(-1) ?? 0]!;
  return [
    {
      name: `inyear_${options.la}_${first}${first === last ? '' : `_to_${last}`}.csv`,
      content: `${[columns.join(','), ...rows].join('\r\n')}\r\n`,
    },
  ];
}
