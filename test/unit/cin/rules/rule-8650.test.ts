import { describe } from 'vitest';
import { rule8650 } from '../../../../shared/domain/cin/rules/rule-8650.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8650', () => {
  expectsCase(rule8650, {
    fail: (c) => {
      episode(c).primaryNeed = 'N10';
    },
    pass: (c) => {
      episode(c).primaryNeed = 'N0';
    },
  });
});
