import { describe } from 'vitest';
import { rule1550 } from '../../../../shared/domain/cin/rules/rule-1550.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 1550', () => {
  expectsCase(rule1550, {
    fail: (c) => {
      c.upn = 'A88612345678I';
    },
    pass: (c) => {
      c.upn = 'A88612345678B';
    },
  });
});
