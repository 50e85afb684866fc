import { describe } from 'vitest';
import { rule8606 } from '../../../../shared/domain/cin/rules/rule-8606.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8606', () => {
  expectsCase(rule8606, {
    fail: (c) => {
      c.birthDate = '2025-02-06';
    },
    pass: (c) => {
      // 280 days before 2025-02-05 is 2024-05-01, the referral date.
      c.birthDate = '2025-02-05';
    },
  });
});
