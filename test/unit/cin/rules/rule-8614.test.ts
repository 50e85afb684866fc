import { describe } from 'vitest';
import { rule8614 } from '../../../../shared/domain/cin/rules/rule-8614.ts';
import { assessment, expectsCase } from './helpers.ts';

describe('CIN rule 8614', () => {
  expectsCase(rule8614, {
    fail: (c) => {
      assessment(c).authorised = '';
    },
    pass: (c) => {
      assessment(c).authorised = '';
      assessment(c).factors = null;
      assessment(c).start = '2025-03-01';
    },
  });
});
