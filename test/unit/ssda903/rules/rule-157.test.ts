import { describe, expect, it } from 'vitest';
import { rule157 } from '../../../../shared/domain/ssda903/rules/rule-157.ts';
import { childWith, episode, flagged } from './helpers.ts';

const inCareAllYear = [episode({ DECOM: '01/01/2020' })];

describe('rule 157: SDQ1 (outside the SDQ ages) for a child within them', () => {
  it('flags SDQ1 for a 10-year-old looked after all year', () => {
    const child = childWith('C1', {
      Episodes: inCareAllYear,
      OC2: [{ DOB: '01/06/2015', SDQ_REASON: 'SDQ1' }],
    });
    expect(flagged(rule157, child)).toEqual(['OC2:2:SDQ_REASON']);
  });

  it('accepts SDQ1 for a child who turned 4 during the year, and another reason for a 10-year-old', () => {
    expect(
      flagged(
        rule157,
        childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '01/06/2021', SDQ_REASON: 'SDQ1' }] }),
      ),
    ).toEqual([]);
    expect(
      flagged(
        rule157,
        childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '01/06/2015', SDQ_REASON: 'SDQ2' }] }),
      ),
    ).toEqual([]);
  });
});
