import { describe } from 'vitest';
import { rule8500 } from '../../../../shared/domain/cin/rules/rule-8500.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8500', () => {
  expectsCase(rule8500, {
    fail: (c) => {
      c.laChildId = '';
    },
  });
});
