import { describe } from 'vitest';
import { rule8568 } from '../../../../shared/domain/cin/rules/rule-8568.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8568', () => {
  expectsCase(rule8568, {
    fail: (c) => {
      episode(c).referralNfa = 'false';
    },
    pass: (c) => {
      episode(c).referralNfa = '1';
    },
  });
});
