import { describe } from 'vitest';
import { rule8730 } from '../../../../shared/domain/cin/rules/rule-8730.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8730', () => {
  expectsCase(rule8730, {
    fail: (c) => {
      plan(c).previousPlans = '';
    },
  });
});
