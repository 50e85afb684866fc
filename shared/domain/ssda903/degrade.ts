// Domain: what of an SSDA903 child leaves ingest. An allow-list per column: anything not listed here is
// dropped, so a new column in a future schema cannot leak personal data by default (docs/data-model.md).
//
// The date of birth is kept to its month, so no other kept date may give the day away: DUC (the date an
// unaccompanied child turns 18) is kept to its month too, and any other date within a day of the 18th
// birthday (care ends then, so an episode's DEC is often exactly that day) is kept to its month. The
// review of every kept date is in docs/data-model.md.
import { type Day, formatUkDay } from '../dates.ts';
import {
  type ChildPseudonyms,
  childPseudonyms,
  eighteenthBirthday,
  firstOfMonth,
  outwardCode,
  revealsBirthday,
} from '../privacy.ts';
import { remembered } from '../remembered.ts';
import type { ChildRecord, RowDays, TableName } from './model.ts';
import { dayOf, daysOf } from './row-days.ts';

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

// Children share dates of birth, so the 18th birthday of each is worked out once.
const eighteenthOf = remembered(eighteenthBirthday);

/** The child's 18th birthday, from the Header's full DOB; null when it has none. */
function birthdayOf(child: ChildRecord): Day | null {
  const header = child.rows.Header?.[0];
  if (header === undefined) return null;
  const parsed = daysOf(header).DOB;
  const dob = parsed === undefined ? dayOf(header.values.DOB) : parsed;
  return dob === null ? null : eighteenthOf(dob);
}

// Dates of birth repeat (children born the same day): the month of each is written once.
const monthTextOf = remembered((day: Day): string => formatUkDay(firstOfMonth(day)));

/**
 * How each treated value of one child is degraded; a blank stays blank. Methods named as the treatments.
 * A date arrives with its Day as the row's days hold it (parsed once by the row store); a date column the
 * days do not hold (undefined) is parsed here, so no date is ever kept unchecked.
 */
class ChildTreatments {
  // Every row of a child carries the same CHILD: its pseudonym is held for the next row.
  private lastReference = '';
  private lastPseudonym = '';
  private otherPseudonyms: Map<string, string> | undefined;

  constructor(
    private readonly pseudonyms: ChildPseudonyms,
    /** The 18th birthday: a kept date within a day of it is kept to its month. */
    private readonly birthday: Day | null,
  ) {}

  pseudonym(value: string): string {
    if (value === '') return '';
    if (value === this.lastReference) return this.lastPseudonym;
    // A child with a reference besides its CHILD (a social worker's SW_ID) keeps each from here on; most
    // children have one only, and make no map.
    if (this.lastReference !== '') {
      this.otherPseudonyms ??= new Map();
      this.otherPseudonyms.set(this.lastReference, this.lastPseudonym);
    }
    const pseudonym = this.otherPseudonyms?.get(value) ?? this.pseudonyms.of(value);
    this.lastReference = value;
    this.lastPseudonym = pseudonym;
    return pseudonym;
  }

  /** Kept in full, or to its month when within a day of the 18th birthday (an unreadable date is kept as written). */
  date(value: string, parsed: Day | null | undefined): string {
    if (value === '' || this.birthday === null) return value;
    const day = parsed === undefined ? dayOf(value) : parsed;
    return day !== null && revealsBirthday(day, this.birthday) ? monthTextOf(day) : value;
  }

  /** To its month; '' when it is not a date. */
  month(value: string, parsed: Day | null | undefined): string {
    if (value === '') return '';
    const day = parsed === undefined ? dayOf(value) : parsed;
    return day === null ? '' : monthTextOf(day);
  }

  outward(value: string): string {
    return value === '' ? '' : outwardOf(value);
  }
}

type RowBuilder = (
  source: Readonly<Record<string, string>>,
  days: RowDays,
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
    const value = `source[${name}]`;
    fields.push(
      treatment === 'keep'
        ? `${name}: ${value}`
        : treatment === 'date' || treatment === 'month'
          ? `${name}: treatments.${treatment}(${value}, days[${name}])`
          : `${name}: treatments.${treatment}(${value})`,
    );
  }
  return new Function('source', 'days', 'treatments', `return { ${fields.join(', ')} };`) as RowBuilder;
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
  const treatments = new ChildTreatments(childPseudonyms(councilKey), birthdayOf(child));
  for (const table of Object.keys(child.rows) as TableName[]) {
    const tableRows = child.rows[table];
    if (tableRows === undefined) continue;
    for (const row of tableRows) {
      const { values } = row;
      rows.push({ table, values: planForRow(table, values).build(values, daysOf(row), treatments) });
    }
  }
  return rows;
}
