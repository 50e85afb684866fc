// Domain: council-level numerators and denominators for the SSDA903 indicators (docs/indicators.md), added up
// child by child as the engine hands children over. Nothing child-level is kept. The definitions, with
// DfE's sources and the limits of a single year's return, are in docs/indicators.md.
//
// - placements: the placement open on 1 April (or the first of the year) and every later new placement,
//   an episode whose reason is S, P or B; T and U (same carer) and L (legal status only) are not moves; a
//   placement of less than a day is not a placement;
// - long-term stability: the run with the same carer continues through L, T and U, and through a
//   placement for adoption with the current foster carers (A3, A5); durations count both the first and
//   the last day (2.5 years = 913 days, 2 years = 730 days);
// - short breaks (legal status V3, V4) are left out of every count, as DfE does;
// - distance from home cannot be measured from outward codes alone, so distant placements are not derived.
import { type Day, dayFromParts, dayParts } from '../dates.ts';
import { DAYS_IN_2_5_YEARS, DAYS_IN_2_YEARS, daysCounted } from '../indicators/durations.ts';
import type { ChildRecord, Row, TableName } from './model.ts';
import { daysOf } from './row-days.ts';

export interface Ratio {
  numerator: number;
  /** null when the denominator is not in the return (a population estimate, joined later). */
  denominator: number | null;
}

export type Ssda903IndicatorCode =
  | 'cla-rate'
  | 'cla-starting-rate'
  | 'placement-instability'
  | 'long-term-stability'
  | 'social-worker-changes'
  | 'missing-from-care'
  | 'care-leavers-suitable-accommodation'
  | 'care-leavers-eet'
  | 'care-leavers-not-in-touch';

export interface Ssda903Aggregates {
  readonly collectionYear: number;
  readonly children: number;
  readonly indicators: Readonly<Partial<Record<Ssda903IndicatorCode, Ratio>>>;
}

// The codes read for every episode are compared one by one: for a list of two or three, that is several
// times quicker than looking the value up in a Set, which was most of the aggregator's time.
/** Legal status of a short break (V3, V4). */
const isShortBreak = (legalStatus: string) => legalStatus === 'V3' || legalStatus === 'V4';
/** A reason for a new episode that starts a new placement with a new carer (S, P, B). */
const startsNewPlacement = (reason: string) => reason === 'S' || reason === 'P' || reason === 'B';
/** A reason for a new episode that keeps the child with the same carer (L, T, U). */
const keepsCarer = (reason: string) => reason === 'L' || reason === 'T' || reason === 'U';
/** Placed for adoption with the current foster carer(s), with consent or under a placement order (A3, A5). */
const isAdoptionByCurrentCarers = (placement: string) => placement === 'A3' || placement === 'A5';
const EET = new Set(['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']);
/** Care leavers DfE leaves out of every care leaver figure: died, or returned home for 6 months or more. */
const NOT_A_CARE_LEAVER = new Set(['DIED', 'RHOM']);
/** Accommodation whose suitability is not usually known: gone abroad, deported, residence not known. */
const SUITABILITY_UNKNOWN = /^[GHR]/;

interface Episode {
  readonly start: Day;
  readonly end: Day | null;
  readonly rne: string;
  readonly place: string;
}

function episodesOf(child: ChildRecord): Episode[] {
  const episodes: Episode[] = [];
  for (const row of child.rows.Episodes ?? []) {
    if (isShortBreak(row.values.LS ?? '')) continue;
    // Dates as the row store parsed them (null when blank or not a real date).
    const days = daysOf(row);
    const start = days.DECOM ?? null;
    if (start === null) continue;
    episodes.push({
      start,
      end: days.DEC ?? null,
      rne: row.values.RNE ?? '',
      place: row.values.PLACE ?? '',
    });
  }
  // Episodes nearly always come in date order: sorted only when they do not (the same stable order).
  for (let index = 1; index < episodes.length; index++) {
    if (episodes[index]!.start < episodes[index - 1]!.start)
      return episodes.sort((a, b) => a.start - b.start);
  }
  return episodes;
}

const overlaps = (episode: Episode, from: Day, to: Day) =>
  episode.start <= to && (episode.end === null || episode.end >= from);
const openAt = (episode: Episode, day: Day) =>
  episode.start <= day && (episode.end === null || episode.end > day);

/**
 * The last date of birth of a child who is `years` old or more on `day` (a birthday on that day counts).
 * Days count in calendar order, so a child is that old exactly when born on or before it: ages are compared
 * as days, without taking each date of birth apart.
 */
export function bornByForAge(years: number, day: Day): Day {
  const { year, month, day: date } = dayParts(day);
  // On 29 February, `years` back may have none: the last such birth is then on the 28th (1 March is too late).
  return dayFromParts(year - years, month, date) ?? dayFromParts(year - years, month, date - 1)!;
}

/**
 * Whether an episode of the year, in date order after `placements` counted, is a placement of its own: the
 * first (open on 1 April, or the first of the year) and each later episode that starts a new placement with
 * a new carer. A placement that began and ended on the same day lasted less than 24 hours and is not counted.
 */
const startsPlacement = (episode: Episode, placements: number): boolean =>
  !(episode.end !== null && episode.end === episode.start) &&
  (placements === 0 || startsNewPlacement(episode.rne));

export class Ssda903Aggregator {
  private readonly periodStart: Day;
  private readonly periodEnd: Day;
  /** Ages on the period's last day, as the last date of birth of a child that old. */
  private readonly bornBy16: Day;
  private readonly bornBy19: Day;
  private readonly bornBy22: Day;
  private children = 0;
  private readonly totals = new Map<Ssda903IndicatorCode, Ratio>();

