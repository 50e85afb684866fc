import { describe, expect, it } from 'vitest';
import { rule392b } from '../../../../shared/domain/ssda903/rules/rule-392b.ts';
import { childWith, episode, flagged } from './helpers.ts';

const posted = (home: string, placement: string, ls = 'C2') =>
  childWith('C1', { Episodes: [episode({ LS: ls, HOME_POST: home, PL_POST: placement })] });

describe('rule 392b: postcodes recorded for a looked-after child', () => {
  it('flags a missing home or placement postcode', () => {
    expect(flagged(rule392b, posted('', 'AB1 2CD'))).toEqual(['Episodes:2:HOME_POST']);
    expect(flagged(rule392b, posted('AB1 2CD', ''))).toEqual(['Episodes:2:PL_POST']);
    expect(flagged(rule392b, posted('', ''))).toEqual(['Episodes:2:HOME_POST', 'Episodes:2:PL_POST']);
  });

  it('accepts both postcodes, a short break without them, and an asylum-seeking child without them', () => {
    expect(flagged(rule392b, posted('AB1 2CD', 'EF3 4GH'))).toEqual([]);
    expect(flagged(rule392b, posted('', '', 'V3'))).toEqual([]);
    const uasc = childWith('C1', { Episodes: [episode()], UASC: [{ SEX: 'F', DOB: '01/01/2010', DUC: '' }] });
    expect(flagged(rule392b, uasc)).toEqual([]);
  });
});
