// Domain: small helpers the CIN rules share (dates, periods, finding construction, code lists).

import { type Day, dayFromParts, dayParts, parseIsoDate } from '../../dates.ts';
import { ETHNIC_CODES } from '../../ethnicity.ts';
import type {
  CinChild,
  CinEpisode,
  CinFinding,
  CinPlace,
  CinPlanDates,
  CinProtectionPlan,
  CinRule,
  CinRuleContext,
  CinSection47,
} from '../model.ts';
import { isNo, isYes } from '../schema.ts';

export { isNo, isYes };

/** A date field as a day, or null when blank or not a date. */
export const day = (text: string): Day | null => (text === '' ? null : parseIsoDate(text));

export const inPeriod = (value: Day, context: CinRuleContext): boolean =>
  value >= context.periodStart && value <= context.periodEnd;

export function addYears(value: Day, years: number): Day {
  const { year, month, day: date } = dayParts(value);
  return dayFromParts(year + years, month, date) ?? dayFromParts(year + years, month, date - 1)!;
}

export function addMonths(value: Day, months: number): Day {
  const { year, month, day: date } = dayParts(value);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  for (let candidate = date; candidate >= 28; candidate--) {
    const result = dayFromParts(targetYear, targetMonth, candidate);
    if (result !== null) return result;
  }
  return dayFromParts(targetYear, targetMonth, date)!;
}

/** Reports a problem with `field` of the element at `place` (a child, episode or module of the model). */
export type Emit = (place: CinPlace, field: string, value: string) => void;

/** Builds a rule from its facts and a check that calls `emit` once per problem. */
export function cinRule(
  code: string,
  module: string,
  description: string,
  check: (child: CinChild, context: CinRuleContext, emit: Emit) => void,
): CinRule {
  return {
    code,
    module,
    description,
    check(child, context) {
      const findings: CinFinding[] = [];
      check(child, context, (place, field, value) =>
        findings.push({
          code,
          module,
          line: place.line,
          where: place.where,
          child: child.ordinal,
          field,
          value,
        }),
      );
      return findings;
    },
  };
}

/** Half-open ranges [start, end) with an open end as +infinity: true when they share a day. */
export function overlaps(aStart: Day, aEnd: Day | null, bStart: Day, bEnd: Day | null): boolean {
  return aStart < (bEnd ?? Number.POSITIVE_INFINITY) && bStart < (aEnd ?? Number.POSITIVE_INFINITY);
}

export const ETHNICITY = new Set(ETHNIC_CODES);
export const DISABILITY = new Set([
  'NONE',
  'MOB',
  'HAND',
  'PC',
  'INC',
  'COMM',
  'LD',
  'HEAR',
  'VIS',
  'BEH',
  'CON',
  'AUT',
  'DDA',
]);
export const REFERRAL_SOURCE = new Set([
  '1A',
  '1B',
  '1C',
  '1D',
  '2A',
  '2B',
  '3A',
  '3B',
  '3C',
  '3D',
  '3E',
  '3F',
  '4',
  '5A',
  '5B',
  '5C',
  '5D',
  '6',
  '7',
  '8',
  '9',
  '10',
]);
export const PRIMARY_NEED = new Set(['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']);
export const CLOSURE_REASON = new Set(['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9']);
export const CATEGORY_OF_ABUSE = new Set(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);
/** RC8 and RC9: closed after assessment (no further action, or referred to early help). */
export const CLOSED_AFTER_ASSESSMENT = new Set(['RC8', 'RC9']);

/** 40 weeks in days: how far before birth a referral about an unborn child may come. */
export const FORTY_WEEKS = 280;

/** An episode still open: no closure date, and not a referral with no further action. */
export const openEpisode = (episode: CinEpisode): boolean =>
  episode.closureDate === '' && !isYes(episode.referralNfa);

/** Anything done on an episode after the referral: an assessment, plan, enquiry or conference. */
export const hasActivity = (episode: CinEpisode): boolean =>
  episode.assessments.length > 0 ||
  episode.cinPlans.length > 0 ||
  episode.section47.length > 0 ||
  episode.protectionPlans.length > 0 ||
  episode.icpcDate !== '';

export const plansOf = (child: CinChild): CinProtectionPlan[] =>
  child.episodes.flatMap((episode) => episode.protectionPlans);

export const cinPlansOf = (child: CinChild): CinPlanDates[] =>
  child.episodes.flatMap((episode) => episode.cinPlans);

/** An enquiry with no conference yet and not marked as needing none. */
export const awaitingConference = (item: CinSection47): boolean =>
  item.icpcDate === '' && !isYes(item.icpcNotRequired);

export type Range = CinPlace & { start: Day; end: Day | null; field: string; text: string };

/** Plans with a readable start date as ranges, located at their start date (`field`) for the finding. */
export function planRanges(
  plans: readonly (CinPlace & { start: string; end: string })[],
  field: string,
): Range[] {
  return plans.flatMap((plan) => {
    const start = day(plan.start);
    return start === null
      ? []
      : [
          {
            line: plan.line,
            where: plan.where,
            start,
            end: day(plan.end),
            field,
            text: plan.start as string,
          },
        ];
  });
}

/** The ranges that start before the one before them (in start order) has ended. */
export function overlapping(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const found: Range[] = [];
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    const current = sorted[index]!;
    if (previous.end === null || current.start < previous.end) found.push(current);
  }
  return found;
}

/** A query on an assessment factor code DfE has retired in favour of finer ones. */
export function retiredFactorQuery(code: string, factor: string, instead: string): CinRule {
  return cinRule(
    code,
    'Assessments',
    `Assessment factor ${factor} should no longer be used: use ${instead} instead.`,
    (child, _context, emit) => {
      for (const episode of child.episodes)
        for (const item of episode.assessments)
          if ((item.factors ?? []).includes(factor)) emit(item, 'AssessmentFactors', factor);
    },
  );
}
