import { describe, expect, it } from 'vitest';
import { rule186 } from '../../../../shared/domain/ssda903/rules/rule-186.ts';
import { childWith, episode, flagged } from './helpers.ts';

const inCareAllYear = [episode({ DECOM: '01/01/2024' })];

describe('rule 186: an SDQ score or reason for a child of SDQ age looked after all year', () => {
  it('flags a 10-year-old looked after all year with neither', () => {
    const child = childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '01/06/2015' }] });
    expect(flagged(rule186, child)).toEqual(['OC2:2:SDQ_SCORE']);
  });

  it('accepts a score or a reason, and children outside the ages', () => {
    expect(
      flagged(
        rule186,
        childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '01/06/2015', SDQ_SCORE: '9' }] }),
      ),
    ).toEqual([]);
    expect(
      flagged(
        rule186,
        childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '01/06/2015', SDQ_REASON: 'SDQ2' }] }),
      ),
    ).toEqual([]);
    // Turns 4 on 2 April 2025, after the year began.
    expect(
      flagged(rule186, childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '02/04/2021' }] })),
    ).toEqual([]);
    // Turns 17 on 31 March 2026, the last day of the year.
    expect(
      flagged(rule186, childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '31/03/2009' }] })),
    ).toEqual([]);
  });
});
