import { describe, expect, it } from 'vitest';
import { rule542 } from '../../../../shared/domain/ssda903/rules/rule-542.ts';
import { childWith, flagged } from './helpers.ts';

// Collection year 2026: 31 March 2026. A child born 1 April 2016 is 9 then; one born 31 March 2016 is 10.
describe('rule 542: no conviction information under 10', () => {
  it('flags conviction information for a child under 10 on 31 March', () => {
    const child = childWith('C1', { OC2: [{ DOB: '01/04/2016', CONVICTED: '0' }] });
    expect(flagged(rule542, child)).toEqual(['OC2:2:CONVICTED']);
  });

  it('accepts it from the 10th birthday, and a blank under 10', () => {
    expect(flagged(rule542, childWith('C1', { OC2: [{ DOB: '31/03/2016', CONVICTED: '1' }] }))).toEqual([]);
    expect(flagged(rule542, childWith('C1', { OC2: [{ DOB: '01/04/2016', CONVICTED: '' }] }))).toEqual([]);
  });
});
