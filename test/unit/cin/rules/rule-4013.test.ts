import { describe } from 'vitest';
import { rule4013 } from '../../../../shared/domain/cin/rules/rule-4013.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4013', () => {
  expectsCase(rule4013, {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '2024-06-03', '2025-04-01');
    },
  });
});
