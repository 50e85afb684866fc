// Domain: SSDA903 rule 632 — date of the previous permanence order. Catalogue fields: DATE_PERM DECOM (Episodes,
// PrevPerm); last defined 2022/23. DfE's guidance lets a council write ZZ (ZZZZ for the year) for the parts of
// the date it does not know. The order came before the child's current care, so the date is compared with the
// start of the latest period of care in the return (an order may end an earlier period in the same year).
import { type Day, dayFromParts, parseUkDate } from '../../dates.ts';
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { episodesInOrder, periodBounds, periodsOfCare } from './support.ts';

const PARTIAL_DATE = /^(\d{1,2}|ZZ)\/(\d{1,2}|ZZ)\/(\d{4}|ZZZZ)$/;
/** The longest each month can be (February in a leap year). */
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The earliest day a DATE_PERM can stand for: the date itself when whole, the first of its month or year when
 * the day or month is ZZ, null when the year is not known. Undefined when the text is not such a date.
 */
export function earliestPermanenceDay(text: string): Day | null | undefined {
  const parts = PARTIAL_DATE.exec(text);
  if (!parts) return undefined;
  const [, dayText, monthText, yearText] = parts as unknown as [string, string, string, string];
  const day = dayText === 'ZZ' ? null : Number(dayText);
  const month = monthText === 'ZZ' ? null : Number(monthText);
  const year = yearText === 'ZZZZ' ? null : Number(yearText);
  if (day !== null && month !== null && year !== null) return parseUkDate(text) ?? undefined;
  if (month !== null && (month < 1 || month > 12)) return undefined;
  // A known day must exist in the known month of some year (29 February included), or in some month.
  if (day !== null && (day < 1 || day > (month === null ? 31 : LONGEST_MONTH[month - 1]!))) return undefined;
  if (year === null) return null;
  if (year < 100) return undefined;
  return dayFromParts(year, month ?? 1, 1);
}

export const rule632: Rule = rowRule({
  code: '632',
  description:
    'The date of the previous permanence order is not a date in the form dd/mm/yyyy (ZZ for a part not known), or is not before the child started to be looked after.',
  table: 'PrevPerm',
  tables: ['PrevPerm', 'Episodes'],
  fields: ['DATE_PERM', 'DECOM'],
  flagField: 'DATE_PERM',
  fails: (row, child) => {
    const text = row.values.DATE_PERM ?? '';
    if (text === '') return false;
    const earliest = earliestPermanenceDay(text);
    if (earliest === undefined) return true;
    if (earliest === null) return false;
    const latestPeriod = periodsOfCare(episodesInOrder(child)).at(-1);
    return latestPeriod !== undefined && earliest >= periodBounds(latestPeriod).start;
  },
});
