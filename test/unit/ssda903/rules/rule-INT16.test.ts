import { describe, expect, it } from 'vitest';
import { ruleINT16 } from '../../../../shared/domain/ssda903/rules/rule-INT16.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT16: DOB in PrevPerm matches Header', () => {
  it('accepts the same date of birth', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      PrevPerm: [{ DOB: '01/06/2012' }],
    });
    expect(flagged(ruleINT16, child)).toEqual([]);
  });

  it('flags a different date of birth, pointing at the PrevPerm row', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      PrevPerm: [{ DOB: '01/06/2012' }, { DOB: '02/06/2012' }],
    });
    expect(flagged(ruleINT16, child)).toEqual(['PrevPerm:3:DOB']);
  });
});
