import { describe, expect, it } from 'vitest';
import { rule391 } from '../../../../shared/domain/ssda903/rules/rule-391.ts';
import { childWith, flagged } from './helpers.ts';

const leaver = (dob: string) =>
  childWith('C1', { OC3: [{ DOB: dob, IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' }] });

describe('rule 391: care leaver information only for ages 17 to 21', () => {
  it('accepts someone turning 17 on 31 March 2026, and someone turning 22 on 2 April 2025', () => {
    expect(flagged(rule391, leaver('31/03/2009'))).toEqual([]);
    expect(flagged(rule391, leaver('02/04/2003'))).toEqual([]);
  });

  it('flags someone still 16 at year end, and someone already 22 at its start', () => {
    expect(flagged(rule391, leaver('01/04/2009'))).toEqual(['OC3:2:DOB']);
    expect(flagged(rule391, leaver('01/04/2003'))).toEqual(['OC3:2:DOB']);
  });

  it('ignores a row with no care leaver information', () => {
    expect(
      flagged(rule391, childWith('C1', { OC3: [{ DOB: '01/04/2015', IN_TOUCH: '', ACTIV: '', ACCOM: '' }] })),
    ).toEqual([]);
  });
});
