import { describe } from 'vitest';
import { rule8794 } from '../../../../shared/domain/cin/rules/rule-8794.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8794', () => {
  expectsCase(rule8794, {
    fail: (c) => {
      c.disabilities = ['HAND', 'HAND'];
    },
    pass: (c) => {
      c.disabilities = ['HAND', 'HEAR'];
    },
  });
});
