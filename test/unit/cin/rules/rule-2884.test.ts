import { describe } from 'vitest';
import { rule2884 } from '../../../../shared/domain/cin/rules/rule-2884.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 2884', () => {
  expectsCase(rule2884, {
    fail: (c) => {
      episode(c).icpcDate = '2024-06-28';
    },
  });
});
