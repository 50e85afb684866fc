import { describe, expect, it } from 'vitest';
import { ruleINT14 } from '../../../../shared/domain/ssda903/rules/rule-INT14.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT14: DOB in OC2 matches Header', () => {
  it('accepts the same date of birth', () => {
    const child = childWith('C1', { Header: [header({ DOB: '01/06/2012' })], OC2: [{ DOB: '01/06/2012' }] });
    expect(flagged(ruleINT14, child)).toEqual([]);
  });

  it('flags a different date of birth, pointing at the OC2 row', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      OC2: [{ DOB: '01/06/2012' }, { DOB: '02/06/2012' }],
    });
    expect(flagged(ruleINT14, child)).toEqual(['OC2:3:DOB']);
  });
});
