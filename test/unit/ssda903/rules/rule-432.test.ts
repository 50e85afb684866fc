import { describe, expect, it } from 'vitest';
import { rule432 } from '../../../../shared/domain/ssda903/rules/rule-432.ts';
import { childWith, episode, flagged } from './helpers.ts';

const followedBy = (rec: string, rne: string) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2025', DEC: '01/06/2025', REC: rec }),
      episode({ DECOM: '01/09/2025', RNE: rne }),
    ],
  });

describe('rule 432: after care ends the next episode is a new start', () => {
  it('flags a next episode that is not a new start', () => {
    expect(flagged(rule432, followedBy('E13', 'P'))).toEqual(['Episodes:3:RNE']);
    expect(flagged(rule432, followedBy('E4A', 'L'))).toEqual(['Episodes:3:RNE']);
  });

  it('accepts a new start after care ended, and anything after X1', () => {
    expect(flagged(rule432, followedBy('E13', 'S'))).toEqual([]);
    expect(flagged(rule432, followedBy('X1', 'P'))).toEqual([]);
  });
});
