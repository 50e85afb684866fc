import { describe } from 'vitest';
import { rule1103 } from '../../../../shared/domain/cin/rules/rule-1103.ts';
import { assessment, expectsCase } from './helpers.ts';

describe('CIN rule 1103', () => {
  expectsCase(rule1103, {
    fail: (c) => {
      assessment(c).start = '2024-04-30';
    },
    pass: (c) => {
      assessment(c).start = '2024-05-01';
    },
  });
});
