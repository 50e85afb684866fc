import { describe, expect, it } from 'vitest';
import { rule525 } from '../../../../shared/domain/ssda903/rules/rule-525.ts';
import { childWith, flagged } from './helpers.ts';

const child = (ceased: string, ad1: Record<string, string>) =>
  childWith('C1', {
    PlacedAdoption: [
      { DATE_PLACED: '01/05/2025', DATE_PLACED_CEASED: ceased, REASON_PLACED_CEASED: ceased ? 'RD1' : '' },
    ],
    AD1: [ad1],
  });

describe('rule 525: no adoption once the plan for adoption is reversed', () => {
  it('flags both rows when adoption details are given after the decision was reversed', () => {
    expect(flagged(rule525, child('01/09/2025', { DATE_MATCH: '01/08/2025' }))).toEqual([
      'PlacedAdoption:2:DATE_PLACED_CEASED',
      'AD1:2:DATE_INT',
    ]);
  });

  it('accepts a reversed decision with no adoption details, and adoption details without a reversal', () => {
    expect(flagged(rule525, child('01/09/2025', { DATE_INT: '', LS_ADOPTR: '' }))).toEqual([]);
    expect(flagged(rule525, child('', { DATE_INT: '01/05/2025' }))).toEqual([]);
  });
});
