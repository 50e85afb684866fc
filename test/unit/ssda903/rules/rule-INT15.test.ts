import { describe, expect, it } from 'vitest';
import { ruleINT15 } from '../../../../shared/domain/ssda903/rules/rule-INT15.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT15: DOB in OC3 matches Header', () => {
  it('accepts the same date of birth', () => {
    const child = childWith('C1', { Header: [header({ DOB: '01/06/2012' })], OC3: [{ DOB: '01/06/2012' }] });
    expect(flagged(ruleINT15, child)).toEqual([]);
  });

  it('flags a different date of birth, pointing at the OC3 row', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      OC3: [{ DOB: '01/06/2012' }, { DOB: '02/06/2012' }],
    });
    expect(flagged(ruleINT15, child)).toEqual(['OC3:3:DOB']);
  });
});
