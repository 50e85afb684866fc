import { describe } from 'vitest';
import { rule8825Q } from '../../../../shared/domain/cin/rules/rule-8825Q.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8825Q', () => {
  expectsCase(rule8825Q, {
    fail: (c) => {
      episode(c).assessments = [];
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC8';
    },
    pass: (c) => {
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC8';
    },
  });
});
