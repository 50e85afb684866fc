import { describe } from 'vitest';
import { rule8935 } from '../../../../shared/domain/cin/rules/rule-8935.ts';
import { episode, expectsCase, plan } from './helpers.ts';

describe('CIN rule 8935', () => {
  expectsCase(rule8935, {
    fail: (c) =>
      void episode(c).protectionPlans.push({ ...plan(c), line: 51, start: '2024-07-01', reviews: null }),
  });
});
