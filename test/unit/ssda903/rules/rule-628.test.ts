import { describe, expect, it } from 'vitest';
import { rule628 } from '../../../../shared/domain/ssda903/rules/rule-628.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const oc3 = { DOB: '01/06/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' };

describe('rule 628: no motherhood details for a care leaver not looked after this year', () => {
  it('flags MOTHER for a care leaver with no episodes', () => {
    const child = childWith('C1', { Header: [header({ MOTHER: '0' })], OC3: [oc3] });
    expect(flagged(rule628, child)).toEqual(['Header:2:MOTHER']);
  });

  it('accepts MOTHER for a child looked after this year, and a blank MOTHER', () => {
    expect(
      flagged(
        rule628,
        childWith('C1', { Header: [header({ MOTHER: '1' })], OC3: [oc3], Episodes: [episode()] }),
      ),
    ).toEqual([]);
    expect(flagged(rule628, childWith('C1', { Header: [header({ MOTHER: '' })], OC3: [oc3] }))).toEqual([]);
  });
});
