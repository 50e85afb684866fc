import { describe, expect, it } from 'vitest';
import { rule116 } from '../../../../shared/domain/ssda903/rules/rule-116.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 116: date adoption decision reversed is a real date', () => {
  it('accepts 07/04/2017 and a blank', () => {
    expect(
      flagged(
        rule116,
        childWith('C1', {
          PlacedAdoption: [{ DATE_PLACED_CEASED: '07/04/2017' }, { DATE_PLACED_CEASED: '' }],
        }),
      ),
    ).toEqual([]);
  });

  it('flags 7th April', () => {
    expect(
      flagged(
        rule116,
        childWith('C1', {
          PlacedAdoption: [{ DATE_PLACED_CEASED: '07/04/2017' }, { DATE_PLACED_CEASED: '7th April' }],
        }),
      ),
    ).toEqual(['PlacedAdoption:3:DATE_PLACED_CEASED']);
  });
});
