// Domain: degrading child-level data at the door (docs/data-model.md). Keyed pseudonyms per council, dates of
// birth to the month, postcodes to the outward code. Pure: the secret is passed in, never looked up here.
import { createHmac, hkdfSync } from 'node:crypto';
import { type Day, dayFromParts, dayParts } from './dates.ts';

const KEY_INFO_PREFIX = 'upstream/child-pseudonym/v1/council:';

/**
 * The council's own pseudonymisation key, derived from the service secret. Different councils get
 * unrelated keys, so the same child reference links across years within a council but never across.
 */
export function councilPseudonymKey(serviceSecret: Buffer, la: string): Buffer {
  if (serviceSecret.length < 32) throw new Error('The pseudonymisation secret must be at least 32 bytes');
  return Buffer.from(hkdfSync('sha256', serviceSecret, Buffer.alloc(0), `${KEY_INFO_PREFIX}${la}`, 32));
}

/** A stable, irreversible stand-in for a council's child reference (128 bits, hex). */
export function pseudonymiseChild(childReference: string, councilKey: Buffer): string {
  return createHmac('sha256', councilKey).update(childReference.trim()).digest('hex').slice(0, 32);
}

export function firstOfMonth(day: Day): Day {
  const { year, month } = dayParts(day);
  return dayFromParts(year, month, 1)!;
}

/** The 18th birthday of a child born on `dob` (29 February counts as 1 March). */
export function eighteenthBirthday(dob: Day): Day {
  const { year, month, day } = dayParts(dob);
  return dayFromParts(year + 18, month, day) ?? dayFromParts(year + 18, 3, 1)!;
}

/**
 * Whether a kept date would give a degraded date of birth away: care and children-in-need services end at
 * 18, so a date within a day of the 18th birthday (an episode ending then) dates the birth exactly. Such a
 * date is kept to its month, like the date of birth.
 */
export function revealsBirthday(day: Day, eighteenth: Day | null): boolean {
  return eighteenth !== null && Math.abs(day - eighteenth) <= 1;
}

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/;
const OUTWARD_ONLY = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

/** The outward code of a UK postcode ("ME14 1XQ" → "ME14"); '' when it is not a postcode. */
export function outwardCode(postcode: string): string {
  const normalised = postcode.toUpperCase().replace(/\s+/g, ' ').trim();
  const full = POSTCODE.exec(normalised);
  if (full) return full[1]!;
  return OUTWARD_ONLY.test(normalised) ? normalised : '';
}
