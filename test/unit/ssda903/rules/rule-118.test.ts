import { describe, expect, it } from 'vitest';
import { rule118 } from '../../../../shared/domain/ssda903/rules/rule-118.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 118: a reversed adoption decision is in the year and in the period of care', () => {
  it('flags a reversal dated before 1 April, and one before care began', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2025' })],
      PlacedAdoption: [{ DATE_PLACED_CEASED: '31/03/2025' }, { DATE_PLACED_CEASED: '01/05/2025' }],
    });
    expect(flagged(rule118, child)).toEqual([
      'PlacedAdoption:2:DATE_PLACED_CEASED',
      'PlacedAdoption:3:DATE_PLACED_CEASED',
    ]);
  });

  it('accepts a reversal during the period of care, and none at all', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2025' })],
      PlacedAdoption: [{ DATE_PLACED_CEASED: '01/09/2025' }, { DATE_PLACED: '01/07/2025' }],
    });
    expect(flagged(rule118, child)).toEqual([]);
  });
});
