import { describe } from 'vitest';
import { rule1570 } from '../../../../shared/domain/cin/rules/rule-1570.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 1570', () => {
  expectsCase(rule1570, {
    fail: (c) => {
      c.laChildId = 'A'.repeat(21);
    },
    pass: (c) => {
      c.laChildId = 'A'.repeat(20);
    },
  });
});
