import { describe, expect, it } from 'vitest';
import { rule181 } from '../../../../shared/domain/ssda903/rules/rule-181.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 181: the 12-month items are 0 or 1', () => {
  it('flags each item holding another value', () => {
    const child = childWith('C1', { OC2: [{ CONVICTED: '0', HEALTH_CHECK: 'Y', TEETH_CHECK: '2' }] });
    expect(flagged(rule181, child)).toEqual(['OC2:2:HEALTH_CHECK', 'OC2:2:TEETH_CHECK']);
  });

  it('accepts 0, 1 and blanks', () => {
    const child = childWith('C1', { OC2: [{ CONVICTED: '0', HEALTH_CHECK: '1', TEETH_CHECK: '' }] });
    expect(flagged(rule181, child)).toEqual([]);
  });
});
