import { describe, expect, it } from 'vitest';
import type { CinChild } from '../../../../shared/domain/cin/model.ts';
import { rule4001 } from '../../../../shared/domain/cin/rules/rule-4001.ts';
import { rule4016 } from '../../../../shared/domain/cin/rules/rule-4016.ts';
import {
  closedEpisode,
  context2025,
  episode,
  expectsCase,
  plan,
  validChild,
  withCinPlan,
} from './helpers.ts';

describe('CIN rule 4016', () => {
  // The valid child's protection plan starts on 28 June 2024 and is still open.
  expectsCase(rule4016, {
    fail: (c) => {
      withCinPlan(c, '2024-07-01', '');
    },
    // A step down: the CIN plan starts on the day the protection plan ends.
    pass: (c) => {
      plan(c).end = '2024-09-02';
      withCinPlan(c, '2024-09-02', '');
    },
  });

  it('finds a CIN plan on another episode starting during the protection plan, which 4001 does not', () => {
    const child = validChild();
    child.episodes.push({
      ...closedEpisode(),
      line: 70,
      referralDate: '2024-07-01',
      closureDate: '2024-09-30',
      cinPlans: [{ line: 75, where: 'an added module', start: '2024-07-15', end: '2024-09-30' }],
    });
    expect(rule4016.check(child as CinChild, context2025).map((finding) => finding.line)).toEqual([75]);
    expect(rule4001.check(child as CinChild, context2025)).toEqual([]);
  });

  it('reports under its own code where 4001 reports the same plan', () => {
    const child = validChild();
    withCinPlan(child, '2024-07-01', '');
    expect(rule4001.check(child as CinChild, context2025).map((finding) => finding.code)).toEqual(['4001']);
    expect(rule4016.check(child as CinChild, context2025).map((finding) => finding.code)).toEqual(['4016']);
    expect(episode(child).cinPlans).toHaveLength(1);
  });
});
