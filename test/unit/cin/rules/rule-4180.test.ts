import { describe } from 'vitest';
import { rule4180 } from '../../../../shared/domain/cin/rules/rule-4180.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 4180', () => {
  expectsCase(rule4180, {
    fail: (c) => {
      c.sex = '1';
    },
    pass: (c) => {
      c.sex = 'U';
    },
  });
});
