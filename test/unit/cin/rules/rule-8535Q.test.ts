import { describe } from 'vitest';
import { rule8535Q } from '../../../../shared/domain/cin/rules/rule-8535Q.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8535Q', () => {
  expectsCase(rule8535Q, {
    fail: (c) => {
      c.deathDate = '2015-06-14';
    },
    pass: (c) => {
      c.deathDate = '2024-12-01';
    },
  });
});
