import { describe } from 'vitest';
import { rule8950Q } from '../../../../shared/domain/cin/rules/rule-8950Q.ts';
import { assessment, expectsCase } from './helpers.ts';

describe('CIN rule 8950Q', () => {
  expectsCase(rule8950Q, {
    fail: (c) => {
      assessment(c).factors = ['19A'];
    },
    pass: (c) => {
      assessment(c).factors = ['19C'];
    },
  });
});
