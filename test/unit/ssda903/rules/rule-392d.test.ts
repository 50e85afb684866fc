import { describe, expect, it } from 'vitest';
import { rule392d } from '../../../../shared/domain/ssda903/rules/rule-392d.ts';
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
});
