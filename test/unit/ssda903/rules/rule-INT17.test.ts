import { describe, expect, it } from 'vitest';
import { ruleINT17 } from '../../../../shared/domain/ssda903/rules/rule-INT17.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT17: DOB in Reviews matches Header', () => {
  it('accepts the same date of birth', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      Reviews: [{ DOB: '01/06/2012' }],
    });
    expect(flagged(ruleINT17, child)).toEqual([]);
  });

  it('flags a different date of birth, pointing at the Reviews row', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      Reviews: [{ DOB: '01/06/2012' }, { DOB: '02/06/2012' }],
    });
    expect(flagged(ruleINT17, child)).toEqual(['Reviews:3:DOB']);
  });
});
