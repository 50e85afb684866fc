import { describe } from 'vitest';
import { rule8540 } from '../../../../shared/domain/cin/rules/rule-8540.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8540', () => {
  expectsCase(rule8540, {
    fail: (c) => {
      c.disabilities = ['HAND', 'SIGHT'];
    },
    pass: (c) => {
      c.disabilities = ['HAND', 'VIS'];
    },
  });
});
