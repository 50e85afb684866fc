import { describe, expect, it } from 'vitest';
import { ruleINT33 } from '../../../../shared/domain/ssda903/rules/rule-INT33.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule INT33: one OC2 row per child', () => {
  it('accepts one row', () => {
    expect(flagged(ruleINT33, childWith('C1', { OC2: [{ DOB: '01/06/2012' }] }))).toEqual([]);
  });

  it('flags the second row', () => {
    const child = childWith('C1', { OC2: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT33, child)).toEqual(['OC2:3:CHILD']);
  });
});
