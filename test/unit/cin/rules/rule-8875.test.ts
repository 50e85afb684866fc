import { describe } from 'vitest';
import { rule8875 } from '../../../../shared/domain/cin/rules/rule-8875.ts';
import { expectsCase, plan, s47 } from './helpers.ts';

describe('CIN rule 8875', () => {
  expectsCase(rule8875, {
    fail: (c) => {
      s47(c).icpcDate = '2024-06-30';
      plan(c).start = '2024-06-30';
    },
  });
});
