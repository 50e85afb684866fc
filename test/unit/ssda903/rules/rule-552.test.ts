import { describe, expect, it } from 'vitest';
import { rule552 } from '../../../../shared/domain/ssda903/rules/rule-552.ts';
import { childWith, episode, flagged } from './helpers.ts';

const placedInSeptember = [
  episode({ DECOM: '01/05/2025', PLACE: 'U1' }),
  episode({ DECOM: '01/09/2025', PLACE: 'A3' }),
];

describe('rule 552: the decision to place for adoption comes before the adoption placement', () => {
  it('flags a decision made after the child was placed for adoption', () => {
    const child = childWith('C1', {
      Episodes: placedInSeptember,
      PlacedAdoption: [{ DATE_PLACED: '02/09/2025' }],
    });
    expect(flagged(rule552, child)).toEqual(['PlacedAdoption:2:DATE_PLACED']);
  });

  it('accepts a decision on the day of the placement, and a later decision after an earlier one', () => {
    const sameDay = childWith('C1', {
      Episodes: placedInSeptember,
      PlacedAdoption: [{ DATE_PLACED: '01/09/2025' }],
    });
    expect(flagged(rule552, sameDay)).toEqual([]);
    const twoDecisions = childWith('C1', {
      Episodes: placedInSeptember,
      PlacedAdoption: [{ DATE_PLACED: '01/02/2026' }, { DATE_PLACED: '01/07/2025' }],
    });
    expect(flagged(rule552, twoDecisions)).toEqual([]);
  });
});
