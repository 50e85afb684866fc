import { describe, expect, it } from 'vitest';
import { ruleINT31 } from '../../../../shared/domain/ssda903/rules/rule-INT31.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule INT31: one AD1 row per child', () => {
  it('accepts one row', () => {
    expect(flagged(ruleINT31, childWith('C1', { AD1: [{ DOB: '01/06/2012' }] }))).toEqual([]);
  });

  it('flags the second row', () => {
    const child = childWith('C1', { AD1: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT31, child)).toEqual(['AD1:3:CHILD']);
  });
});
