import { describe } from 'vitest';
import { rule4004 } from '../../../../shared/domain/cin/rules/rule-4004.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4004', () => {
  expectsCase(rule4004, {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '');
      withCinPlan(c, '2024-07-03', '');
    },
  });
});
