import { describe, expect, it } from 'vitest';
import { rule120 } from '../../../../shared/domain/ssda903/rules/rule-120.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 120: reason adoption decision reversed code', () => {
  it('accepts RD4 and a blank', () => {
    expect(
      flagged(
        rule120,
        childWith('C1', { PlacedAdoption: [{ REASON_PLACED_CEASED: 'RD4' }, { REASON_PLACED_CEASED: '' }] }),
      ),
    ).toEqual([]);
  });

  it('flags XXX', () => {
    expect(flagged(rule120, childWith('C1', { PlacedAdoption: [{ REASON_PLACED_CEASED: 'XXX' }] }))).toEqual([
      'PlacedAdoption:2:REASON_PLACED_CEASED',
    ]);
  });
});
