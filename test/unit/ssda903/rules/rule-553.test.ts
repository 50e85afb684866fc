import { describe, expect, it } from 'vitest';
import { rule553 } from '../../../../shared/domain/ssda903/rules/rule-553.ts';
import { childWith, episode, flagged } from './helpers.ts';

const underPlacementOrder = [
  episode({ DECOM: '01/05/2025', LS: 'C2' }),
  episode({ DECOM: '01/08/2025', LS: 'E1' }),
];

describe('rule 553: a placement order needs the decision to place for adoption', () => {
  it('flags the first episode under a placement order when there is no decision date', () => {
    expect(flagged(rule553, childWith('C1', { Episodes: underPlacementOrder, PlacedAdoption: [] }))).toEqual([
      'Episodes:3:LS',
    ]);
  });

  it('accepts it with a decision date, and a child with no placement order', () => {
    const decided = childWith('C1', {
      Episodes: underPlacementOrder,
      PlacedAdoption: [{ DATE_PLACED: '01/07/2025' }],
    });
    expect(flagged(rule553, decided)).toEqual([]);
    expect(flagged(rule553, childWith('C1', { Episodes: [episode({ LS: 'C2' })] }))).toEqual([]);
  });
});
