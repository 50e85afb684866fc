// Domain: council-level numerators and denominators for the CIN indicators of the register (docs/indicators.md),
// added up child by child. Nothing child-level is kept except, while one return is read, the referral dates
// of the previous year's return by keyed child ID (to find re-referrals across years).
//
// Definitions, stated so they can be checked against DfE's published figures:
// - a referral counts in the year its CINreferralDate falls in (1 April to 31 March);
// - a re-referral is a referral with an earlier referral of the same child (same keyed ID) in the 12 months
//   before it, found in this return or in the council's current return for the previous year; without a
//   previous year's return the figure is not produced (it would be too low);
// - assessment timeliness: assessments authorised in the year, within 45 working days of their start (working
//   days after the start up to and including the authorisation day; England and Wales bank holidays);
// - ICPC timeliness: section 47 enquiries whose initial conference was held in the year, within 15 working
//   days of the enquiry's start; conferences recorded only on the CINdetails module (no enquiry to time them
//   from) count towards the ICPC rate but not towards timeliness;
// - children in need at 31 March count open CINdetails episodes (referral on or before 31 March, no closure or
//   closure after it, not a referral with no further action); child protection counts children;
// - assessed not in need: referrals in the year that had an assessment, no CIN or child protection plan, and
//   were closed with reason RC8 (no further action after assessment) or RC9 (referred to early help);
// - long plans: plans open at 31 March that had lasted 2 years, 730 days counting both ends (DfE's "more than
//   729 days", durations.ts); repeat plans: every plan started in the year (one plan population with the CP
//   rate), of which those with NumberOfPreviousCPP of 1 or more are repeats (not recorded: not a repeat);
// - reviews on time: children on a plan at 31 March that started at least 3 months before, whose first review
//   was within 3 months of the start, each later one within 6 months of the one before, and whose next review
//   was not overdue at 31 March.
import type { Day } from '../dates.ts';
import { DAYS_IN_2_YEARS, daysCounted } from '../indicators/durations.ts';
import { cinContext } from './engine.ts';
import type { CinChild, CinEpisode, CinRuleContext } from './model.ts';
import { addMonths, day, inPeriod, isYes } from './rules/helpers.ts';
import { workingDaysBetween } from './working-days.ts';

export interface Ratio {
  numerator: number;
  denominator: number | null;
}

export type CinIndicatorCode =
  | 'referral-rate'
  | 're-referrals'
  | 'referrals-no-further-action'
  | 'assessed-not-in-need'
  | 'assessment-timeliness'
  | 'section-47-rate'
  | 'icpc-rate'
  | 'icpc-timeliness'
  | 'cin-rate'
  | 'cp-rate'
  | 'long-cp-plans'
  | 'repeat-cp-plans'
  | 'cp-reviews-on-time';

export interface CinAggregates {
  readonly collectionYear: number;
  readonly children: number;
  readonly indicators: Readonly<Partial<Record<CinIndicatorCode, Ratio>>>;
}

/** Rates per 10,000 children: the denominator is the published child population, joined later. */
const RATES = new Set<CinIndicatorCode>([
  'referral-rate',
  'section-47-rate',
  'icpc-rate',
  'cin-rate',
  'cp-rate',
]);

/** Closure reasons after an assessment found the child not in need: no further action, or early help. */
const NOT_IN_NEED_CLOSURES = new Set(['RC8', 'RC9']);

function assessedNotInNeed(episode: CinEpisode): boolean {
  return (
    !isYes(episode.referralNfa) &&
    episode.assessments.length > 0 &&
    episode.cinPlans.length === 0 &&
    episode.protectionPlans.length === 0 &&
    NOT_IN_NEED_CLOSURES.has(episode.closureReason)
  );
}

export class CinAggregator {
  private readonly context: CinRuleContext;
  private children = 0;
  private readonly totals = new Map<CinIndicatorCode, Ratio>();

