import { describe } from 'vitest';
import { rule8841 } from '../../../../shared/domain/cin/rules/rule-8841.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8841', () => {
  expectsCase(rule8841, {
    fail: (c) => {
      plan(c).reviews = ['2024-06-28'];
    },
    pass: (c) => {
      plan(c).reviews = ['2024-06-29'];
    },
  });
});
