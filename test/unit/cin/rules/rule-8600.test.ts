import { describe } from 'vitest';
import { rule8600 } from '../../../../shared/domain/cin/rules/rule-8600.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8600', () => {
  expectsCase(rule8600, {
    fail: (c) => {
      episode(c).referralDate = '2025-04-01';
    },
  });
});
