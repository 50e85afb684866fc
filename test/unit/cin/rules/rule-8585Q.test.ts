import { describe } from 'vitest';
import { rule8585Q } from '../../../../shared/domain/cin/rules/rule-8585Q.ts';
import { episode, expectsCase, plan } from './helpers.ts';

describe('CIN rule 8585Q', () => {
  expectsCase(rule8585Q, {
    fail: (c) => {
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC2';
      plan(c).end = '2025-01-10';
    },
    pass: (c) => {
      c.deathDate = '2025-01-09';
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC2';
    },
  });
});
