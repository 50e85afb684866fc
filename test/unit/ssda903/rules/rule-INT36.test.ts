import { describe, expect, it } from 'vitest';
import { ruleINT36 } from '../../../../shared/domain/ssda903/rules/rule-INT36.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule INT36: one UASC row per child', () => {
  it('accepts one row', () => {
    expect(flagged(ruleINT36, childWith('C1', { UASC: [{ DOB: '01/06/2012' }] }))).toEqual([]);
  });

  it('flags the second row', () => {
    const child = childWith('C1', { UASC: [{ DOB: '01/06/2012' }, { DOB: '01/06/2012' }] });
    expect(flagged(ruleINT36, child)).toEqual(['UASC:3:CHILD']);
  });
});
