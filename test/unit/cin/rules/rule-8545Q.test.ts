import { describe } from 'vitest';
import { rule8545Q } from '../../../../shared/domain/cin/rules/rule-8545Q.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8545Q', () => {
  expectsCase(rule8545Q, {
    fail: (c) => {
      c.deathDate = '2024-03-31';
    },
    pass: (c) => {
      c.deathDate = '2024-04-01';
    },
  });
});
