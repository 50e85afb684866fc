import { describe, expect, it } from 'vitest';
import { rule119 } from '../../../../shared/domain/ssda903/rules/rule-119.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 119: a reversed adoption decision needs its date and reason', () => {
  it('accepts both or neither', () => {
    const child = childWith('C1', {
      PlacedAdoption: [
        { DATE_PLACED_CEASED: '07/04/2025', REASON_PLACED_CEASED: 'RD1' },
        { DATE_PLACED_CEASED: '', REASON_PLACED_CEASED: '' },
      ],
    });
    expect(flagged(rule119, child)).toEqual([]);
  });

  it('points at the missing half', () => {
    const child = childWith('C1', {
      PlacedAdoption: [
        { DATE_PLACED_CEASED: '07/04/2025', REASON_PLACED_CEASED: '' },
        { DATE_PLACED_CEASED: '', REASON_PLACED_CEASED: 'RD2' },
      ],
    });
    expect(flagged(rule119, child)).toEqual([
      'PlacedAdoption:2:REASON_PLACED_CEASED',
      'PlacedAdoption:3:DATE_PLACED_CEASED',
    ]);
  });
});
