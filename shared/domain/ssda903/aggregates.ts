// Domain: council-level numerators and denominators for the SSDA903 indicators (docs/indicators.md), added up
// child by child as the engine hands children over. Nothing child-level is kept.
//
// Approximations, stated so they can be checked against DfE's published figures:
// - a return carries the episodes open during the year, so "looked after continuously for 2.5 years" is
//   measured from the earliest episode of the unbroken chain the return holds (a lower bound);
// - an episode starts a new placement unless its reason is L (legal status change only); T (same carer)
//   counts as a new placement for instability but not as a change of carer for long-term stability;
// - short breaks (legal status V3, V4) are left out of every count, as DfE does;
// - distance from home cannot be measured from outward codes alone, so distant placements are not derived.
import { type Day, dayFromParts, dayParts, parseUkDate } from '../dates.ts';
import type { ChildRecord, Row, TableName } from './model.ts';

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

const SHORT_BREAKS = new Set(['V3', 'V4']);
const EET = new Set(['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']);
const NOT_IN_TOUCH = new Set(['NO', 'REFU']);
const DAYS_IN_2_5_YEARS = 913;
const DAYS_IN_2_YEARS = 730;

interface Episode {
  readonly start: Day;
  readonly end: Day | null;
  readonly rne: string;
}

function episodesOf(child: ChildRecord): Episode[] {
  const episodes: Episode[] = [];
  for (const row of child.rows.Episodes ?? []) {
    if (SHORT_BREAKS.has(row.values.LS ?? '')) continue;
    const start = parseUkDate(row.values.DECOM ?? '');
    if (start === null) continue;
    const end = row.values.DEC ? parseUkDate(row.values.DEC) : null;
    episodes.push({ start, end, rne: row.values.RNE ?? '' });
  }
  return episodes.sort((a, b) => a.start - b.start);
}

const overlaps = (episode: Episode, from: Day, to: Day) =>
  episode.start <= to && (episode.end === null || episode.end >= from);
const openAt = (episode: Episode, day: Day) =>
  episode.start <= day && (episode.end === null || episode.end > day);

function ageAt(dob: Day, day: Day): number {
  const birth = dayParts(dob);
  const at = dayParts(day);
  return (
    at.year -
    birth.year -
    (at.month < birth.month || (at.month === birth.month && at.day < birth.day) ? 1 : 0)
  );
}

function firstRowValue(rows: readonly Row[] | undefined, column: string): string {
  return rows?.[0]?.values[column] ?? '';
}

export class Ssda903Aggregator {
  private readonly periodStart: Day;
  private readonly periodEnd: Day;
  private children = 0;
  private readonly totals = new Map<Ssda903IndicatorCode, Ratio>();

  /** tablesPresent: the tables uploaded, so a child with no rows in a present table counts as none. */
  constructor(
    private readonly collectionYear: number,
    private readonly tablesPresent: ReadonlySet<TableName>,
  ) {
    this.periodStart = dayFromParts(collectionYear - 1, 4, 1)!;
    this.periodEnd = dayFromParts(collectionYear, 3, 31)!;
  }

  private count(code: Ssda903IndicatorCode, inNumerator: boolean, inDenominator = true): void {
    const ratio = this.totals.get(code) ?? {
      numerator: 0,
      denominator: code === 'cla-rate' || code === 'cla-starting-rate' ? null : 0,
    };
    if (inNumerator) ratio.numerator += 1;
    if (inDenominator && ratio.denominator !== null) ratio.denominator += 1;
    this.totals.set(code, ratio);
  }

  add(child: ChildRecord): void {
    this.children += 1;
    const { periodStart, periodEnd } = this;
    const episodes = episodesOf(child);
    const inYear = episodes.filter((episode) => overlaps(episode, periodStart, periodEnd));
    const lookedAfterAtEnd = inYear.some((episode) => openAt(episode, periodEnd));
    const dob = parseUkDate(firstRowValue(child.rows.Header, 'DOB'));

    if (inYear.length > 0) {
      if (this.tablesPresent.has('Missing')) this.count('missing-from-care', this.wentMissing(child));
      if (inYear.some((episode) => episode.rne === 'S' && episode.start >= periodStart))
        this.count('cla-starting-rate', true, false);
    }
    if (lookedAfterAtEnd) {
      this.count('cla-rate', true, false);
      const placements = inYear.filter((episode, index) => index === 0 || episode.rne !== 'L').length;
      this.count('placement-instability', placements >= 3);
      if (this.tablesPresent.has('SWEpisodes')) {
        this.count('social-worker-changes', this.socialWorkers(child) >= 3);
      }
      if (dob !== null && ageAt(dob, periodEnd) < 16) this.longTermStability(episodes);
    }
    for (const row of child.rows.OC3 ?? []) {
      if (row.values.IN_TOUCH === 'DIED') continue;
      this.count('care-leavers-suitable-accommodation', /^[A-Z]1$/.test(row.values.ACCOM ?? ''));
      this.count('care-leavers-eet', EET.has(row.values.ACTIV ?? ''));
      this.count('care-leavers-not-in-touch', NOT_IN_TOUCH.has(row.values.IN_TOUCH ?? ''));
    }
  }

  private wentMissing(child: ChildRecord): boolean {
    return (child.rows.Missing ?? []).some((row) => {
      const start = parseUkDate(row.values.MIS_START ?? '');
      return (
        row.values.MISSING === 'M' && start !== null && start >= this.periodStart && start <= this.periodEnd
      );
    });
  }

  private socialWorkers(child: ChildRecord): number {
    const workers = new Set<string>();
    for (const row of child.rows.SWEpisodes ?? []) {
      const start = parseUkDate(row.values.SW_DECOM ?? '');
      const end = row.values.SW_DEC ? parseUkDate(row.values.SW_DEC) : null;
      if (start === null || !row.values.SW_ID) continue;
      if (start <= this.periodEnd && (end === null || end >= this.periodStart)) workers.add(row.values.SW_ID);
    }
    return workers.size;
  }

  private longTermStability(episodes: readonly Episode[]): void {
    const current = episodes.findLastIndex((episode) => openAt(episode, this.periodEnd));
    if (current < 0) return;
    let careStart = episodes[current]!.start;
    let carerStart = careStart;
    let carerKnown = false;
    for (let index = current; index >= 0; index -= 1) {
      const episode = episodes[index]!;
      if (index < current && episode.end !== episodes[index + 1]!.start) break;
      careStart = episode.start;
      if (!carerKnown) {
        carerStart = episode.start;
        if (episode.rne !== 'L' && episode.rne !== 'T') carerKnown = true;
      }
    }
    if (this.periodEnd - careStart < DAYS_IN_2_5_YEARS) return;
    this.count('long-term-stability', this.periodEnd - carerStart >= DAYS_IN_2_YEARS);
  }

  result(): Ssda903Aggregates {
    const indicators: Partial<Record<Ssda903IndicatorCode, Ratio>> = {};
    for (const [code, ratio] of this.totals) indicators[code] = { ...ratio };
    return { collectionYear: this.collectionYear, children: this.children, indicators };
  }
}
