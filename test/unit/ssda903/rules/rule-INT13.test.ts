import { describe, expect, it } from 'vitest';
import { ruleINT13 } from '../../../../shared/domain/ssda903/rules/rule-INT13.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT13: DOB in Missing matches Header', () => {
  it('accepts the same date of birth', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      Missing: [{ DOB: '01/06/2012' }],
    });
    expect(flagged(ruleINT13, child)).toEqual([]);
  });

  it('flags a different date of birth, pointing at the Missing row', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      Missing: [{ DOB: '01/06/2012' }, { DOB: '02/06/2012' }],
    });
    expect(flagged(ruleINT13, child)).toEqual(['Missing:3:DOB']);
  });
});
