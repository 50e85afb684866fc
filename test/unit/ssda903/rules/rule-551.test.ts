import { describe, expect, it } from 'vitest';
import { rule551 } from '../../../../shared/domain/ssda903/rules/rule-551.ts';
import { childWith, episode, flagged } from './helpers.ts';

const placedForAdoption = [
  episode({ DECOM: '01/05/2025', PLACE: 'U1', LS: 'E1' }),
  episode({ DECOM: '01/09/2025', PLACE: 'A5', LS: 'E1' }),
];

describe('rule 551: an adoption placement needs the decision to place for adoption', () => {
  it('flags the first adoption placement when there is no decision date', () => {
    const child = childWith('C1', { Episodes: placedForAdoption, PlacedAdoption: [] });
    expect(flagged(rule551, child)).toEqual(['Episodes:3:PLACE']);
  });

  it('accepts it with a decision date, and a child never placed for adoption', () => {
    const decided = childWith('C1', {
      Episodes: placedForAdoption,
      PlacedAdoption: [{ DATE_PLACED: '01/06/2025' }],
    });
    expect(flagged(rule551, decided)).toEqual([]);
    expect(flagged(rule551, childWith('C1', { Episodes: [episode()] }))).toEqual([]);
  });
});
