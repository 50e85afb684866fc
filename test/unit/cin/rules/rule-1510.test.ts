import { describe } from 'vitest';
import { rule1510 } from '../../../../shared/domain/cin/rules/rule-1510.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 1510', () => {
  // 1·2+2·3+…+3·13 = 404, remainder 13 → P.
  expectsCase(rule1510, {
    fail: (c) => {
      c.upn = 'A123456789123';
    },
    pass: (c) => {
      c.upn = 'P123456789123';
    },
  });
});
