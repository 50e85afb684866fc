import { describe, expect, it } from 'vitest';
import { ruleINT11 } from '../../../../shared/domain/ssda903/rules/rule-INT11.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT11: DOB in AD1 matches Header', () => {
  it('accepts the same date of birth', () => {
    const child = childWith('C1', { Header: [header({ DOB: '01/06/2012' })], AD1: [{ DOB: '01/06/2012' }] });
    expect(flagged(ruleINT11, child)).toEqual([]);
  });

  it('flags a different date of birth, pointing at the AD1 row', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      AD1: [{ DOB: '01/06/2012' }, { DOB: '02/06/2012' }],
    });
    expect(flagged(ruleINT11, child)).toEqual(['AD1:3:DOB']);
  });
});
