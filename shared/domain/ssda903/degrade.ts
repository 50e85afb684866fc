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
import { remembered } from '../remembered.ts';
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

// Postcodes repeat a great deal within a return (placements, home areas).
const outwardOf = remembered(outwardCode);

/** What a child's dates are checked against: its 18th birthday (from the Header's full DOB), and its year. */
interface Birthday {
  readonly day: Day;
  readonly year: number;
}

// Children share dates of birth, so the 18th birthday of each is worked out once.
const birthdayFromDob = remembered((dob: string): Birthday | null => {
  const born = parseUkDate(dob);
  if (born === null) return null;
  const day = eighteenthBirthday(born);
  return { day, year: dayParts(day).year };
});

function birthdayOf(child: ChildRecord): Birthday | null {
  return birthdayFromDob(child.rows.Header?.[0]?.values.DOB ?? '');
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

// Dates of birth repeat (children born the same day): the month of each is worked out once.
const monthOf = remembered((value: string): string => {
  const day = parseUkDate(value);
  return day === null ? '' : formatUkDay(firstOfMonth(day));
});

/** How each treated value of one child is degraded; a blank stays blank. Methods named as the treatments. */
class ChildTreatments {
  // Every row of a child carries the same CHILD: its pseudonym is held for the next row.
  private lastReference = '';
  private lastPseudonym = '';
  private otherPseudonyms: Map<string, string> | undefined;

  constructor(
    private readonly councilKey: Buffer,
    private readonly birthday: Birthday | null,
  ) {}

  pseudonym(value: string): string {
    if (value === '') return '';
    if (value === this.lastReference) return this.lastPseudonym;
    this.otherPseudonyms ??= new Map();
    let pseudonym = this.otherPseudonyms.get(value);
    if (pseudonym === undefined) {
      pseudonym = pseudonymiseChild(value, this.councilKey);
      this.otherPseudonyms.set(value, pseudonym);
    }
    this.lastReference = value;
    this.lastPseudonym = pseudonym;
    return pseudonym;
  }

  date(value: string): string {
    return value === '' ? '' : keptDate(value, this.birthday);
  }

  month(value: string): string {
    return value === '' ? '' : monthOf(value);
  }

  outward(value: string): string {
    return value === '' ? '' : outwardOf(value);
  }
}

type RowBuilder = (
  source: Readonly<Record<string, string>>,
  treatments: ChildTreatments,
) => Record<string, string>;

/**
 * The function that degrades rows of one shape: an object literal of the allowed columns in the row's
 * order, each value read by its name, kept or passed to its treatment. Only names on the allow-list (its
 * own constants, quoted) are written into it: a file's other column names never are. A literal
 * gives every degraded row one fixed layout; a loop over column names looked each value up by name
 * instead, which took about as long as the rest of degrading.
 */
function rowBuilder(columns: readonly string[]): RowBuilder {
  const fields: string[] = [];
  for (const column of columns) {
    if (!Object.hasOwn(COLUMN_TREATMENT, column)) continue;
    const treatment = COLUMN_TREATMENT[column]!;
    const name = JSON.stringify(column);
    fields.push(
      treatment === 'keep' ? `${name}: source[${name}]` : `${name}: treatments.${treatment}(source[${name}])`,
    );
  }
  return new Function('source', 'treatments', `return { ${fields.join(', ')} };`) as RowBuilder;
}

/** One row shape (its columns in order) and the function that degrades rows of it. */
interface DegradePlan {
  readonly columns: readonly string[];
  readonly build: RowBuilder;
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
// than looked up for every value of every row. A row with other columns gets its own plan; a table's few
// latest shapes are kept, so rows that take turns between shapes do not make a new function each time.
const SHAPES_PER_TABLE = 4;
const plans = new Map<TableName, DegradePlan[]>();

function planForRow(table: TableName, values: Readonly<Record<string, string>>): DegradePlan {
  let known = plans.get(table);
  if (known === undefined) {
    known = [];
    plans.set(table, known);
  }
  for (const plan of known) if (hasColumns(values, plan.columns)) return plan;
  const columns = Object.keys(values);
  const plan = { columns, build: rowBuilder(columns) };
  known.unshift(plan);
  if (known.length > SHAPES_PER_TABLE) known.pop();
  return plan;
}

/** Every row of a child, degraded; a value that cannot be degraded safely (an unreadable date) is blanked. */
export function degradeChild(child: ChildRecord, councilKey: Buffer): DegradedTableRow[] {
  const rows: DegradedTableRow[] = [];
  const treatments = new ChildTreatments(councilKey, birthdayOf(child));
  for (const table of Object.keys(child.rows) as TableName[]) {
    const tableRows = child.rows[table];
    if (tableRows === undefined) continue;
    for (const row of tableRows) {
      rows.push({ table, values: planForRow(table, row.values).build(row.values, treatments) });
    }
  }
  return rows;
}