  /** tablesPresent: the tables uploaded, so a child with no rows in a present table counts as none. */
  constructor(
    private readonly collectionYear: number,
    private readonly tablesPresent: ReadonlySet<TableName>,
  ) {
    this.periodStart = dayFromParts(collectionYear - 1, 4, 1)!;
    this.periodEnd = dayFromParts(collectionYear, 3, 31)!;
    this.bornBy16 = bornByForAge(16, this.periodEnd);
    this.bornBy19 = bornByForAge(19, this.periodEnd);
    this.bornBy22 = bornByForAge(22, this.periodEnd);
  }

  private count(code: Ssda903IndicatorCode, inNumerator: boolean, inDenominator = true): void {
    let ratio = this.totals.get(code);
    if (ratio === undefined) {
      // Indicators come out in the order they were first counted.
      ratio = { numerator: 0, denominator: code === 'cla-rate' || code === 'cla-starting-rate' ? null : 0 };
      this.totals.set(code, ratio);
    }
    if (inNumerator) ratio.numerator += 1;
    if (inDenominator && ratio.denominator !== null) ratio.denominator += 1;
  }

  add(child: ChildRecord): void {
    this.children += 1;
    const { periodStart, periodEnd } = this;
    const episodes = episodesOf(child);
    // The episodes of the year, read in one walk in date order.
    let inYear = 0;
    let startedInYear = false;
    /** The last episode open at the period's end: -1 when the child was not looked after then. */
    let currentAtEnd = -1;
    let placements = 0;
    for (let index = 0; index < episodes.length; index++) {
      const episode = episodes[index]!;
      if (!overlaps(episode, periodStart, periodEnd)) continue;
      inYear += 1;
      if (episode.rne === 'S' && episode.start >= periodStart) startedInYear = true;
      if (openAt(episode, periodEnd)) currentAtEnd = index;
      if (startsPlacement(episode, placements)) placements += 1;
    }
    const header = child.rows.Header?.[0];
    const dob = header === undefined ? null : (daysOf(header).DOB ?? null);

    if (inYear > 0) {
      if (this.tablesPresent.has('Missing')) this.count('missing-from-care', this.wentMissing(child));
      if (startedInYear) this.count('cla-starting-rate', true, false);
    }
    if (currentAtEnd >= 0) {
      this.count('cla-rate', true, false);
      this.count('placement-instability', placements >= 3);
      if (this.tablesPresent.has('SWEpisodes')) {
        this.count('social-worker-changes', this.socialWorkers(child) >= 3);
      }
      // Under 16 on 31 March.
      if (dob !== null && dob > this.bornBy16) this.longTermStability(episodes, currentAtEnd);
    }
    for (const row of child.rows.OC3 ?? []) this.careLeaver(row, dob);
  }

  /** A care leaver counts when 19, 20 or 21 at 31 March (the birthday fell in the year). */
  private careLeaver(row: Row, headerDob: Day | null): void {
    const inTouch = row.values.IN_TOUCH ?? '';
    if (NOT_A_CARE_LEAVER.has(inTouch)) return;
    const dob = daysOf(row).DOB ?? headerDob;
    // 19, 20 or 21: 19 or over and not yet 22.
    if (dob === null || dob > this.bornBy19 || dob <= this.bornBy22) return;
    const accommodation = row.values.ACCOM ?? '';
    if (!SUITABILITY_UNKNOWN.test(accommodation))
      this.count('care-leavers-suitable-accommodation', /^[A-Z]1$/.test(accommodation));
    this.count('care-leavers-eet', EET.has(row.values.ACTIV ?? ''));
    this.count('care-leavers-not-in-touch', inTouch === 'NO');
  }

  private wentMissing(child: ChildRecord): boolean {
    return (child.rows.Missing ?? []).some((row) => {
      const days = daysOf(row);
      const start = days.MIS_START ?? null;
      const end = days.MIS_END ?? null;
      // An incident open on 1 April (carried over from the year before) counts, as DfE counts it.
      return (
        row.values.MISSING === 'M' &&
        start !== null &&
        start <= this.periodEnd &&
        (end === null || end >= this.periodStart)
      );
    });
  }

  private socialWorkers(child: ChildRecord): number {
    const workers = new Set<string>();
    for (const row of child.rows.SWEpisodes ?? []) {
      const days = daysOf(row);
      const start = days.SW_DECOM ?? null;
      const end = days.SW_DEC ?? null;
      if (start === null || !row.values.SW_ID) continue;
      if (start <= this.periodEnd && (end === null || end >= this.periodStart)) workers.add(row.values.SW_ID);
    }
    return workers.size;
  }

  /** `current`: the last episode open at the period's end. */
  private longTermStability(episodes: readonly Episode[], current: number): void {
    let careStart = episodes[current]!.start;
    let carerStart = careStart;
    let carerKnown = false;
    for (let index = current; index >= 0; index -= 1) {
      const episode = episodes[index]!;
      if (index < current && episode.end !== episodes[index + 1]!.start) break;
      careStart = episode.start;
      if (!carerKnown) {
        carerStart = episode.start;
        if (!keepsCarer(episode.rne) && !isAdoptionByCurrentCarers(episode.place)) carerKnown = true;
      }
    }
    if (daysCounted(careStart, this.periodEnd) < DAYS_IN_2_5_YEARS) return;
    this.count('long-term-stability', daysCounted(carerStart, this.periodEnd) >= DAYS_IN_2_YEARS);
  }

  result(): Ssda903Aggregates {
    const indicators: Partial<Record<Ssda903IndicatorCode, Ratio>> = {};
    for (const [code, ratio] of this.totals) indicators[code] = { ...ratio };
    return { collectionYear: this.collectionYear, children: this.children, indicators };
  }
}
