import { describe } from 'vitest';
import { rule8670Q } from '../../../../shared/domain/cin/rules/rule-8670Q.ts';
import { assessment, cinPlanOnly, expectsCase } from './helpers.ts';

describe('CIN rule 8670Q', () => {
  // 45 working days before 31 March 2025 (with Good Friday and Easter Monday in April, not March) is 27 January.
  expectsCase(rule8670Q, {
    fail: (c) => {
      cinPlanOnly(c);
      assessment(c).authorised = '';
      assessment(c).factors = null;
      assessment(c).start = '2025-01-26';
    },
    pass: (c) => {
      cinPlanOnly(c);
      assessment(c).authorised = '';
      assessment(c).factors = null;
      assessment(c).start = '2025-01-27';
    },
  });
});
