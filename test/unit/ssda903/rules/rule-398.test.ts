import { describe, expect, it } from 'vitest';
import { rule398 } from '../../../../shared/domain/ssda903/rules/rule-398.ts';
import { childWith, episode, flagged } from './helpers.ts';

const posted = (ls: string, home: string, placement: string) =>
  childWith('C1', { Episodes: [episode({ LS: ls, HOME_POST: home, PL_POST: placement })] });

describe('rule 398: no postcodes during short breaks', () => {
  it('flags a postcode on a short break', () => {
    expect(flagged(rule398, posted('V3', 'AB1 2CD', ''))).toEqual(['Episodes:2:LS']);
    expect(flagged(rule398, posted('V4', '', 'AB1 2CD'))).toEqual(['Episodes:2:LS']);
  });

  it('accepts a short break without postcodes, and postcodes under other legal statuses', () => {
    expect(flagged(rule398, posted('V3', '', ''))).toEqual([]);
    expect(flagged(rule398, posted('C2', 'AB1 2CD', 'EF3 4GH'))).toEqual([]);
  });
});
