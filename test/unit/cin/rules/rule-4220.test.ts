import { describe } from 'vitest';
import { rule4220 } from '../../../../shared/domain/cin/rules/rule-4220.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 4220', () => {
  expectsCase(rule4220, {
    fail: (c) => {
      c.ethnicity = 'WXYZ';
    },
    pass: (c) => {
      c.ethnicity = 'NOBT';
    },
  });
});
