import { describe, expect, it } from 'vitest';
import { rule522 } from '../../../../shared/domain/ssda903/rules/rule-522.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 522: adoption decision reversed before it was made', () => {
  it('accepts a reversal after the decision', () => {
    expect(
      flagged(
        rule522,
        childWith('C1', {
          PlacedAdoption: [{ DATE_PLACED: '22/11/2015', DATE_PLACED_CEASED: '07/04/2017' }],
        }),
      ),
    ).toEqual([]);
  });

  it('flags a decision after its reversal', () => {
    expect(
      flagged(
        rule522,
        childWith('C1', {
          PlacedAdoption: [{ DATE_PLACED: '08/04/2017', DATE_PLACED_CEASED: '07/04/2017' }],
        }),
      ),
    ).toEqual(['PlacedAdoption:2:DATE_PLACED']);
  });
});
