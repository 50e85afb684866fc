import { describe } from 'vitest';
import { rule8832 } from '../../../../shared/domain/cin/rules/rule-8832.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8832', () => {
  expectsCase(rule8832, {
    fail: (c) => {
      episode(c).referralNfa = '1';
    },
    pass: (c) => {
      episode(c).referralNfa = '1';
      episode(c).protectionPlans = [];
    },
  });
});
