import { describe } from 'vitest';
import { rule4014 } from '../../../../shared/domain/cin/rules/rule-4014.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4014', () => {
  expectsCase(rule4014, {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-07-01');
      withCinPlan(c, '2024-06-30', '');
    },
    pass: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2024-07-01');
      withCinPlan(c, '2024-07-01', '');
    },
  });
});
