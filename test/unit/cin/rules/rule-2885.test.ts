import { describe } from 'vitest';
import { rule2885 } from '../../../../shared/domain/cin/rules/rule-2885.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 2885', () => {
  expectsCase(rule2885, {
    fail: (c) => {
      plan(c).start = '2024-07-01';
    },
  });
});
