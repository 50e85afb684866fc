import { describe, expect, it } from 'vitest';
import { rule3001 } from '../../../../shared/domain/ssda903/rules/rule-3001.ts';
import { childWith, flagged, header } from './helpers.ts';

// Collection year 2026: 1 April 2025 to 31 March 2026.
const leaver = (dob: string, accom: string) =>
  childWith('C1', {
    Header: [header({ DOB: dob })],
    OC3: [{ DOB: dob, IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: accom }],
  });

describe('rule 3001: no accommodation with former foster carers around the 17th birthday', () => {
  it('flags a young person who turned 17 in the year living with former foster carers', () => {
    expect(flagged(rule3001, leaver('10/10/2008', 'Z1'))).toEqual(['OC3:2:ACCOM']);
    expect(flagged(rule3001, leaver('01/04/2008', 'Z2'))).toEqual(['OC3:2:ACCOM']);
  });

  it('accepts other accommodation, and former foster carers at another age', () => {
    expect(flagged(rule3001, leaver('10/10/2008', 'S1'))).toEqual([]);
    expect(flagged(rule3001, leaver('31/03/2008', 'Z1'))).toEqual([]);
    expect(flagged(rule3001, leaver('01/04/2009', 'Z1'))).toEqual([]);
  });
});
