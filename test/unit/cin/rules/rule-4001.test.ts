import { describe } from 'vitest';
import { rule4001 } from '../../../../shared/domain/cin/rules/rule-4001.ts';
import { expectsCase, withCinPlan } from './helpers.ts';

describe('CIN rule 4001', () => {
  expectsCase(rule4001, {
    fail: (c) => withCinPlan(c, '2024-06-03', '2024-06-29'),
    pass: (c) => withCinPlan(c, '2024-06-03', '2024-06-28'),
  });
});
