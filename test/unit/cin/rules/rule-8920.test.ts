import { describe } from 'vitest';
import { rule8920 } from '../../../../shared/domain/cin/rules/rule-8920.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8920', () => {
  expectsCase(rule8920, {
    fail: (c) => {
      c.deathDate = '2024-10-01';
      plan(c).end = '2024-10-02';
    },
    pass: (c) => {
      c.deathDate = '2024-10-01';
      plan(c).end = '2024-10-01';
      plan(c).reviews = ['2024-09-20'];
    },
  });
});
