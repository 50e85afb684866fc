import { describe, expect, it } from 'vitest';
import { ruleINT35 } from '../../../../shared/domain/ssda903/rules/rule-INT35.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule INT35: one PrevPerm row per child', () => {
  it('accepts one row', () => {
    expect(flagged(ruleINT35, childWith('C1', { PrevPerm: [{ DOB: '01/06/2012' }] }))).toEqual([]);
  });

  it('flags the second row', () => {
    const child = childWith('C1', { PrevPerm: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT35, child)).toEqual(['PrevPerm:3:CHILD']);
  });
});
