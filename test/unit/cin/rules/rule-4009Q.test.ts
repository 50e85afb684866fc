import { describe } from 'vitest';
import { rule4009Q } from '../../../../shared/domain/cin/rules/rule-4009Q.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4009Q', () => {
  expectsCase(rule4009Q, {
    fail: (c) => {
      cinPlanOnly(c);
      c.deathDate = '2024-07-01';
      withCinPlan(c, '2024-06-03', '2024-07-02');
    },
  });
});
