// Domain: small shared helpers for SSDA903 rules — reading rows, dates and ages, the collection period,
// episodes in order and periods of care. Pure functions; no I/O.
import { type Day, dayFromParts, dayParts } from '../../dates.ts';
import type { ChildRecord, Finding, Row, RuleContext, TableName } from '../model.ts';
import { dayOf, daysOf } from '../row-days.ts';
import { type CodeSet, codeSet } from './code-sets.ts';

// ---------------------------------------------------------------------------------------------------------
// Rows and findings

const NO_ROWS: readonly Row[] = Object.freeze([]);

/** What a rule finds in a child that passes it: one shared array, frozen so that nobody adds to it. */
export const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];

export function rowsOf(child: ChildRecord, table: TableName): readonly Row[] {
  const rows = child.rows;
  // The two tables most rules read are read by name (see val): a read by a name held in a variable is a generic
  // lookup where this is called from many rules.
  return (table === 'Episodes' ? rows.Episodes : table === 'Header' ? rows.Header : rows[table]) ?? NO_ROWS;
}

// Rules read a fixed field by its name, `row.values.PLACE ?? ''`, rather than through val(row, 'PLACE'): a read
// by a name written in the code is specialised to the few row shapes that reach it, where a read by a name held
// in a variable goes through a generic lookup each time (about a fifth of the rules' time at national scale).
// val and dateIn remain for reads whose field is itself a parameter.

/** The raw (trimmed) value of a field; '' when blank or when the column is absent. */
export function val(row: Row, field: string): string {
  return row.values[field] ?? '';
}

/** True when the row's table carries the field at all, blank or not (the XML form's Header UASC flag). */
export function carries(row: Row, field: string): boolean {
  return row.values[field] !== undefined;
}

// Dates are parsed once per row (row-days.ts): rules read `daysOf(row).DECOM ?? null` (a field the row's table
// lacks is undefined there), and dayOf parses a value that is not a row's own field.
export { dayOf, daysOf };

/** A UK date field as a Day; null when blank or not a real calendar date. */
export function dateIn(row: Row, field: string): Day | null {
  const day = daysOf(row)[field];
  return day !== undefined ? day : dayOf(row.values[field]);
}

/** A finding that points at one field of one row, quoting the value as uploaded. */
export function finding(code: string, child: ChildRecord, row: Row, field: string): Finding {
  return {
    code,
    table: row.table,
    rowNumber: row.rowNumber,
    field,
    value: val(row, field),
    child: child.child,
  };
}

export function tablePresent(context: RuleContext, table: TableName): boolean {
  return context.tablesPresent.has(table);
}

// ---------------------------------------------------------------------------------------------------------
// Dates, ages and the collection period

// Rules ask for several birthdays of the same date of birth in turn (the 18th by a dozen rules per episode), so
// the year of the last day asked about is kept.
let lastFrom = Number.NaN;
let lastYear = 0;
/** The year of lastFrom counted from 1 March, so that a year's leap day is its last day. */
let lastMarchYear = 0;

/** 29 Februaries from the start of the calendar to the end of a year counted from 1 March. */
const leapDaysTo = (marchYear: number): number =>
  Math.floor(marchYear / 4) - Math.floor(marchYear / 100) + Math.floor(marchYear / 400);

/** The same calendar day `years` later; 29 February moves to 1 March in a non-leap year (UK legal age). */
export function addYears(day: Day, years: number): Day {
  if (day !== lastFrom) {
    const { year, month } = dayParts(day);
    lastYear = year;
    lastMarchYear = month <= 2 ? year - 1 : year;
    lastFrom = day;
  }
  const year = lastYear + years;
  if (year < 100 || year > 9999 || !Number.isInteger(years)) {
    const { month, day: dayOfMonth } = dayParts(day);
    return dayFromParts(year, month, dayOfMonth) ?? (dayFromParts(year, 3, 1) as Day);
  }
  // A year of 365 days for each year, and a day for each 29 February passed on the way. 29 February in a year
  // without one comes out as 1 March, as the law counts a birthday.
  return day + 365 * years + leapDaysTo(lastMarchYear + years) - leapDaysTo(lastMarchYear);
}

