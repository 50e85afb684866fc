// Domain: what of an SSDA903 child leaves ingest. An allow-list per column: anything not listed here is
// dropped, so a new column in a future schema cannot leak personal data by default (docs/data-model.md).
//
// The date of birth is kept to its month, so no other kept date may give the day away: DUC (the date an
// unaccompanied child turns 18) is kept to its month too, and any other date within a day of the 18th
// birthday (care ends then, so an episode's DEC is often exactly that day) is kept to its month. The
// review of every kept date is in docs/data-model.md.
import { type Day, formatUkDay, parseUkDate } from '../dates.ts';
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
const OUTWARD_CACHE_LIMIT = 50_000;
const outwardCache = new Map<string, string>();

function cachedOutwardCode(postcode: string): string {
  let outward = outwardCache.get(postcode);
  if (outward === undefined) {
    outward = outwardCode(postcode);
    if (outwardCache.size >= OUTWARD_CACHE_LIMIT) outwardCache.clear();
    outwardCache.set(postcode, outward);
  }
  return outward;
}

/** The child's 18th birthday from the Header's full DOB, or null. */
function birthdayOf(child: ChildRecord): Day | null {
  const dob = parseUkDate(child.rows.Header?.[0]?.values.DOB ?? '');
  return dob === null ? null : eighteenthBirthday(dob);
}

function treat(
  treatment: Treatment,
  value: string,
  councilKey: Buffer,
  pseudonyms: Map<string, string>,
  birthday: Day | null,
): string {
  if (value === '') return '';
  switch (treatment) {
    case 'keep':
      return value;
    case 'date': {
      if (birthday === null) return value;
      const day = parseUkDate(value);
      return day !== null && revealsBirthday(day, birthday) ? formatUkDay(firstOfMonth(day)) : value;
    }
    case 'pseudonym': {
      // Every row of a child carries the same CHILD: one HMAC per distinct value per child.
      let pseudonym = pseudonyms.get(value);
      if (pseudonym === undefined) {
        pseudonym = pseudonymiseChild(value, councilKey);
        pseudonyms.set(value, pseudonym);
      }
      return pseudonym;
    }
    case 'month': {
      const day = parseUkDate(value);
      return day === null ? '' : formatUkDay(firstOfMonth(day));
    }
    case 'outward':
      return cachedOutwardCode(value);
  }
}

/** The allowed columns of one row shape (its columns in order) and how each is treated. */
interface DegradePlan {
  readonly columns: readonly string[];
  readonly kept: readonly string[];
  readonly treatments: readonly Treatment[];
  /** The kept columns set to '', in order: degraded rows start as copies of it (one object shape). */
  readonly template: Readonly<Record<string, string>>;
}

function planFor(columns: readonly string[]): DegradePlan {
  const kept: string[] = [];
  const treatments: Treatment[] = [];
  const template: Record<string, string> = {};
  for (const column of columns) {
    const treatment = Object.hasOwn(COLUMN_TREATMENT, column) ? COLUMN_TREATMENT[column] : undefined;
    if (!treatment) continue;
    kept.push(column);
    treatments.push(treatment);
    template[column] = '';
  }
  return { columns, kept, treatments, template };
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

/** Every row of a child, degraded; a value that cannot be degraded safely (an unreadable date) is blanked. */
export function degradeChild(child: ChildRecord, councilKey: Buffer): DegradedTableRow[] {
  const rows: DegradedTableRow[] = [];
  const pseudonyms = new Map<string, string>();
  const birthday = birthdayOf(child);
  for (const table of Object.keys(child.rows) as TableName[]) {
    const tableRows = child.rows[table];
    if (tableRows === undefined) continue;
    for (const row of tableRows) {
      const source = row.values;
      const { kept, treatments, template } = planForRow(table, source);
      const values: Record<string, string> = { ...template };
      for (let index = 0; index < kept.length; index++) {
        const column = kept[index]!;
        const treatment = treatments[index]!;
        const value = source[column]!;
        // Kept values pass straight through; only the few treated columns need work.
        values[column] =
          treatment === 'keep' || value === ''
            ? value
            : treat(treatment, value, councilKey, pseudonyms, birthday);
      }
      rows.push({ table, values });
    }
  }
  return rows;
}
