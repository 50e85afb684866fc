import { describe, expect, it } from 'vitest';
import { rule1002 } from '../../../../shared/domain/ssda903/rules/rule-1002.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const oc3 = { DOB: '01/05/2006', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' };

describe('rule 1002: care leaver information needs episodes in one of the two years', () => {
  it('flags a care leaver with no episodes this year or last year', () => {
    const child = childWith('C1', { OC3: [oc3] });
    expect(flagged(rule1002, child, withLastYear([]))).toEqual(['OC3:2:IN_TOUCH']);
  });

  it('accepts episodes last year or this year', () => {
    const child = childWith('C1', { OC3: [oc3] });
    const last = childWith('C1', { Episodes: [episode({ DEC: '01/05/2024', REC: 'E8' })] });
    expect(flagged(rule1002, child, withLastYear([last]))).toEqual([]);
    const current = childWith('C1', { OC3: [oc3], Episodes: [episode()] });
    expect(flagged(rule1002, current, withLastYear([]))).toEqual([]);
  });
});
