import { describe, expect, it } from 'vitest';
import type { CinChild } from '../../../../shared/domain/cin/model.ts';
import { rule4017 } from '../../../../shared/domain/cin/rules/rule-4017.ts';
import { context2025, expectsCase, plan, validChild, withCinPlan } from './helpers.ts';

describe('CIN rule 4017', () => {
  // The valid child's protection plan starts on 28 June 2024.
  expectsCase(rule4017, {
    fail: (c) => {
      withCinPlan(c, '2024-06-03', '2024-07-15');
    },
    // The CIN plan ends on the day the protection plan starts.
    pass: (c) => {
      withCinPlan(c, '2024-06-03', '2024-06-28');
    },
  });

  it('treats a CIN plan with no end date as open to the end of the census year', () => {
    const child = validChild();
    withCinPlan(child, '2024-06-03', '');
    expect(rule4017.check(child as CinChild, context2025)).toHaveLength(1);
    plan(child).start = '2025-04-01';
    expect(rule4017.check(child as CinChild, context2025)).toEqual([]);
  });
});
