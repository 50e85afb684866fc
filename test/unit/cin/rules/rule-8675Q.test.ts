import { describe } from 'vitest';
import { rule8675Q } from '../../../../shared/domain/cin/rules/rule-8675Q.ts';
import { episode, expectsCase, s47 } from './helpers.ts';

describe('CIN rule 8675Q', () => {
  // 15 working days before 31 March 2025 is 10 March.
  expectsCase(rule8675Q, {
    fail: (c) => {
      episode(c).protectionPlans = [];
      s47(c).icpcDate = '';
      s47(c).icpcTarget = '';
      s47(c).start = '2025-03-09';
    },
    pass: (c) => {
      episode(c).protectionPlans = [];
      s47(c).icpcDate = '';
      s47(c).icpcTarget = '';
      s47(c).start = '2025-03-10';
    },
  });
});
