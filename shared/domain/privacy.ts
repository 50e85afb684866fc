// Domain: degrading child-level data at the door (docs/data-model.md). Keyed pseudonyms per council, dates of
// birth to the month, postcodes to the outward code. Pure: the secret is passed in, never looked up here.
import { hash, hkdfSync } from 'node:crypto';
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

/** SHA-256 works on blocks of 64 bytes; HMAC pads its key to one block (RFC 2104). */
const BLOCK_BYTES = 64;
const DIGEST_BYTES = 32;
/** UTF-8 takes at most 3 bytes for each UTF-16 unit of a string. */
const MAX_UTF8_BYTES_PER_UNIT = 3;
/** References up to this many UTF-16 units are written into one buffer kept for the key (councils' are short). */
const SHORT_UNITS = 64;

/**
 * The pseudonyms of one council's child references: HMAC-SHA256 (RFC 2104) of the trimmed reference's UTF-8
 * bytes, the first 128 bits in hex. The HMAC is written out over Node's one-shot SHA-256 with the key's two
 * padded blocks made once, because making a `createHmac` for each of a return's 200,000 children cost more
 * than the hashing itself; it gives the very same pseudonyms (held to `createHmac` in privacy.test.ts).
 */
export class ChildPseudonyms {
  /** (key XOR ipad), then room for a reference of up to SHORT_UNITS UTF-16 units, written after it. */
  private readonly inner = Buffer.alloc(BLOCK_BYTES + SHORT_UNITS * MAX_UTF8_BYTES_PER_UNIT);
  /** Views of `inner` holding a message of each byte length, so none is made per reference. */
  private readonly innerViews: Buffer[] = [];
  /** (key XOR opad), then the inner hash. */
  private readonly outer = Buffer.alloc(BLOCK_BYTES + DIGEST_BYTES);

  constructor(councilKey: Buffer) {
    // A key longer than a block is hashed first; a shorter one is padded with zeros.
    const key = councilKey.length > BLOCK_BYTES ? hash('sha256', councilKey, 'buffer') : councilKey;
    for (let index = 0; index < BLOCK_BYTES; index++) {
      const byte = index < key.length ? key[index]! : 0;
      this.inner[index] = byte ^ 0x36;
      this.outer[index] = byte ^ 0x5c;
    }
  }

  /** A stable, irreversible stand-in for the child reference. */
  of(childReference: string): string {
    const message = childReference.trim();
    let innerBytes: Buffer;
    if (message.length <= SHORT_UNITS) {
      const length = this.inner.write(message, BLOCK_BYTES, 'utf8');
      innerBytes = this.innerViews[length] ?? this.viewOf(length);
    } else {
      // A reference longer than any a council uses is joined to the pad in a buffer of its own, kept by nothing.
      innerBytes = Buffer.concat([this.inner.subarray(0, BLOCK_BYTES), Buffer.from(message, 'utf8')]);
    }
    // The inner hash as a byte string ('binary' is latin1: one character a byte) straight into the outer block.
    this.outer.write(hash('sha256', innerBytes, 'binary'), BLOCK_BYTES, 'latin1');
    return hash('sha256', this.outer, 'hex').slice(0, 32);
  }

  private viewOf(length: number): Buffer {
    const view = this.inner.subarray(0, BLOCK_BYTES + length);
    this.innerViews[length] = view;
    return view;
  }
}

// A council key is made once per return (councilPseudonymKey) and never changed in place, so its padded
// blocks are made once and kept for as long as the key is.
const pseudonymsByKey = new WeakMap<Buffer, ChildPseudonyms>();

/** The pseudonyms under a council key, made on first use of the key. */
export function childPseudonyms(councilKey: Buffer): ChildPseudonyms {
  let pseudonyms = pseudonymsByKey.get(councilKey);
  if (pseudonyms === undefined) {
    pseudonyms = new ChildPseudonyms(councilKey);
    pseudonymsByKey.set(councilKey, pseudonyms);
  }
  return pseudonyms;
}

/** A stable, irreversible stand-in for a council's child reference (128 bits, hex). */
export function pseudonymiseChild(childReference: string, councilKey: Buffer): string {
  return childPseudonyms(councilKey).of(childReference);
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
