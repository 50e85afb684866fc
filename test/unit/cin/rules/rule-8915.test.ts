import { describe } from 'vitest';
import { rule8915 } from '../../../../shared/domain/cin/rules/rule-8915.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8915', () => {
  expectsCase(rule8915, {
    fail: (c) => {
      c.deathDate = '2024-06-27';
    },
  });
});
