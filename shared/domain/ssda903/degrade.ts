// Domain: what of an SSDA903 child leaves ingest. An allow-list per column: anything not listed here is
// dropped, so a new column in a future schema cannot leak personal data by default (docs/data-model.md).
//
// The date of birth is kept to its month, so no other kept date may give the day away: DUC (the date an
// unaccompanied child turns 18) is kept to its month too, and any other date within a day of the 18th
// birthday (care ends then, so an episode's DEC is often exactly that day) is kept to its month. The
// review of every kept date is in docs/data-model.md.
import { type Day, dayParts, formatUkDay, parseUkDate } from '../dates.ts';
import {
  eighteenthBirthday,
  firstOfMonth,
  outwardCode,
  pseudonymiseChild,
  revealsBirthday,
} from '../privacy.ts';
import type { ChildRecord, TableName } from './model.ts';

/** `date`: kept in full, unless it falls within a day of the child's 18th birthday (then its month). */
type Treatment = 'keep' | 'pseudonym' | 'month' | 'outward' | 'date';

/** Columns that may leave ingest, and how. UPN, MOTHER's child date of birth and free text never do. */
export const COLUMN_TREATMENT: Readonly<Record<string, Treatment>> = {
  CHILD: 'pseudonym',
  DOB: 'month',
  SEX: 'keep',
  ETHNIC: 'keep',
  MOTHER: 'keep',
  DECOM: 'date',
  RNE: 'keep',
  LS: 'keep',
  CIN: 'keep',
  PLACE: 'keep',
  PLACE_PROVIDER: 'keep',
  DEC: 'date',
  REC: 'keep',
  REASON_PLACE_CHANGE: 'keep',
  HOME_POST: 'outward',
  PL_POST: 'outward',
  URN: 'keep',
  REVIEW: 'date',
  REVIEW_CODE: 'keep',
  DUC: 'month',
  SDQ_SCORE: 'keep',
  SDQ_REASON: 'keep',
  CONVICTED: 'keep',
  HEALTH_CHECK: 'keep',
  IMMUNISATIONS: 'keep',
  TEETH_CHECK: 'keep',
  HEALTH_ASSESSMENT: 'keep',
  SUBSTANCE_MISUSE: 'keep',
  INTERVENTION_RECEIVED: 'keep',
  INTERVENTION_OFFERED: 'keep',
  IN_TOUCH: 'keep',
  ACTIV: 'keep',
  ACCOM: 'keep',
  DATE_INT: 'date',
  DATE_MATCH: 'date',
  FOSTER_CARE: 'keep',
  NB_ADOPTR: 'keep',
  SEX_ADOPTR: 'keep',
  LS_ADOPTR: 'keep',
  DATE_PLACED: 'date',
  DATE_PLACED_CEASED: 'date',
  REASON_PLACED_CEASED: 'keep',
  PREV_PERM: 'keep',
  LA_PERM: 'keep',
  DATE_PERM: 'date',
  MISSING: 'keep',
  MIS_START: 'date',
  MIS_END: 'date',
  SW_ID: 'pseudonym',
  SW_DECOM: 'date',
  SW_DEC: 'date',
  SW_REASON: 'keep',
  DOLO_START: 'date',
  DOLO_END: 'date',
};

export interface DegradedTableRow {
  readonly table: TableName;
  readonly values: Readonly<Record<string, string>>;
}

/** The degraded columns kept for a table, in the order given. */
export function degradedColumns(columns: readonly string[]): string[] {
  return columns.filter((column) => COLUMN_TREATMENT[column] !== undefined);
}

// Postcodes repeat a great deal within a return (placements, home areas), so outward codes are remembered;
// the cache is emptied when it grows past a bound, to keep memory flat on any input.
const CACHE_LIMIT = 50_000;
const outwardCache = new Map<string, string>();

function cachedOutwardCode(postcode: string): string {
  let outward = outwardCache.get(postcode);
  if (outward === undefined) {
    outward = outwardCode(postcode);
    if (outwardCache.size >= CACHE_LIMIT) outwardCache.clear();
    outwardCache.set(postcode, outward);
  }
  return outward;
}

/** What a child's dates are checked against: its 18th birthday (from the Header's full DOB), and its year. */
interface Birthday {
  readonly day: Day;
  readonly year: number;
}

function birthdayOf(child: ChildRecord): Birthday | null {
  const dob = parseUkDate(child.rows.Header?.[0]?.values.DOB ?? '');
  if (dob === null) return null;
  const day = eighteenthBirthday(dob);
  return { day, year: dayParts(day).year };
}

/** The year written in a date's last four characters, or -1 when they are not four digits. */
function yearAtEnd(value: string): number {
  const length = value.length;
  let year = 0;
  for (let index = length - 4; index < length; index++) {
    const code = value.charCodeAt(index);
    if (!(code >= 48 && code <= 57)) return -1;
    year = year * 10 + code - 48;
  }
  return length >= 4 ? year : -1;
}

/** A kept date, or its month when it falls within a day of the 18th birthday. */
function keptDate(value: string, birthday: Birthday | null): string {
  if (birthday === null) return value;
  // A date's year is its last four digits (parseUkDate reads no other form): a date two years or more
  // from the birthday's cannot be within a day of it, so most dates are kept without being parsed.
  const year = yearAtEnd(value);
  if (year >= 0 && (year < birthday.year - 1 || year > birthday.year + 1)) return value;
  const day = parseUkDate(value);
  return day !== null && revealsBirthday(day, birthday.day) ? formatUkDay(firstOfMonth(day)) : value;
}

