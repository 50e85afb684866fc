import { describe, expect, it } from 'vitest';
import { rule579 } from '../../../../shared/domain/ssda903/rules/rule-579.ts';
import { childWith, flagged } from './helpers.ts';

const decision = (DATE_PLACED: string, DATE_PLACED_CEASED: string) => ({
  DOB: '01/05/2020',
  DATE_PLACED,
  DATE_PLACED_CEASED,
  REASON_PLACED_CEASED: DATE_PLACED_CEASED ? 'RD1' : '',
});

describe('rule 579: decisions to place for adoption do not overlap', () => {
  it('flags a decision dated before the previous one ceased', () => {
    const child = childWith('C1', {
      PlacedAdoption: [decision('01/02/2024', '01/06/2024'), decision('01/05/2024', '')],
    });
    expect(flagged(rule579, child)).toEqual(['PlacedAdoption:3:DATE_PLACED']);
  });

  it('accepts a decision on or after the day the previous one ceased', () => {
    const child = childWith('C1', {
      PlacedAdoption: [decision('01/02/2024', '01/06/2024'), decision('01/06/2024', '')],
    });
    expect(flagged(rule579, child)).toEqual([]);
  });
});
