import { describe, expect, it } from 'vitest';
import { ruleINT12 } from '../../../../shared/domain/ssda903/rules/rule-INT12.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule INT12: DOB in PlacedAdoption matches Header', () => {
  it('accepts the same date of birth', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      PlacedAdoption: [{ DOB: '01/06/2012' }],
    });
    expect(flagged(ruleINT12, child)).toEqual([]);
  });

  it('flags a different date of birth, pointing at the PlacedAdoption row', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/06/2012' })],
      PlacedAdoption: [{ DOB: '01/06/2012' }, { DOB: '02/06/2012' }],
    });
    expect(flagged(ruleINT12, child)).toEqual(['PlacedAdoption:3:DOB']);
  });
});
