import { describe } from 'vitest';
import { rule8840 } from '../../../../shared/domain/cin/rules/rule-8840.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8840', () => {
  expectsCase(rule8840, {
    fail: (c) => {
      plan(c).end = '2024-06-28';
    },
    pass: (c) => {
      plan(c).end = '2024-06-29';
    },
  });
});