  /**
   * previousReferrals: referral dates by keyed child ID from the council's return for the previous year, or
   * null when there is none (re-referrals are then not produced).
   */
  constructor(
    private readonly collectionYear: number,
    private readonly previousReferrals: ReadonlyMap<string, readonly Day[]> | null,
  ) {
    this.context = cinContext(collectionYear);
    const always: CinIndicatorCode[] = [
      'referral-rate',
      'referrals-no-further-action',
      'assessed-not-in-need',
      'assessment-timeliness',
      'section-47-rate',
      'icpc-rate',
      'icpc-timeliness',
      'cin-rate',
      'cp-rate',
      'long-cp-plans',
      'repeat-cp-plans',
      'cp-reviews-on-time',
    ];
    if (previousReferrals) always.push('re-referrals');
    for (const code of always)
      this.totals.set(code, { numerator: 0, denominator: RATES.has(code) ? null : 0 });
  }

  private count(code: CinIndicatorCode, inNumerator: boolean): void {
    const ratio = this.totals.get(code);
    if (!ratio) return;
    if (inNumerator) ratio.numerator += 1;
    if (ratio.denominator !== null) ratio.denominator += 1;
  }

  /** key: the child's keyed ID ('' when it has none). */
  add(child: CinChild, key: string): void {
    this.children += 1;
    const { periodEnd } = this.context;
    const within = (value: Day | null): value is Day => value !== null && inPeriod(value, this.context);
    const referralDays = child.episodes.map((episode) => day(episode.referralDate));
    const earlier = [
      ...referralDays.filter((value): value is Day => value !== null),
      ...((key !== '' && this.previousReferrals?.get(key)) || []),
    ];

    let onPlanAtEnd = false;
    child.episodes.forEach((episode, index) => {
      const referral = referralDays[index] ?? null;
      if (within(referral)) {
        this.count('referral-rate', true);
        this.count('referrals-no-further-action', isYes(episode.referralNfa));
        this.count('assessed-not-in-need', assessedNotInNeed(episode));
        const from = addMonths(referral, -12);
        this.count(
          're-referrals',
          earlier.some((other) => other < referral && other >= from),
        );
      }
      const closure = day(episode.closureDate);
      if (
        referral !== null &&
        referral <= periodEnd &&
        (closure === null || closure > periodEnd) &&
        !isYes(episode.referralNfa)
      )
        this.count('cin-rate', true);

      for (const item of episode.assessments) {
        const start = day(item.start);
        const end = day(item.authorised);
        if (start === null || !within(end) || end < start) continue;
        this.count('assessment-timeliness', workingDaysBetween(start, end) <= 45);
      }

      const timed = new Set<Day>();
      for (const item of episode.section47) {
        const start = day(item.start);
        if (within(start)) this.count('section-47-rate', true);
        const icpc = day(item.icpcDate);
        if (!within(icpc)) continue;
        timed.add(icpc);
        this.count('icpc-rate', true);
        if (start !== null && start <= icpc)
          this.count('icpc-timeliness', workingDaysBetween(start, icpc) <= 15);
      }
      const episodeIcpc = day(episode.icpcDate);
      if (within(episodeIcpc) && !timed.has(episodeIcpc)) this.count('icpc-rate', true);

      for (const plan of episode.protectionPlans) {
        const start = day(plan.start);
        if (start === null) continue;
        const end = day(plan.end);
        if (within(start))
          this.count('repeat-cp-plans', /^\d+$/.test(plan.previousPlans) && Number(plan.previousPlans) >= 1);
        if (start > periodEnd || (end !== null && end <= periodEnd)) continue;
        onPlanAtEnd = true;
        this.count('long-cp-plans', daysCounted(start, periodEnd) >= DAYS_IN_2_YEARS);
        if (start <= addMonths(periodEnd, -3))
          this.count('cp-reviews-on-time', this.reviewsOnTime(start, plan.reviews));
      }
    });
    if (onPlanAtEnd) this.count('cp-rate', true);
  }

  private reviewsOnTime(start: Day, reviews: readonly string[] | null): boolean {
    const { periodEnd } = this.context;
    const dates = (reviews ?? [])
      .map(day)
      .filter((value): value is Day => value !== null && value > start && value <= periodEnd)
      .sort((a, b) => a - b);
    let previous = start;
    let months = 3;
    for (const review of dates) {
      if (review > addMonths(previous, months)) return false;
      previous = review;
      months = 6;
    }
    return addMonths(previous, months) >= periodEnd;
  }

  result(): CinAggregates {
    const indicators: Partial<Record<CinIndicatorCode, Ratio>> = {};
    for (const [code, ratio] of this.totals) indicators[code] = { ...ratio };
    return { collectionYear: this.collectionYear, children: this.children, indicators };
  }
}
