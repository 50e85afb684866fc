import { describe } from 'vitest';
import { rule8930 } from '../../../../shared/domain/cin/rules/rule-8930.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8930', () => {
  expectsCase(rule8930, {
    fail: (c) => {
      plan(c).end = '2025-04-01';
    },
    pass: (c) => {
      plan(c).end = '2025-03-31';
    },
  });
});