// Dates of birth repeat (children born the same day), so their months are remembered as postcodes are.
const monthCache = new Map<string, string>();

function cachedMonth(value: string): string {
  let month = monthCache.get(value);
  if (month === undefined) {
    const day = parseUkDate(value);
    month = day === null ? '' : formatUkDay(firstOfMonth(day));
    if (monthCache.size >= CACHE_LIMIT) monthCache.clear();
    monthCache.set(value, month);
  }
  return month;
}

/** The pseudonyms worked out for one child: every row of a child carries the same CHILD. */
class ChildPseudonyms {
  private lastValue = '';
  private lastPseudonym = '';
  private others: Map<string, string> | undefined;

  constructor(private readonly councilKey: Buffer) {}

  of(value: string): string {
    if (value === this.lastValue) return this.lastPseudonym;
    this.others ??= new Map();
    let pseudonym = this.others.get(value);
    if (pseudonym === undefined) {
      pseudonym = pseudonymiseChild(value, this.councilKey);
      this.others.set(value, pseudonym);
    }
    this.lastValue = value;
    this.lastPseudonym = pseudonym;
    return pseudonym;
  }
}

/** A value that is not simply kept, treated; never called with ''. */
function treat(
  treatment: Exclude<Treatment, 'keep'>,
  value: string,
  pseudonyms: ChildPseudonyms,
  birthday: Birthday | null,
): string {
  switch (treatment) {
    case 'date':
      return keptDate(value, birthday);
    case 'pseudonym':
      return pseudonyms.of(value);
    case 'month':
      return cachedMonth(value);
    case 'outward':
      return cachedOutwardCode(value);
  }
}

/** The allowed columns of one row shape (its columns in order) and how each is treated. */
interface DegradePlan {
  readonly columns: readonly string[];
  /** Whether every column of the shape is allowed: its rows are then copied whole, then treated. */
  readonly keepsEvery: boolean;
  readonly kept: readonly string[];
  /** The kept columns set to '', in order: degraded rows start as copies of it (one object shape). */
  readonly template: Readonly<Record<string, string>>;
  /** The allowed columns that need more than keeping, and how each is treated. */
  readonly treated: readonly string[];
  readonly treatments: readonly Exclude<Treatment, 'keep'>[];
}

function planFor(columns: readonly string[]): DegradePlan {
  const kept: string[] = [];
  const template: Record<string, string> = {};
  const treated: string[] = [];
  const treatments: Exclude<Treatment, 'keep'>[] = [];
  for (const column of columns) {
    const treatment = Object.hasOwn(COLUMN_TREATMENT, column) ? COLUMN_TREATMENT[column] : undefined;
    if (!treatment) continue;
    kept.push(column);
    template[column] = '';
    if (treatment === 'keep') continue;
    treated.push(column);
    treatments.push(treatment);
  }
  return { columns, keepsEvery: kept.length === columns.length, kept, template, treated, treatments };
}

/** Whether the row's keys are exactly `columns`, in order (without making an array of them per row). */
function hasColumns(values: Readonly<Record<string, string>>, columns: readonly string[]): boolean {
  let index = 0;
  for (const key in values) {
    if (key !== columns[index]) return false;
    index++;
  }
  return index === columns.length;
}

// Rows of a table nearly always have the same columns, so the allow-list is applied once per shape rather
// than looked up for every value of every row. A row with other columns gets its own plan.
const plans = new Map<TableName, DegradePlan>();

function planForRow(table: TableName, values: Readonly<Record<string, string>>): DegradePlan {
  const cached = plans.get(table);
  if (cached !== undefined && hasColumns(values, cached.columns)) return cached;
  const plan = planFor(Object.keys(values));
  plans.set(table, plan);
  return plan;
}

/** The row's allowed values, each treated as its column says. */
function degradeValues(
  plan: DegradePlan,
  source: Readonly<Record<string, string>>,
  pseudonyms: ChildPseudonyms,
  birthday: Birthday | null,
): Record<string, string> {
  let values: Record<string, string>;
  if (plan.keepsEvery) {
    // hasColumns has checked that the row holds these columns and no other: a copy keeps nothing more.
    values = { ...source };
  } else {
    values = { ...plan.template };
    const { kept } = plan;
    for (let index = 0; index < kept.length; index++) values[kept[index]!] = source[kept[index]!]!;
  }
  const { treated, treatments } = plan;
  for (let index = 0; index < treated.length; index++) {
    const column = treated[index]!;
    const value = source[column]!;
    // A blank stays blank; most treated values (dates far from the 18th birthday) come back as they were.
    if (value === '') continue;
    const result = treat(treatments[index]!, value, pseudonyms, birthday);
    if (result !== value) values[column] = result;
  }
  return values;
}

/** Every row of a child, degraded; a value that cannot be degraded safely (an unreadable date) is blanked. */
export function degradeChild(child: ChildRecord, councilKey: Buffer): DegradedTableRow[] {
  const rows: DegradedTableRow[] = [];
  const pseudonyms = new ChildPseudonyms(councilKey);
  const birthday = birthdayOf(child);
  for (const table of Object.keys(child.rows) as TableName[]) {
    const tableRows = child.rows[table];
    if (tableRows === undefined) continue;
    for (const row of tableRows) {
      const values = degradeValues(planForRow(table, row.values), row.values, pseudonyms, birthday);
      rows.push({ table, values });
    }
  }
  return rows;
}
