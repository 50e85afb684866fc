import { describe } from 'vitest';
import { rule4015 } from '../../../../shared/domain/cin/rules/rule-4015.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4015', () => {
  expectsCase(rule4015, {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-04-30', '');
    },
  });
});
