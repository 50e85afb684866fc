import { describe, expect, it } from 'vitest';
import { rule634 } from '../../../../shared/domain/ssda903/rules/rule-634.ts';
import { childWith, episode, flagged } from './helpers.ts';

const prevPerm = { DOB: '01/05/2008', PREV_PERM: 'P1', LA_PERM: '352', DATE_PERM: '05/05/2012' };

describe('rule 634: previous permanence only for care starting from 1 April 2016', () => {
  it('flags previous permanence for a child whose latest episode began before April 2016', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '31/03/2016' })], PrevPerm: [prevPerm] });
    expect(flagged(rule634, child)).toEqual(['PrevPerm:2:PREV_PERM']);
  });

  it('accepts care that started on or after 1 April 2016', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '01/04/2016' })], PrevPerm: [prevPerm] });
    expect(flagged(rule634, child)).toEqual([]);
  });
});
