import { describe, expect, it } from 'vitest';
import { rule336 } from '../../../../shared/domain/ssda903/rules/rule-336.ts';
import { childWith, episode, flagged } from './helpers.ts';

const moves = (before: string, after: string) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2025', PLACE: before, DEC: '01/07/2025', REC: 'X1' }),
      episode({ DECOM: '01/07/2025', RNE: 'P', PLACE: after }),
    ],
  });

describe('rule 336: placed for adoption from foster care or adoption', () => {
  it('flags A3 or A4 straight after a placement that is neither', () => {
    expect(flagged(rule336, moves('K2', 'A3'))).toEqual(['Episodes:3:PLACE']);
    expect(flagged(rule336, moves('T1', 'A4'))).toEqual(['Episodes:3:PLACE']);
  });

  it('accepts A3 or A4 after foster care, other placements after anything, and a first episode', () => {
    expect(flagged(rule336, moves('U3', 'A4'))).toEqual([]);
    expect(flagged(rule336, moves('K2', 'A5'))).toEqual([]);
    expect(flagged(rule336, childWith('C1', { Episodes: [episode({ PLACE: 'A3' })] }))).toEqual([]);
  });
});
