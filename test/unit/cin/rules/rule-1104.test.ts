import { describe } from 'vitest';
import { rule1104 } from '../../../../shared/domain/cin/rules/rule-1104.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 1104', () => {
  expectsCase(rule1104, {
    fail: (c) => {
      episode(c).referralDate = '2024-06-29';
    },
  });
});
