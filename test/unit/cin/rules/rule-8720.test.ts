import { describe } from 'vitest';
import { rule8720 } from '../../../../shared/domain/cin/rules/rule-8720.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8720', () => {
  expectsCase(rule8720, {
    fail: (c) => {
      plan(c).start = '';
    },
  });
});
