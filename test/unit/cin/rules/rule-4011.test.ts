import { describe } from 'vitest';
import { rule4011 } from '../../../../shared/domain/cin/rules/rule-4011.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4011', () => {
  expectsCase(rule4011, {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-06-02');
    },
  });
});
