import { describe, expect, it } from 'vitest';
import { rule635 } from '../../../../shared/domain/ssda903/rules/rule-635.ts';
import { childWith, flagged } from './helpers.ts';

const prevPerm = (PREV_PERM: string, LA_PERM: string, DATE_PERM: string) =>
  childWith('C1', { PrevPerm: [{ DOB: '01/05/2015', PREV_PERM, LA_PERM, DATE_PERM }] });

describe('rule 635: no order date or local authority for an unknown previous permanence option', () => {
  it('flags Z1 with a local authority or a date', () => {
    expect(flagged(rule635, prevPerm('Z1', '352', ''))).toEqual(['PrevPerm:2:PREV_PERM']);
    expect(flagged(rule635, prevPerm('Z1', '', '01/05/2020'))).toEqual(['PrevPerm:2:PREV_PERM']);
  });

  it('accepts Z1 alone, and a known option with its details', () => {
    expect(flagged(rule635, prevPerm('Z1', '', ''))).toEqual([]);
    expect(flagged(rule635, prevPerm('P1', '352', '05/05/2020'))).toEqual([]);
  });
});
