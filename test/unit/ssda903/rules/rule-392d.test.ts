import { describe, expect, it } from 'vitest';
import { rule392d, samePostcode } from '../../../../shared/domain/ssda903/rules/rule-392d.ts';
import { childWith, episode, flagged } from './helpers.ts';

const posted = (home: string, placement: string, place = 'U4') =>
  childWith('C1', { Episodes: [episode({ PLACE: place, HOME_POST: home, PL_POST: placement })] });

describe('rule 392d: home and placement postcodes differ unless placed with parents', () => {
  it('flags the same postcode, written either way, away from parents', () => {
    expect(flagged(rule392d, posted('AB1 2CD', 'AB1 2CD'))).toEqual(['Episodes:2:PL_POST']);
    expect(flagged(rule392d, posted('ab12cd', 'AB1 2CD'))).toEqual(['Episodes:2:PL_POST']);
  });

  it('accepts the same postcode with parents (P1), different postcodes and blanks', () => {
    expect(flagged(rule392d, posted('AB1 2CD', 'AB1 2CD', 'P1'))).toEqual([]);
    expect(flagged(rule392d, posted('AB1 2CD', 'EF3 4GH'))).toEqual([]);
    expect(flagged(rule392d, posted('', ''))).toEqual([]);
  });

  it('compares postcodes as their text without spaces and in capitals would, whatever the characters', () => {
    const normalised = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();
    const pieces = ['', ' ', '\t', 'a', 'A', 'b', '1', 'ß', 'SS', '\u00a0', 'é', 'É', '\u2003', 'ı', 'I'];
    const texts: string[] = [];
    for (const first of pieces)
      for (const second of pieces) texts.push(first + second, `A${first}1${second}`);
    for (const a of texts) {
      for (const b of texts) {
        if (samePostcode(a, b) !== (normalised(a) === normalised(b)))
          expect([a, b, samePostcode(a, b)]).toBe('');
      }
    }
  });
});
