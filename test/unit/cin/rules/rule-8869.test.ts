import { describe } from 'vitest';
import { rule8869 } from '../../../../shared/domain/cin/rules/rule-8869.ts';
import { assessment, expectsCase } from './helpers.ts';

describe('CIN rule 8869', () => {
  expectsCase(rule8869, {
    fail: (c) => {
      assessment(c).factors = ['21', '2A'];
    },
    pass: (c) => {
      assessment(c).factors = ['21'];
    },
  });
});
