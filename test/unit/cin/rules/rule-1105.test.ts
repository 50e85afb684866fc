import { describe } from 'vitest';
import { rule1105 } from '../../../../shared/domain/cin/rules/rule-1105.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 1105', () => {
  // Child protection plans and reviews
  expectsCase(rule1105, {
    fail: (c) => {
      plan(c).start = '2024-04-30';
      plan(c).reviews = [];
    },
  });
});
