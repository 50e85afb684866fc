import { describe } from 'vitest';
import { rule8750 } from '../../../../shared/domain/cin/rules/rule-8750.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8750', () => {
  expectsCase(rule8750, {
    fail: (c) => {
      c.birthDate = '';
      c.expectedBirthDate = '2025-06-01';
    },
    pass: (c) => {
      c.birthDate = '';
      c.expectedBirthDate = '2025-06-01';
      c.sex = 'U';
    },
  });
});
