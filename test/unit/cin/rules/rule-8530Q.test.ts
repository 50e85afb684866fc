import { describe } from 'vitest';
import { rule8530Q } from '../../../../shared/domain/cin/rules/rule-8530Q.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8530Q', () => {
  expectsCase(rule8530Q, {
    fail: (c) => {
      c.birthDate = '';
      c.sex = 'U';
      c.expectedBirthDate = '2026-01-10';
    },
    pass: (c) => {
      c.birthDate = '';
      c.sex = 'U';
      c.expectedBirthDate = '2025-12-31';
    },
  });
});
