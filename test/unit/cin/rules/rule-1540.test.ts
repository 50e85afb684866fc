import { describe } from 'vitest';
import { rule1540 } from '../../../../shared/domain/cin/rules/rule-1540.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 1540', () => {
  expectsCase(rule1540, {
    fail: (c) => {
      c.upn = 'A8861234X6789';
    },
  });
});
