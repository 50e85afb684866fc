import { describe } from 'vitest';
import { rule4008 } from '../../../../shared/domain/cin/rules/rule-4008.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4008', () => {
  expectsCase(rule4008, {
    fail: (c) => {
      cinPlanOnly(c);
      c.deathDate = '2024-06-02';
      withCinPlan(c, '2024-06-03', '');
    },
  });
});
