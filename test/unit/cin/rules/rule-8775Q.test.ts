import { describe } from 'vitest';
import { rule8775Q } from '../../../../shared/domain/cin/rules/rule-8775Q.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8775Q', () => {
  expectsCase(rule8775Q, {
    fail: (c) => {
      c.birthDate = '1999-06-15';
    },
    pass: (c) => {
      c.birthDate = '2000-06-15';
    },
  });
});
