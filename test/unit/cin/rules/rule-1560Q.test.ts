import { describe } from 'vitest';
import { rule1560Q } from '../../../../shared/domain/cin/rules/rule-1560Q.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 1560Q', () => {
  expectsCase(rule1560Q, {
    fail: (c) => {
      c.formerUpn = 'A88612345';
    },
    pass: (c) => {
      c.formerUpn = 'X98765432123B';
    },
  });
});
