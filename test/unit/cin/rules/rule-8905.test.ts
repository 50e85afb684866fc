import { describe } from 'vitest';
import { rule8905 } from '../../../../shared/domain/cin/rules/rule-8905.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8905', () => {
  expectsCase(rule8905, {
    fail: (c) => {
      plan(c).initialCategory = 'ABC';
    },
    pass: (c) => {
      plan(c).initialCategory = 'MUL';
    },
  });
});
