// Working days in England and Wales: the bank holiday table against dates computed independently, and counts.
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  BANK_HOLIDAY_SOURCE,
  BANK_HOLIDAY_YEARS,
  holidaysKnown,
  isBankHoliday,
  isWorkingDay,
  weekday,
  workingDaysBetween,
} from '../../../shared/domain/cin/working-days.ts';
import { dayFromParts, formatIsoDay, parseIsoDate } from '../../../shared/domain/dates.ts';
import { CIN_YEARS } from '../../../shared/domain/returns/catalogue.ts';

const d = (text: string) => parseIsoDate(text)!;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const e = Math.floor(b / 4);
  const f = b % 4;
  const g = Math.floor((b + 8) / 25);
  const h = (19 * a + b - e - Math.floor((b - g + 1) / 3) + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * f + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromParts(year, month, day)!;
}

describe('England and Wales bank holidays', () => {
  it('names its source', () => {
    expect(BANK_HOLIDAY_SOURCE).toMatch(/gov\.uk\/bank-holidays/i);
  });

  it('covers every census year accepted, and the year before the first', () => {
    expect(BANK_HOLIDAY_YEARS.first).toBeLessThanOrEqual(CIN_YEARS.first - 1);
    expect(BANK_HOLIDAY_YEARS.last).toBeGreaterThanOrEqual(CIN_YEARS.last);
    for (let year = CIN_YEARS.first; year <= CIN_YEARS.last; year++) {
      expect(holidaysKnown(dayFromParts(year - 1, 4, 1)!, dayFromParts(year, 3, 31)!)).toBe(true);
    }
  });

  it('has Good Friday and Easter Monday every year, as the Easter computus gives them', () => {
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
      const easter = easterSunday(year);
      expect(isBankHoliday(easter - 2), `Good Friday ${year}: ${formatIsoDay(easter - 2)}`).toBe(true);
      expect(isBankHoliday(easter + 1), `Easter Monday ${year}: ${formatIsoDay(easter + 1)}`).toBe(true);
    }
    // Known Easter Mondays.
    for (const date of ['2016-03-28', '2019-04-22', '2024-04-01', '2025-04-21', '2026-04-06', '2027-03-29'])
      expect(isBankHoliday(d(date))).toBe(true);
  });

  it('has New Year, the May and August Mondays and Christmas every year (with substitutes), all on weekdays', () => {
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
      const lastMonday = (month: number, days: number) => {
        let day = dayFromParts(year, month, days)!;
        while (weekday(day) !== 1) day--;
        return day;
      };
      expect(isBankHoliday(lastMonday(8, 31)), `summer ${year}`).toBe(true);
      const january = [1, 2, 3].map((date) => dayFromParts(year, 1, date)!).filter(isBankHoliday);
      expect(january, `new year ${year}`).toHaveLength(1);
      const christmas = [25, 26, 27, 28].map((date) => dayFromParts(year, 12, date)!).filter(isBankHoliday);
      expect(christmas, `christmas ${year}`).toHaveLength(2);
      for (const day of christmas) expect(weekday(day) % 6).not.toBe(0);
    }
    // The one-off holidays.
    for (const date of ['2012-06-05', '2020-05-08', '2022-06-03', '2022-09-19', '2023-05-08'])
      expect(isBankHoliday(d(date))).toBe(true);
    // 2020's early May holiday moved to VE day; 2022's spring holiday to 2 June.
    expect(isBankHoliday(d('2020-05-04'))).toBe(false);
    expect(isBankHoliday(d('2022-05-30'))).toBe(false);
  });
});

describe('working days', () => {
  it('knows weekdays', () => {
    expect(weekday(d('2025-03-31'))).toBe(1);
    expect(isWorkingDay(d('2025-03-29'))).toBe(false);
    expect(isWorkingDay(d('2025-04-18'))).toBe(false);
    expect(isWorkingDay(d('2025-04-17'))).toBe(true);
  });

  it('counts working days after the first day up to and including the last', () => {
    expect(workingDaysBetween(d('2025-03-03'), d('2025-03-03'))).toBe(0);
    expect(workingDaysBetween(d('2025-03-03'), d('2025-03-04'))).toBe(1);
    expect(workingDaysBetween(d('2025-03-07'), d('2025-03-10'))).toBe(1);
    expect(workingDaysBetween(d('2025-03-10'), d('2025-03-31'))).toBe(15);
    // Easter 2025: Good Friday 18 April and Easter Monday 21 April are not working days.
    expect(workingDaysBetween(d('2025-04-17'), d('2025-04-22'))).toBe(1);
    // Christmas 2024: 25 and 26 December.
    expect(workingDaysBetween(d('2024-12-20'), d('2024-12-31'))).toBe(5);
    expect(workingDaysBetween(d('2025-03-31'), d('2025-03-01'))).toBe(0);
  });

  it('matches a day-by-day count over a long span and agrees with addWorkingDays', () => {
    const from = d('2022-11-15');
    const to = d('2023-06-20');
    let slow = 0;
    for (let day = from + 1; day <= to; day++) if (isWorkingDay(day)) slow++;
    expect(workingDaysBetween(from, to)).toBe(slow);
    for (const count of [1, 15, 45, 100]) {
      const end = addWorkingDays(from, count);
      expect(workingDaysBetween(from, end)).toBe(count);
      expect(isWorkingDay(end)).toBe(true);
    }
    // 45 working days from Monday 2 December 2024, counted by hand: 19 in December (25 and 26 off), 2 in the
    // week of New Year (1 January off), four full weeks to 31 January (41), then 3 to 6 February.
    expect(formatIsoDay(addWorkingDays(d('2024-12-02'), 45))).toBe('2025-02-06');
  });
});
