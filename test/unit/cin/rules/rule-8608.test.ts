import { describe } from 'vitest';
import { rule8608 } from '../../../../shared/domain/cin/rules/rule-8608.ts';
import { assessment, expectsCase } from './helpers.ts';

describe('CIN rule 8608', () => {
  expectsCase(rule8608, {
    fail: (c) => {
      assessment(c).authorised = '2024-05-01';
    },
    pass: (c) => {
      assessment(c).authorised = '2024-05-02';
    },
  });
});
