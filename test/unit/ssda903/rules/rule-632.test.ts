import { describe, expect, it } from 'vitest';
import { rule632 } from '../../../../shared/domain/ssda903/rules/rule-632.ts';
import { childWith, episode, flagged } from './helpers.ts';

const careFrom = (decom: string, datePerm: string) =>
  childWith('C1', {
    Episodes: [
      episode({ DECOM: decom, DEC: '01/09/2025', REC: 'X1' }),
      episode({ DECOM: '01/09/2025', RNE: 'P' }),
    ],
    PrevPerm: [{ DOB: '01/05/2012', PREV_PERM: 'P1', LA_PERM: '352', DATE_PERM: datePerm }],
  });

describe('rule 632: the date of the previous permanence order', () => {
  it('accepts a real date before care began, and a blank one', () => {
    expect(flagged(rule632, careFrom('01/05/2025', '17/06/2016'))).toEqual([]);
    expect(flagged(rule632, careFrom('01/05/2025', ''))).toEqual([]);
  });

  it('flags an order dated on or after the day care began (the first episode)', () => {
    expect(flagged(rule632, careFrom('01/05/2025', '01/05/2025'))).toEqual(['PrevPerm:2:DATE_PERM']);
    expect(flagged(rule632, careFrom('01/05/2025', '02/06/2025'))).toEqual(['PrevPerm:2:DATE_PERM']);
  });

  it('compares with the start of the latest period of care, as an order may end an earlier one', () => {
    const returned = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/04/2025', DEC: '01/06/2025', REC: 'E43' }),
        episode({ DECOM: '01/01/2026', RNE: 'S' }),
      ],
      PrevPerm: [{ PREV_PERM: 'P2', LA_PERM: '352', DATE_PERM: '01/06/2025' }],
    });
    expect(flagged(rule632, returned)).toEqual([]);
  });

  it('accepts ZZ for the parts of the date that are not known', () => {
    for (const partial of ['ZZ/05/2016', '05/ZZ/2016', 'ZZ/ZZ/2016', 'ZZ/ZZ/ZZZZ'])
      expect(flagged(rule632, careFrom('01/05/2025', partial)), partial).toEqual([]);
  });

  it('flags a partly known date that must still be after care began', () => {
    expect(flagged(rule632, careFrom('01/05/2025', 'ZZ/06/2025'))).toEqual(['PrevPerm:2:DATE_PERM']);
    expect(flagged(rule632, careFrom('01/05/2025', 'ZZ/ZZ/2026'))).toEqual(['PrevPerm:2:DATE_PERM']);
    // An order in May 2025 may have come before care that began on 15 May: not certainly wrong.
    expect(flagged(rule632, careFrom('15/05/2025', 'ZZ/05/2025'))).toEqual([]);
    expect(flagged(rule632, careFrom('01/05/2025', 'ZZ/05/2025'))).toEqual(['PrevPerm:2:DATE_PERM']);
  });

  it('flags what is not a date in that form', () => {
    for (const bad of [
      '31/02/2016',
      '01/13/2016',
      'ZZ/ZZ/ZZ',
      '2016-05-01',
      'xx/10/2011',
      'ZZ/13/2016',
      '1/5/16',
    ])
      expect(flagged(rule632, careFrom('01/05/2025', bad)), bad).toEqual(['PrevPerm:2:DATE_PERM']);
  });

  it('checks the form of the date even when the child has no episode', () => {
    const child = childWith('C1', { PrevPerm: [{ PREV_PERM: 'P1', DATE_PERM: '31/02/2016' }] });
    expect(flagged(rule632, child)).toEqual(['PrevPerm:2:DATE_PERM']);
  });
});
