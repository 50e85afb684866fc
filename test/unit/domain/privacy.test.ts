import { describe, expect, it } from 'vitest';
import { formatUkDay, parseUkDate } from '../../../shared/domain/dates.ts';
import {
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
