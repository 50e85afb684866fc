import { describe, expect, it } from 'vitest';
import { rule217 } from '../../../../shared/domain/ssda903/rules/rule-217.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 217: adoption by current foster carers needs RNE S, T or U', () => {
  it('accepts T, and an episode before April 2015', () => {
    const child = childWith('C1', {
      Episodes: [episode({ PLACE: 'A3', RNE: 'T' }), episode({ DECOM: '31/03/2015', PLACE: 'A5', RNE: 'P' })],
    });
    expect(flagged(rule217, child)).toEqual([]);
  });

  it('flags P or B for A3/A5 from April 2015', () => {
    const child = childWith('C1', {
      Episodes: [episode({ PLACE: 'A3', RNE: 'P' }), episode({ DECOM: '01/04/2015', PLACE: 'A5', RNE: 'B' })],
    });
    expect(flagged(rule217, child)).toEqual(['Episodes:2:RNE', 'Episodes:3:RNE']);
  });
});
