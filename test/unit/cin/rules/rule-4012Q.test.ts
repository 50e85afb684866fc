import { describe } from 'vitest';
import { rule4012Q } from '../../../../shared/domain/cin/rules/rule-4012Q.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4012Q', () => {
  expectsCase(rule4012Q, {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-06-03');
    },
    pass: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-06-04');
    },
  });
});
