import { describe } from 'vitest';
import { rule8842Q } from '../../../../shared/domain/cin/rules/rule-8842Q.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8842Q', () => {
  expectsCase(rule8842Q, {
    fail: (c) => {
      plan(c).reviews = ['2024-09-20', ''];
    },
  });
});
