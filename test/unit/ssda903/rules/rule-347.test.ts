import { describe, expect, it } from 'vitest';
import { rule347 } from '../../../../shared/domain/ssda903/rules/rule-347.ts';
import { childWith, flagged } from './helpers.ts';

const leaver = (dob: string, accom: string) =>
  childWith('C1', { OC3: [{ DOB: dob, IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: accom }] });

describe('rule 347: no Foyer for care leavers under 18', () => {
  it('flags a Foyer for someone under 18 when the year began (1 April 2025)', () => {
    expect(flagged(rule347, leaver('02/04/2007', 'T'))).toEqual(['OC3:2:ACCOM']);
  });

  it('accepts a Foyer from the 18th birthday, and other accommodation under 18', () => {
    expect(flagged(rule347, leaver('01/04/2007', 'T'))).toEqual([]);
    expect(flagged(rule347, leaver('02/04/2007', 'S1'))).toEqual([]);
  });
});
