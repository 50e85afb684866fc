import { describe } from 'vitest';
import { rule4010 } from '../../../../shared/domain/cin/rules/rule-4010.ts';
import { cinPlanOnly, expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4010', () => {
  expectsCase(rule4010, {
    fail: (c) => {
      cinPlanOnly(c);
      withCinPlan(c, '', '');
    },
  });
});
