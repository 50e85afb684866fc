import { describe } from 'vitest';
import { rule8525Q } from '../../../../shared/domain/cin/rules/rule-8525Q.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8525Q', () => {
  expectsCase(rule8525Q, {
    fail: (c) => {
      c.expectedBirthDate = '2025-06-01';
    },
  });
});