/** Completed years of age on a day. */
export function ageOn(dob: Day, on: Day): number {
  const candidate = dayParts(on).year - dayParts(dob).year;
  return addYears(dob, candidate) > on ? candidate - 1 : candidate;
}

/** True when the child has had their `years`th birthday on or before `on`. */
export function hasReachedAge(dob: Day, on: Day, years: number): boolean {
  return addYears(dob, years) <= on;
}

/** The reporting period of a collection year: 2026 means 1 April 2025 to 31 March 2026 (model.ts). */
export function collectionPeriod(collectionYear: number): { readonly start: Day; readonly end: Day } {
  return {
    start: dayFromParts(collectionYear - 1, 4, 1) as Day,
    end: dayFromParts(collectionYear, 3, 31) as Day,
  };
}

/** A fixed calendar date used in a rule definition (e.g. 14 October 1991). */
export function fixedDay(year: number, month: number, day: number): Day {
  const result = dayFromParts(year, month, day);
  if (result === null) throw new Error(`not a calendar date: ${year}-${month}-${day}`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// The child's header

export function headerRow(child: ChildRecord): Row | undefined {
  // Read by name (see val): every rule on a Header asks.
  return child.rows.Header?.[0];
}

/** Date of birth from the child's Header row (null when absent or invalid). */
export function headerDob(child: ChildRecord): Day | null {
  const header = headerRow(child);
  return header ? (daysOf(header).DOB ?? null) : null;
}

/** Date of birth for a row of any table: the row's own DOB when valid, else the Header's. */
export function dobFor(child: ChildRecord, row: Row): Day | null {
  return daysOf(row).DOB ?? headerDob(child);
}

/** SEX as male/female whichever code list the return uses (1/2 until 2024, M/F/U from 2025). */
export function sexOf(row: Row): 'male' | 'female' | 'unknown' | 'invalid' {
  switch (row.values.SEX ?? '') {
    case '1':
    case 'M':
      return 'male';
    case '2':
    case 'F':
      return 'female';
    case 'U':
      return 'unknown';
    default:
      return 'invalid';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Episodes

export interface Episode {
  readonly row: Row;
  readonly decom: Day;
  /** null when the episode is open (DEC blank) or DEC is not a valid date. */
  readonly dec: Day | null;
}

export interface DatedRow {
  readonly row: Row;
  readonly day: Day;
}

// Many rules ask for the same orderings of the same child, so each is worked out once per rows array
// (rows are read-only once a child is handed to the rules) and shared; callers must not modify it.
// Rules run child by child, so a few recent results are enough: a small ring of them is kept rather
// than a weak map over every child's rows, whose entries outlive the child and churn the old generation.
const RECENT = 16;
const recentRows: (readonly Row[] | null)[] = new Array(RECENT).fill(null);
const recentFields: (string | null)[] = new Array(RECENT).fill(null);
const recentSorted: (readonly DatedRow[] | null)[] = new Array(RECENT).fill(null);
let recentNext = 0;
let lastEpisodeRows: readonly Row[] | null = null;
let lastEpisodes: readonly Episode[] = [];
const NO_DATED_ROWS: readonly DatedRow[] = Object.freeze([]);
const NO_EPISODES: readonly Episode[] = Object.freeze([]);

const byDay = (a: DatedRow, b: DatedRow) => a.day - b.day || a.row.rowNumber - b.row.rowNumber;
const byDecom = (a: Episode, b: Episode) => a.decom - b.decom || a.row.rowNumber - b.row.rowNumber;

// Rows come in file order, which is most often date order too: they are sorted only when some row is out of it.
function sortDated(rows: readonly Row[], field: string): readonly DatedRow[] {
  const dated: DatedRow[] = [];
  let ordered = true;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const day = dateIn(row, field);
    if (day === null) continue;
    const item = { row, day };
    if (ordered && dated.length > 0 && byDay(dated[dated.length - 1]!, item) > 0) ordered = false;
    dated.push(item);
  }
  return ordered ? dated : dated.sort(byDay);
}

/** Rows of a date-bearing table with a valid start date, sorted by that date (file order breaks ties). */
export function sortedByDate(rows: readonly Row[], field: string): readonly DatedRow[] {
  if (rows.length === 0) return NO_DATED_ROWS;
  for (let index = 0; index < RECENT; index++) {
    if (recentRows[index] === rows && recentFields[index] === field) return recentSorted[index]!;
  }
  const sorted = sortDated(rows, field);
  recentRows[recentNext] = rows;
  recentFields[recentNext] = field;
  recentSorted[recentNext] = sorted;
  recentNext = (recentNext + 1) % RECENT;
  return sorted;
}

/** The child's episodes with a valid DECOM, sorted by DECOM (file order breaks ties). */
export function episodesInOrder(child: ChildRecord): readonly Episode[] {
  const rows = child.rows.Episodes ?? NO_ROWS;
  if (rows.length === 0) return NO_EPISODES;
  if (rows !== lastEpisodeRows) {
    const episodes: Episode[] = [];
    let ordered = true;
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      const days = daysOf(row);
      const decom = days.DECOM ?? null;
      if (decom === null) continue;
      const episode: Episode = { row, decom, dec: days.DEC ?? null };
      if (ordered && episodes.length > 0 && byDecom(episodes[episodes.length - 1]!, episode) > 0)
        ordered = false;
      episodes.push(episode);
    }
    lastEpisodes = ordered ? episodes : episodes.sort(byDecom);
    lastEpisodeRows = rows;
  }
  return lastEpisodes;
}

/** Each episode with the one before it (in DECOM order). */
export function consecutivePairs<T>(items: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 1; i < items.length; i += 1) pairs.push([items[i - 1] as T, items[i] as T]);
  return pairs;
}

/**
 * Periods of care: runs of episodes where each starts on (or before) the day the care so far ended.
 * A gap of a day or more starts a new period. An episode with a blank or unreadable DEC keeps the run open.
 */
export function periodsOfCare(episodes: readonly Episode[]): Episode[][] {
  const periods: Episode[][] = [];
  let current: Episode[] = [];
  let open = false;
  let end: Day | null = null;
  for (const episode of episodes) {
    const continues = open || (end !== null && episode.decom <= end);
    if (current.length > 0 && !continues) {
      periods.push(current);
      current = [];
      end = null;
    }
    current.push(episode);
    if (episode.dec === null) open = true;
    else end = end === null ? episode.dec : Math.max(end, episode.dec);
  }
  if (current.length > 0) periods.push(current);
  return periods;
}

/** First day and last day (null = still open) of a period of care. */
export function periodBounds(period: readonly Episode[]): { start: Day; end: Day | null } {
  const first = period[0] as Episode;
  let end: Day | null = null;
  for (const episode of period) {
    if (episode.dec === null) return { start: first.decom, end: null };
    end = end === null ? episode.dec : Math.max(end, episode.dec);
  }
  return { start: first.decom, end };
}

/** True when some episode covers the day, counting both its start and its end day. */
export function inCareOn(episodes: readonly Episode[], day: Day): boolean {
  return episodes.some((episode) => episode.decom <= day && (episode.dec === null || day <= episode.dec));
}

/**
 * The episode in which the child is looked after at the end of a day (open, or ceasing later).
 * Short breaks (V3/V4) are skipped when `excludeShortBreaks` is set, as DfE's "looked after" counts do.
 */
export function episodeOpenAt(
  episodes: readonly Episode[],
  day: Day,
  options: { excludeShortBreaks?: boolean } = {},
): Episode | undefined {
  return episodes.find(
    (episode) =>
      episode.decom <= day &&
      (episode.dec === null || episode.dec > day) &&
      !(options.excludeShortBreaks && SHORT_BREAKS.has(episode.row.values.LS ?? '')),
  );
}

/** The child's last episode when care has ended (it has a DEC and its REC is not X1), else undefined. */
export function finalCeasedEpisode(episodes: readonly Episode[]): Episode | undefined {
  const last = episodes[episodes.length - 1];
  if (
    !last ||
    (last.row.values.DEC ?? '') === '' ||
    last.dec === null ||
    (last.row.values.REC ?? '') === 'X1'
  )
    return undefined;
  return last;
}

// ---------------------------------------------------------------------------------------------------------
// Code groups used across rules (DfE SSDA903 guidance)

const SHORT_BREAK_LEGAL_STATUSES: readonly string[] = ['V3', 'V4'];
export const TEMPORARY_PLACEMENTS: readonly string[] = ['T0', 'T1', 'T2', 'T3', 'T4'];
/** The two lists rules ask about most, as code sets (code-sets.ts). */
export const SHORT_BREAKS: CodeSet = codeSet('LS', SHORT_BREAK_LEGAL_STATUSES);
export const TEMPORARY: CodeSet = codeSet('PLACE', TEMPORARY_PLACEMENTS);
/** "Other placement" codes from 2025/26: Z11–Z14 replace Z1 (schema 2026 diff, code-lists.ts). */
export const OTHER_PLACEMENTS_FROM_2026: readonly string[] = ['Z11', 'Z12', 'Z13', 'Z14'];

/**
 * True when none of the fields that identify a placement (PLACE, PL_POST, URN, PLACE_PROVIDER) changes from one
 * episode to the other: the child did not move. Read by name (see val).
 */
export function samePlacement(a: Episode, b: Episode): boolean {
  const before = a.row.values;
  const after = b.row.values;
  return (
    (before.PLACE ?? '') === (after.PLACE ?? '') &&
    (before.PL_POST ?? '') === (after.PL_POST ?? '') &&
    (before.URN ?? '') === (after.URN ?? '') &&
    (before.PLACE_PROVIDER ?? '') === (after.PLACE_PROVIDER ?? '')
  );
}

// ---------------------------------------------------------------------------------------------------------
// Cohorts and groups of fields shared by the OC2, OC3 and adoption rules

/** The OC2 items completed for children looked after continuously for 12 months at 31 March. */
export const OC2_TWELVE_MONTH_FIELDS: readonly string[] = [
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
];
export const OC3_FIELDS: readonly string[] = ['IN_TOUCH', 'ACTIV', 'ACCOM'];
export const AD1_FIELDS: readonly string[] = [
  'DATE_INT',
  'DATE_MATCH',
  'FOSTER_CARE',
  'NB_ADOPTR',
  'SEX_ADOPTR',
  'LS_ADOPTR',
];

/** The first of `fields` that holds a value on the row, or undefined when all are blank. */
export function firstFilled(row: Row, fields: readonly string[]): string | undefined {
  return fields.find((field) => val(row, field) !== '');
}

/**
 * Looked after continuously for at least 12 months at 31 March (the OC2 cohort): one period of care covers the
 * whole collection year and is still open at its end, and no episode in the year is a short break (V3/V4).
 */
export function continuouslyLookedAfter(child: ChildRecord, context: RuleContext): boolean {
  const episodes = episodesInOrder(child);
  const { periodStart, periodEnd } = context;
  for (const episode of episodes) {
    const inYear = episode.decom <= periodEnd && (episode.dec === null || episode.dec >= periodStart);
    if (inYear && SHORT_BREAKS.has(episode.row.values.LS ?? '')) return false;
  }
  return periodsOfCare(episodes).some((period) => {
    const { start, end } = periodBounds(period);
    return start <= periodStart && (end === null || end > periodEnd);
  });
}

/** True when some episode covers part of the collection year. */
export function hasEpisodeInYear(child: ChildRecord, context: RuleContext): boolean {
  return episodesInOrder(child).some(
    (episode) =>
      episode.decom <= context.periodEnd && (episode.dec === null || episode.dec >= context.periodStart),
  );
}

/**
 * For a young person aged 17 or 18 on 31 March, the 17th or 18th birthday that fell in the collection year;
 * null for any other age or an unknown date of birth (the OC3 rules about birthdays in care).
 */
export function careLeaverBirthdayInYear(dob: Day | null, context: RuleContext): Day | null {
  if (dob === null) return null;
  const age = ageOn(dob, context.periodEnd);
  return age === 17 || age === 18 ? addYears(dob, age) : null;
}

// ---------------------------------------------------------------------------------------------------------
// The outcomes (OC2) cohort and its health fields, used by the OC2 completeness rules (543 to 547)

/**
 * DfE's OC2 cohort: looked after continuously for at least 12 months at the end of the collection year, i.e.
 * in one period of care (short breaks V3/V4 not counted) from the first day of the year to its last.
 */
export function lookedAfterWholeYear(child: ChildRecord, context: RuleContext): boolean {
  const episodes = episodesInOrder(child).filter((episode) => !SHORT_BREAKS.has(episode.row.values.LS ?? ''));
  return periodsOfCare(episodes).some((period) => {
    const { start, end } = periodBounds(period);
    return start <= context.periodStart && (end === null || end >= context.periodEnd);
  });
}

/** The OC2 health fields that go with conviction (544) and health promotion (547) information. */
export const OC2_HEALTH_FIELDS: readonly string[] = [
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
];

// ---------------------------------------------------------------------------------------------------------
// Adoption decisions (PlacedAdoption) against adoption placements and placement orders (551 to 563)

/** Placed for adoption (with current foster carers or not, under a placement order or with consent). */
export const ADOPTION_PLACEMENTS: readonly string[] = ['A3', 'A4', 'A5', 'A6'];
/** Legal status: placement order granted. */
export const PLACEMENT_ORDER = 'E1';

/** The child's adoption decisions with a readable DATE_PLACED, earliest first. */
export function adoptionDecisions(child: ChildRecord): readonly DatedRow[] {
  return sortedByDate(rowsOf(child, 'PlacedAdoption'), 'DATE_PLACED');
}

/** The first episode (in DECOM order) that passes `test`. */
export function firstEpisodeWhere(
  child: ChildRecord,
  test: (episode: Episode) => boolean,
): Episode | undefined {
  return episodesInOrder(child).find(test);
}

// ---------------------------------------------------------------------------------------------------------
// Last year's return (rules that compare the two years; see previous-year.ts). Kept apart from the helpers
// above: rules that name `previousTables` run only when last year's files hold those tables.

/** The child's rows in one of last year's tables ([] when last year's return is absent or lacks the child). */
export function previousRowsOf(child: ChildRecord, context: RuleContext, table: TableName): readonly Row[] {
  return context.previousYear?.rowsOf(child.child, table) ?? NO_ROWS;
}

/**
 * Last year's rows of the child as a record of their own, so the helpers above (episodesInOrder, headerRow, …)
 * read them as they read this year's; null when last year's return is absent.
 */
export function previousRecordOf(child: ChildRecord, context: RuleContext): ChildRecord | null {
  const previous = context.previousYear;
  if (!previous) return null;
  const rows: Partial<Record<TableName, readonly Row[]>> = {};
  for (const table of previous.tablesPresent) {
    const found = previous.rowsOf(child.child, table);
    if (found.length > 0) rows[table] = found;
  }
  return { child: child.child, rows };
}
