// Domain: made-up people for generated returns: identifiers, dates of birth, sex and ethnicity codes as the
// year's return writes them. Nothing here is real.
import { type Day, dayFromParts, dayParts } from '../dates.ts';
import type { Random } from './random.ts';

/** Ethnicity codes with rough shares of children in care in England (most common first). */
const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['WBRI', 0.68],
  ['WOTH', 0.05],
  ['MWBC', 0.04],
  ['MOTH', 0.04],
  ['BAFR', 0.04],
  ['MWAS', 0.02],
  ['BCRB', 0.02],
  ['AOTH', 0.02],
  ['APKN', 0.02],
  ['OOTH', 0.03],
  ['BOTH', 0.02],
  ['WROM', 0.01],
  ['NOBT', 0.01],
];

export function ethnicity(random: Random): string {
  let left = random.next();
  for (const [code, share] of ETHNICITIES) {
    left -= share;
    if (left < 0) return code;
  }
  return 'WBRI';
}

export function addDays(day: Day, days: number): Day {
  return day + days;
}

/** The same day of the month some years later (29 February becomes 1 March). */
export function addYears(day: Day, years: number): Day {
  const { year, month, day: date } = dayParts(day);
  return dayFromParts(year + years, month, date) ?? dayFromParts(year + years, 3, 1)!;
}

export function ageAt(dob: Day, day: Day): number {
  const birth = dayParts(dob);
  const at = dayParts(day);
  return (
    at.year -
    birth.year -
    (at.month < birth.month || (at.month === birth.month && at.day < birth.day) ? 1 : 0)
  );
}

/** A day in [from, to]. */
export function dayBetween(random: Random, from: Day, to: Day): Day {
  return to <= from ? from : random.int(from, to);
}

const UPN_CHECK = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** A well-formed Unique Pupil Number (check letter, council number, school, year, serial). */
export function upn(random: Random, la: string): string {
  const body = `${la}${String(random.int(1000, 7999))}${String(random.int(10, 25))}${String(random.int(0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) sum += Number(body[index]) * (index + 2);
  return `${UPN_CHECK[sum % 23]}${body}`;
}
