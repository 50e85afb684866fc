// Domain: working days in England and Wales, for the CIN census's timeliness rules and figures (45 working
// days for an assessment, 15 for an initial child protection conference). Weekends and the bank holidays
// in shared/reference/bank-holidays-england-wales.json (from GOV.UK) are not working days.
import table from '../../reference/bank-holidays-england-wales.json' with { type: 'json' };
import { type Day, dayFromParts, parseIsoDate } from '../dates.ts';

export const BANK_HOLIDAY_SOURCE: string = table.source;
/** The calendar years the table covers; outside them only weekends are known. */
export const BANK_HOLIDAY_YEARS = { first: table.firstYear, last: table.lastYear } as const;

const HOLIDAYS: ReadonlySet<Day> = new Set(
  table.dates.map((text) => {
    const day = parseIsoDate(text);
    if (day === null) throw new Error(`Bank holiday table: ${text} is not a date`);
    return day;
  }),
);

/** 1970-01-01 was a Thursday: 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export const isWeekend = (day: Day): boolean => {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
};

export const isBankHoliday = (day: Day): boolean => HOLIDAYS.has(day);

export const isWorkingDay = (day: Day): boolean => !isWeekend(day) && !HOLIDAYS.has(day);

/** True when every day from `from` to `to` lies in a year the bank holiday table covers. */
export function holidaysKnown(from: Day, to: Day): boolean {
  const first = dayFromParts(BANK_HOLIDAY_YEARS.first, 1, 1)!;
  const last = dayFromParts(BANK_HOLIDAY_YEARS.last, 12, 31)!;
  return Math.min(from, to) >= first && Math.max(from, to) <= last;
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is on or before `from`): an assessment
 * started on a Monday and authorised on the Tuesday took 1 working day. Whole weeks are counted at once.
 */
export function workingDaysBetween(from: Day, to: Day): number {
  if (to <= from) return 0;
  const span = to - from;
  const weeks = Math.floor(span / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7 + 1; day <= to; day++) if (!isWeekend(day)) count++;
  for (const holiday of HOLIDAYS) if (holiday > from && holiday <= to && !isWeekend(holiday)) count--;
  return count;
}

/** The day `count` working days after `from` (a working day, or `from` itself when count is 0). */
export function addWorkingDays(from: Day, count: number): Day {
  let day = from;
  let left = count;
  while (left > 0) {
    day++;
    if (isWorkingDay(day)) left--;
  }
  return day;
}
