import { describe } from 'vitest';
import { rule8790 } from '../../../../shared/domain/cin/rules/rule-8790.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8790', () => {
  expectsCase(rule8790, {
    fail: (c) => {
      c.disabilities = ['NONE', 'HAND'];
    },
  });
});
