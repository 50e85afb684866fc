import { describe, expect, it } from 'vitest';
import { rule197B } from '../../../../shared/domain/ssda903/rules/rule-197B.ts';
import { childWith, episode, flagged } from './helpers.ts';

const inCareAllYear = [episode({ DECOM: '01/01/2020' })];

describe('rule 197B: an SDQ score or reason for a child turning 4 or 17 in the year', () => {
  it('flags a child turning 4, and one turning 17, with neither', () => {
    expect(
      flagged(rule197B, childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '15/10/2021' }] })),
    ).toEqual(['OC2:2:SDQ_REASON']);
    expect(
      flagged(rule197B, childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '31/03/2009' }] })),
    ).toEqual(['OC2:2:SDQ_REASON']);
  });

  it('accepts a reason, and a child turning 5', () => {
    expect(
      flagged(
        rule197B,
        childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '15/10/2021', SDQ_REASON: 'SDQ1' }] }),
      ),
    ).toEqual([]);
    expect(
      flagged(rule197B, childWith('C1', { Episodes: inCareAllYear, OC2: [{ DOB: '15/10/2020' }] })),
    ).toEqual([]);
  });
});
