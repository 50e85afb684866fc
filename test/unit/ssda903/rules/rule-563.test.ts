import { describe, expect, it } from 'vitest';
import { rule563 } from '../../../../shared/domain/ssda903/rules/rule-563.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 563: a reversed decision needs the decision it reverses', () => {
  it('flags a blank decision date when the decision stopped', () => {
    const child = childWith('C1', {
      PlacedAdoption: [{ DATE_PLACED: '', DATE_PLACED_CEASED: '01/12/2025', REASON_PLACED_CEASED: 'RD1' }],
    });
    expect(flagged(rule563, child)).toEqual(['PlacedAdoption:2:DATE_PLACED']);
  });

  it('accepts a decision date with or without its reversal', () => {
    const child = childWith('C1', {
      PlacedAdoption: [
        { DATE_PLACED: '01/04/2025', DATE_PLACED_CEASED: '01/12/2025', REASON_PLACED_CEASED: 'RD1' },
        { DATE_PLACED: '01/01/2026', DATE_PLACED_CEASED: '', REASON_PLACED_CEASED: '' },
      ],
    });
    expect(flagged(rule563, child)).toEqual([]);
  });
});
