// Domain: calendar dates as whole days since 1970-01-01 (UTC), so comparisons and arithmetic are exact.
//
// Every date field of every row of a return is parsed, often several times, so the common cases (years 100
// to 9999, whole numbers) are done with integer arithmetic on the proleptic Gregorian calendar, the same
// calendar Date uses. Anything else falls back to Date, so results are identical for every input.

export type Day = number;
const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days from 0000-03-01 to 1970-01-01. */
const EPOCH_SHIFT = 719_468;
const DAYS_PER_400_YEARS = 146_097;
/** Date covers 100,000,000 days either side of 1970-01-01. */
const DATE_RANGE_DAYS = 100_000_000;

const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Days since 1970-01-01 of a valid date in years 100 to 9999 (month 1–12, day within the month). */
function daysFromCivil(year: number, month: number, day: number): Day {
  // Counting years from March puts the leap day at the end of the year.
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const marchMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * marchMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - EPOCH_SHIFT;
}

/** The day, or null when the parts are not a real date; years 100 to 9999 only (whole numbers). */
function civilDay(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const length = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day > length ? null : daysFromCivil(year, month, day);
}

const isWhole = (value: number): boolean => Number.isInteger(value);

export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (isWhole(year) && isWhole(month) && isWhole(day) && year >= 100 && year <= 9999)
    return civilDay(year, month, day);
  // Date reads years 0–99 as 1900–1999, so those (and non-whole parts) never round-trip: null, as before.
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return ms / MS_PER_DAY;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Parses a UK date "dd/mm/yyyy" (as returns carry them); null if it is not a real calendar date.
 * Day and month may have one or two digits, the year exactly four; surrounding whitespace is ignored.
 */
export function parseUkDate(text: string): Day | null {
  let value = text;
  if (!isDigit(value.charCodeAt(0)) || !isDigit(value.charCodeAt(value.length - 1))) value = value.trim();
  const length = value.length;
  if (length < 8 || length > 10) return null;
  let index = 0;
  let code = value.charCodeAt(index++);
  if (!isDigit(code)) return null;
  let day = code - 48;
  code = value.charCodeAt(index++);
  if (isDigit(code)) {
    day = day * 10 + code - 48;
    code = value.charCodeAt(index++);
  }
  if (code !== 47) return null;
  code = value.charCodeAt(index++);
  if (!isDigit(code)) return null;
  let month = code - 48;
  code = value.charCodeAt(index++);
  if (isDigit(code)) {
    month = month * 10 + code - 48;
    code = value.charCodeAt(index++);
  }
  if (code !== 47 || length - index !== 4) return null;
  let year = 0;
  for (; index < length; index++) {
    code = value.charCodeAt(index);
    if (!isDigit(code)) return null;
    year = year * 10 + code - 48;
  }
  // Years before 100 are never dates here (see dayFromParts).
  return year < 100 ? null : civilDay(year, month, day);
}

/** Parses an ISO date "yyyy-mm-dd" (as the CIN census XML carries them). */
export function parseIsoDate(text: string): Day | null {
  // Read digit by digit rather than by a regular expression: XML returns hold many dates and rules read them often.
  let value = text;
  if (!isDigit(value.charCodeAt(0)) || !isDigit(value.charCodeAt(value.length - 1))) value = value.trim();
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 0 || day < 0) return null;
  return dayFromParts(year, month, day);
}

/** The number written by `count` ASCII digits from `start`, or -1 if any of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index++) {
    const code = text.charCodeAt(index);
    if (!isDigit(code)) return -1;
    number = number * 10 + code - 48;
  }
  return number;
}

/** Year, month and day of a whole day within years 0 to 9999 by arithmetic; null outside (left to Date). */
function civilFromDays(day: Day): { year: number; month: number; day: number } | null {
  if (!isWhole(day) || day < -DATE_RANGE_DAYS || day > DATE_RANGE_DAYS) return null;
  const shifted = day + EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_400_YEARS);
  const dayOfEra = shifted - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return null;
  return { year, month, day: dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1 };
}

const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);
const pad4 = (value: number): string => `${value}`.padStart(4, '0');

export function formatIsoDay(day: Day): string {
  const parts = civilFromDays(day);
  if (parts !== null) return `${pad4(parts.year)}-${pad2(parts.month)}-${pad2(parts.day)}`;
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function formatUkDay(day: Day): string {
  const parts = civilFromDays(day);
  if (parts !== null) return `${pad2(parts.day)}/${pad2(parts.month)}/${pad4(parts.year)}`;
  const [y, m, d] = formatIsoDay(day).split('-');
  return `${d}/${m}/${y}`;
}

export function dayParts(day: Day): { year: number; month: number; day: number } {
  const parts = civilFromDays(day);
  if (parts !== null) return parts;
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
