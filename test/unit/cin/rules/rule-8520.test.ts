import { describe } from 'vitest';
import { rule8520 } from '../../../../shared/domain/cin/rules/rule-8520.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8520', () => {
  expectsCase(rule8520, {
    fail: (c) => {
      c.birthDate = '2025-04-01';
    },
    pass: (c) => {
      c.birthDate = '2025-03-31';
    },
  });
});
