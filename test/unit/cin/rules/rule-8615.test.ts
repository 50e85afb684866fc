import { describe } from 'vitest';
import { rule8615 } from '../../../../shared/domain/cin/rules/rule-8615.ts';
import { expectsCase, s47 } from './helpers.ts';

describe('CIN rule 8615', () => {
  expectsCase(rule8615, {
    fail: (c) => {
      s47(c).start = '2024-06-29';
    },
    pass: (c) => {
      s47(c).start = '2024-06-28';
    },
  });
});
