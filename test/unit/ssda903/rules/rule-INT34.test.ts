import { describe, expect, it } from 'vitest';
import { ruleINT34 } from '../../../../shared/domain/ssda903/rules/rule-INT34.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule INT34: one OC3 row per child', () => {
  it('accepts one row', () => {
    expect(flagged(ruleINT34, childWith('C1', { OC3: [{ DOB: '01/06/2012' }] }))).toEqual([]);
  });

  it('flags the second row', () => {
    const child = childWith('C1', { OC3: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT34, child)).toEqual(['OC3:3:CHILD']);
  });
});
