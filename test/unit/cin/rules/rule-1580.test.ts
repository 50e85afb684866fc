import { describe } from 'vitest';
import { rule1580 } from '../../../../shared/domain/cin/rules/rule-1580.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 1580', () => {
  expectsCase(rule1580, {
    fail: (c) => {
      c.laChildId = 'ABC_123';
    },
  });
});
