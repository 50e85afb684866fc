// Domain: the monthly in-year measures worked out from a council's current CSC API state (docs/cscapi.md,
// "Measures"). Each month's figures are worked out again from the whole state every time, so a purged or
// corrected record changes every month it counted in. Flows count what happened in the month (by the date of
// the event); snapshots count children on the month's last day (a record is open then when it started on or
// before that day and has no end date or ends after it). Column names are the in-year dataset's where the
// measure is the same (docs/inyear-format.md), so the year's indicators are worked out the same way.
import { workingDaysBetween } from '../cin/working-days.ts';
import { type Day, dayFromParts, dayParts } from '../dates.ts';
import { monthsOfYear } from '../inyear/format.ts';
import type { InYearMonth } from '../inyear/months.ts';
import type { Episode, KeptChild } from './degrade.ts';

export interface CscapiMeasure {
  readonly column: string;
  readonly timing: 'flow' | 'snapshot';
  readonly description: string;
}

/** Every measure, in the order the report and docs list them. */
export const CSCAPI_MEASURES: readonly CscapiMeasure[] = [
  { column: 'referrals', timing: 'flow', description: 'Episodes whose referral date is in the month.' },
  {
    column: 're_referrals',
    timing: 'flow',
    description:
      'Of those referrals, the ones where the child had another referral in the 12 months before (on or after the same day a year earlier, and before the referral).',
  },
  {
    column: 'referrals_nfa',
    timing: 'flow',
    description: 'Of those referrals, the ones flagged no further action.',
  },
  {
    column: 'assessments_completed',
    timing: 'flow',
    description: 'Child and family assessments whose authorisation date is in the month.',
  },
  {
    column: 'assessments_within_45_days',
    timing: 'flow',
    description:
      'Of those, the ones authorised within 45 working days of their start (working days after the start up to and including the authorisation, weekends and bank holidays in England excluded).',
  },
  { column: 'section_47_started', timing: 'flow', description: 'Section 47 enquiries started in the month.' },
  {
    column: 'icpc_held',
    timing: 'flow',
    description: 'Initial child protection conferences (ICPC dates of section 47 enquiries) in the month.',
  },
  {
    column: 'icpc_within_15_days',
    timing: 'flow',
    description: 'Of those, the ones within 15 working days of the start of their section 47 enquiry.',
  },
  { column: 'cp_plans_started', timing: 'flow', description: 'Child protection plans started in the month.' },
  {
    column: 'cp_plans_started_repeat',
    timing: 'flow',
    description: 'Of those, the ones for a child who had a child protection plan that started earlier.',
  },
  {
    column: 'cin_open',
    timing: 'snapshot',
    description:
      'Children in need on the month’s last day: children with an episode referred by then, not closed by then and not flagged no further action.',
  },
  {
    column: 'cp_plans_open',
    timing: 'snapshot',
    description: 'Children on a child protection plan on the month’s last day.',
  },
  {
    column: 'cp_plans_over_two_years',
    timing: 'snapshot',
    description: 'Of those, the children whose open plan started two years or more before that day.',
  },
  {
    column: 'cla_open',
    timing: 'snapshot',
    description: 'Children looked after on the month’s last day: children with a placement open then.',
  },
  {
    column: 'cla_started',
    timing: 'flow',
    description: 'Placements starting in the month with reason S (started to be looked after).',
  },
  {
    column: 'cla_ceased',
    timing: 'flow',
    description: 'Placements ending in the month with a reason other than X1 (the episode continues).',
  },
  {
    column: 'placement_moves',
    timing: 'flow',
    description: 'Placements starting in the month with a reason that changes the placement (P, T, B or U).',
  },
  {
    column: 'care_leavers',
    timing: 'snapshot',
    description:
      'Children with a care leaver record who are 18 to 21 on the month’s last day (their age worked out from the first day of their month of birth).',
  },
  {
    column: 'care_leavers_in_touch',
    timing: 'snapshot',
    description: 'Of those, the ones whose latest contact date is in the month or the two months before it.',
  },
];

type Figures = Record<string, number>;

const MOVE_REASONS = new Set(['P', 'T', 'B', 'U']);

const monthNumber = (day: Day): number => {
  const { year, month } = dayParts(day);
  return year * 12 + month - 1;
};

/** The same day a number of years earlier (29 February: 1 March). */
function yearsBefore(day: Day, years: number): Day {
  const { year, month, day: date } = dayParts(day);
  return dayFromParts(year - years, month, date) ?? dayFromParts(year - years, 3, 1)!;
}

const open = (start: Day | null, end: Day | null, on: Day): boolean =>
  start !== null && start <= on && (end === null || end > on);

/** Whole years from the first day of the month of birth to a day. */
function age(birthMonth: string, on: Day): number {
  const [year, month] = birthMonth.split('-').map(Number) as [number, number];
  const { year: y, month: m } = dayParts(on);
  return y - year - (m < month ? 1 : 0);
}

export interface MonthFigures {
  readonly month: string;
  readonly figures: Readonly<Record<string, number>>;
}

/**
 * Each month's figures from the state: the collection year's months up to and including `through` ("2026-01").
 */
