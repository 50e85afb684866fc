import { describe, expect, it } from 'vitest';
import { ruleINT18 } from '../../../../shared/domain/ssda903/rules/rule-INT18.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT18: DOB in UASC matches Header', () => {
  it('accepts the same date of birth', () => {
    const child = childWith('C1', { Header: [header({ DOB: '01/06/2012' })], UASC: [{ DOB: '01/06/2012' }] });
    expect(flagged(ruleINT18, child)).toEqual([]);
  });

  it('flags a different date of birth, pointing at the UASC row', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      UASC: [{ DOB: '01/06/2012' }, { DOB: '02/06/2012' }],
    });
    expect(flagged(ruleINT18, child)).toEqual(['UASC:3:DOB']);
  });
});
