import { describe, expect, it } from 'vitest';
import { rule554 } from '../../../../shared/domain/ssda903/rules/rule-554.ts';
import { childWith, episode, flagged } from './helpers.ts';

const orderInAugust = [
  episode({ DECOM: '01/05/2025', LS: 'C2' }),
  episode({ DECOM: '01/08/2025', LS: 'E1' }),
];

describe('rule 554: the decision to place for adoption comes before the placement order', () => {
  it('flags a decision made after the placement order was granted', () => {
    const child = childWith('C1', {
      Episodes: orderInAugust,
      PlacedAdoption: [{ DATE_PLACED: '15/08/2025' }],
    });
    expect(flagged(rule554, child)).toEqual(['PlacedAdoption:2:DATE_PLACED']);
  });

  it('accepts a decision on or before the order, and a child with no placement order', () => {
    const before = childWith('C1', {
      Episodes: orderInAugust,
      PlacedAdoption: [{ DATE_PLACED: '01/08/2025' }],
    });
    expect(flagged(rule554, before)).toEqual([]);
    const noOrder = childWith('C1', {
      Episodes: [episode({ LS: 'C2' })],
      PlacedAdoption: [{ DATE_PLACED: '15/08/2025' }],
    });
    expect(flagged(rule554, noOrder)).toEqual([]);
  });
});