export function monthlyMeasures(
  children: Iterable<KeptChild>,
  collectionYear: number,
  through: string,
): MonthFigures[] {
  const months = monthsOfYear(collectionYear).filter((month) => month <= through);
  const first = months[0]
    ? monthNumber(dayFromParts(Number(months[0].slice(0, 4)), Number(months[0].slice(5)), 1)!)
    : 0;
  const ends = months.map((month) => {
    const year = Number(month.slice(0, 4));
    const number = Number(month.slice(5));
    return dayFromParts(number === 12 ? year + 1 : year, number === 12 ? 1 : number + 1, 1)! - 1;
  });
  const figures: Figures[] = months.map(() =>
    Object.fromEntries(CSCAPI_MEASURES.map((measure) => [measure.column, 0])),
  );
  const flow = (day: Day | null, column: string): void => {
    if (day === null) return;
    const index = monthNumber(day) - first;
    if (index >= 0 && index < months.length) figures[index]![column]! += 1;
  };
  for (const child of children) {
    const episodes: Episode[] = Object.values(child.episodes);
    const referrals = episodes.map((episode) => episode.referral).filter((day): day is Day => day !== null);
    const cpStarts = episodes.flatMap((episode) =>
      Object.values(episode.cpPlans)
        .map((plan) => plan.start)
        .filter((day): day is Day => day !== null),
    );
    for (const episode of episodes) {
      const referral = episode.referral;
      if (referral !== null) {
        flow(referral, 'referrals');
        const yearEarlier = yearsBefore(referral, 1);
        if (referrals.some((other) => other < referral && other >= yearEarlier))
          flow(referral, 're_referrals');
        if (episode.noFurtherAction === true) flow(referral, 'referrals_nfa');
      }
      for (const assessment of Object.values(episode.assessments)) {
        flow(assessment.authorised, 'assessments_completed');
        if (
          assessment.start !== null &&
          assessment.authorised !== null &&
          workingDaysBetween(assessment.start, assessment.authorised) <= 45
        )
          flow(assessment.authorised, 'assessments_within_45_days');
      }
      for (const enquiry of Object.values(episode.section47s)) {
        flow(enquiry.start, 'section_47_started');
        flow(enquiry.icpc, 'icpc_held');
        if (
          enquiry.start !== null &&
          enquiry.icpc !== null &&
          workingDaysBetween(enquiry.start, enquiry.icpc) <= 15
        )
          flow(enquiry.icpc, 'icpc_within_15_days');
      }
      for (const plan of Object.values(episode.cpPlans)) {
        flow(plan.start, 'cp_plans_started');
        const start = plan.start;
        if (start !== null && cpStarts.some((other) => other < start)) flow(start, 'cp_plans_started_repeat');
      }
      for (const placement of Object.values(episode.placements)) {
        if (placement.startReason === 'S') flow(placement.start, 'cla_started');
        if (placement.startReason !== null && MOVE_REASONS.has(placement.startReason))
          flow(placement.start, 'placement_moves');
        if (placement.endReason !== null && placement.endReason !== 'X1') flow(placement.end, 'cla_ceased');
      }
    }
    const careLeavers = episodes.map((episode) => episode.careLeaver).filter((record) => record !== null);
    ends.forEach((end, index) => {
      const month = figures[index]!;
      const cin = episodes.some(
        (episode) => episode.noFurtherAction !== true && open(episode.referral, episode.closure, end),
      );
      if (cin) month.cin_open! += 1;
      let onPlan = false;
      let overTwoYears = false;
      const twoYearsEarlier = yearsBefore(end, 2);
      for (const episode of episodes)
        for (const plan of Object.values(episode.cpPlans))
          if (open(plan.start, plan.end, end)) {
            onPlan = true;
            if (plan.start! <= twoYearsEarlier) overTwoYears = true;
          }
      if (onPlan) month.cp_plans_open! += 1;
      if (overTwoYears) month.cp_plans_over_two_years! += 1;
      const looked = episodes.some((episode) =>
        Object.values(episode.placements).some((placement) => open(placement.start, placement.end, end)),
      );
      if (looked) month.cla_open! += 1;
      if (careLeavers.length > 0 && child.birthMonth !== null) {
        const years = age(child.birthMonth, end);
        if (years >= 18 && years <= 21) {
          month.care_leavers! += 1;
          const latest = Math.max(...careLeavers.map((record) => record.contact ?? Number.NEGATIVE_INFINITY));
          const gap = Number.isFinite(latest) ? monthNumber(end) - monthNumber(latest) : -1;
          if (latest <= end && gap >= 0 && gap <= 2) month.care_leavers_in_touch! += 1;
        }
      }
    });
  }
  return months.map((month, index) => ({ month, figures: figures[index]! }));
}

/**
 * A council's in-year months from both sources: where a month has CSC API figures they replace the monthly
 * CSV's for the same measures (docs/cscapi.md, "When a council sends both"); the CSV's other measures (the
 * workforce) stay. Months in calendar order.
 */
export function withCscapiMonths(csv: readonly InYearMonth[], cscapi: readonly InYearMonth[]): InYearMonth[] {
  const byMonth = new Map(csv.map((month) => [month.month, month]));
  for (const month of cscapi) {
    const earlier = byMonth.get(month.month);
    byMonth.set(
      month.month,
      earlier ? { ...month, figures: { ...earlier.figures, ...month.figures } } : month,
    );
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
