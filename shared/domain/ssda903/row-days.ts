// Domain: the date fields of SSDA903 rows as Days, parsed once per row for all the rules that read them.
//
// The row store builds each row with its dates already parsed (`Row.days`, child-store.ts); rows made
// elsewhere (last year's return, tests) are parsed on first read and remembered. Either way a rule reads
// `daysOf(row).DECOM`: a property read, where parsing or looking up the text is a hash lookup each time.
import { type Day, parseUkDate } from '../dates.ts';
import { remembered } from '../remembered.ts';
import type { Row, RowDays } from './model.ts';

/** The fields that hold a dd/mm/yyyy date, in whichever table and year carries them (schema.ts). */
export const DATE_FIELDS: readonly string[] = [
  'DOB',
  'MC_DOB',
  'DECOM',
  'DEC',
  'DUC',
  'REVIEW',
  'DATE_INT',
  'DATE_MATCH',
  'DATE_PLACED',
  'DATE_PLACED_CEASED',
  'DATE_PERM',
  'MIS_START',
  'MIS_END',
  'SW_DECOM',
  'SW_DEC',
  'DOLO_START',
  'DOLO_END',
];

const DATE_FIELD_SET: ReadonlySet<string> = new Set(DATE_FIELDS);

/** True when the column holds a date (one of DATE_FIELDS). */
export function isDateField(column: string): boolean {
  return DATE_FIELD_SET.has(column);
}

// Dates repeat a great deal within a return, so parsed dates are remembered by their text (bounded).
const dayOfText = remembered(parseUkDate);

/** A field's value (as read from `row.values`) as a Day; null when blank, absent or not a real calendar date. */
export function dayOf(text: string | undefined): Day | null {
  return text === undefined || text === '' ? null : dayOfText(text);
}

// Rows made without their days (last year's return, rows written out in tests), parsed once and kept for as
// long as the row is.
const parsedLater = new WeakMap<Row, RowDays>();

/** The row's date fields as Days (null when blank or not a real date; a field the row lacks is undefined). */
export function daysOf(row: Row): RowDays {
  const days = row.days;
  if (days !== undefined) return days;
  let parsed = parsedLater.get(row);
  if (parsed === undefined) {
    const found: Record<string, Day | null> = {};
    for (const field of DATE_FIELDS) {
      const text = row.values[field];
      if (text !== undefined) found[field] = dayOf(text);
    }
    parsed = found;
    parsedLater.set(row, parsed);
  }
  return parsed;
}
