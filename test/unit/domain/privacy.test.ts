import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUkDay, parseUkDate } from '../../../shared/domain/dates.ts';
import {
  ChildPseudonyms,
  childPseudonyms,
  councilPseudonymKey,
  firstOfMonth,
  outwardCode,
  pseudonymiseChild,
} from '../../../shared/domain/privacy.ts';

const secret = Buffer.alloc(32, 7);

describe('privacy at the door', () => {
  it('gives a child the same pseudonym every year within a council, and an unrelated one elsewhere', () => {
    const kent = councilPseudonymKey(secret, '886');
    const barnet = councilPseudonymKey(secret, '302');
    expect(pseudonymiseChild('566910', kent)).toBe(
      pseudonymiseChild(' 566910 ', councilPseudonymKey(secret, '886')),
    );
    expect(pseudonymiseChild('566910', kent)).not.toBe(pseudonymiseChild('566910', barnet));
    expect(pseudonymiseChild('566910', kent)).not.toContain('566910');
    expect(pseudonymiseChild('566910', kent)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('depends on the secret, and refuses a short one', () => {
    const other = councilPseudonymKey(Buffer.alloc(32, 8), '886');
    expect(pseudonymiseChild('566910', other)).not.toBe(
      pseudonymiseChild('566910', councilPseudonymKey(secret, '886')),
    );
    expect(() => councilPseudonymKey(Buffer.alloc(16), '886')).toThrow(/at least 32 bytes/);
  });

  it('keeps only the month of a date of birth', () => {
    expect(formatUkDay(firstOfMonth(parseUkDate('27/03/2008')!))).toBe('01/03/2008');
  });

  it('cuts postcodes to the outward code', () => {
    expect(outwardCode('EG19 7TT')).toBe('EG19');
    expect(outwardCode('me14 1xq')).toBe('ME14');
    expect(outwardCode('SW1A1AA')).toBe('SW1A');
    expect(outwardCode('W1')).toBe('W1');
    expect(outwardCode('not a postcode')).toBe('');
    expect(outwardCode('')).toBe('');
  });
});

/** The pseudonym as the standard HMAC gives it, from Node's own createHmac. */
const byCreateHmac = (reference: string, key: Buffer) =>
  createHmac('sha256', key).update(reference.trim()).digest('hex').slice(0, 32);

describe('pseudonyms: the HMAC written out gives what createHmac gives', () => {
  const references = [
    '566910',
    ' 566910 ',
    '\t566910\r\n',
    '',
    '   ',
    'C0',
    'a'.repeat(55),
    'b'.repeat(56),
    'c'.repeat(64),
    'd'.repeat(65),
    'e'.repeat(1000),
    'Zoë-Łukasz',
    '子供12',
    '🧒123',
    '\u00e9\u00e9\u00e9',
    'lone \ud800 surrogate',
    'end surrogate \udfff',
    '\u0000nul',
    'é'.repeat(300),
    // Around the longest reference written into the kept buffer (64 UTF-16 units, up to 192 bytes).
    '子'.repeat(64),
    '子'.repeat(65),
    '🧒'.repeat(32),
    `${'x'.repeat(63)}🧒`,
  ];
  const keys = [
    councilPseudonymKey(Buffer.alloc(32, 7), 'E09000001'),
    councilPseudonymKey(randomBytes(32), '886'),
    Buffer.alloc(0),
    Buffer.alloc(32, 0xff),
    randomBytes(64),
    randomBytes(65),
    randomBytes(100),
    Buffer.from(hkdfSync('sha256', randomBytes(32), Buffer.alloc(0), 'other', 16)),
  ];

  it('for awkward references under keys of every length', () => {
    for (const key of keys) {
      const pseudonyms = new ChildPseudonyms(key);
      for (const reference of references) {
        expect(pseudonyms.of(reference), JSON.stringify(reference)).toBe(byCreateHmac(reference, key));
      }
      // Long references grow the buffer: the short ones after them still come out right.
      for (const reference of [...references].reverse()) {
        expect(pseudonyms.of(reference)).toBe(byCreateHmac(reference, key));
      }
    }
  });

  it('for many references, in any order, under a council key', () => {
    const key = councilPseudonymKey(randomBytes(32), '302');
    const pseudonyms = new ChildPseudonyms(key);
    for (let number = 0; number < 20_000; number++) {
      const reference = `C${number}`;
      expect(pseudonyms.of(reference)).toBe(byCreateHmac(reference, key));
    }
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 120 }), { maxLength: 20 }), (batch) => {
        for (const reference of batch) expect(pseudonyms.of(reference)).toBe(byCreateHmac(reference, key));
      }),
      { numRuns: 300 },
    );
  });

  it('for random keys', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 130 }), fc.string({ maxLength: 80 }), (keyBytes, reference) => {
        const key = Buffer.from(keyBytes);
        expect(new ChildPseudonyms(key).of(reference)).toBe(byCreateHmac(reference, key));
        expect(pseudonymiseChild(reference, key)).toBe(byCreateHmac(reference, key));
      }),
      { numRuns: 500 },
    );
  });

  it('makes the padded blocks once per key, and keeps keys apart', () => {
    const kent = councilPseudonymKey(secret, '886');
    const barnet = councilPseudonymKey(secret, '302');
    expect(childPseudonyms(kent)).toBe(childPseudonyms(kent));
    expect(childPseudonyms(kent)).not.toBe(childPseudonyms(barnet));
    expect(pseudonymiseChild('566910', barnet)).toBe(byCreateHmac('566910', barnet));
    expect(pseudonymiseChild('566910', kent)).toBe(byCreateHmac('566910', kent));
  });
});
