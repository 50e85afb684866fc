// Domain: degrading child-level data at the door (docs/data-model.md). Keyed pseudonyms per council, dates of
// birth to the month, postcodes to the outward code. Pure: the secret is passed in, never looked up here.
import { hkdfSync } from 'node:crypto';
import { type Day, dayFromParts, dayParts } from './dates.ts';
import { HmacSha256 } from './hmac-sha256.ts';

const KEY_INFO_PREFIX = 'upstream/child-pseudonym/v1/council:';

/**
 * The council's own pseudonymisation key, derived from the service secret. Different councils get
 * unrelated keys, so the same child reference links across years within a council but never across.
 */
export function councilPseudonymKey(serviceSecret: Buffer, la: string): Buffer {
  if (serviceSecret.length < 32) throw new Error('The pseudonymisation secret must be at least 32 bytes');
  return Buffer.from(hkdfSync('sha256', serviceSecret, Buffer.alloc(0), `${KEY_INFO_PREFIX}${la}`, 32));
}

// A return is pseudonymised under one council key, so the key's prepared HMAC is kept for the next child.
// It is checked against a copy of the key's bytes (not the Buffer's identity, since a Buffer can change).
let preparedKey = new Uint8Array(0);
let preparedHmac: HmacSha256 | null = null;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

function hmacFor(key: Buffer): HmacSha256 {
  if (preparedHmac === null || !sameBytes(key, preparedKey)) {
    preparedKey = Uint8Array.from(key);
    preparedHmac = new HmacSha256(key);
  }
  return preparedHmac;
}

/**
 * A stable, irreversible stand-in for a council's child reference: the first 128 bits of
 * HMAC-SHA256(council key, trimmed reference), in hex.
 */
export function pseudonymiseChild(childReference: string, councilKey: Buffer): string {
  return hmacFor(councilKey).hex128(childReference.trim());
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
