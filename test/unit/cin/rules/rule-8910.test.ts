import { describe } from 'vitest';
import { rule8910 } from '../../../../shared/domain/cin/rules/rule-8910.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8910', () => {
  expectsCase(rule8910, {
    fail: (c) => {
      plan(c).latestCategory = '';
    },
    pass: (c) => {
      plan(c).latestCategory = 'EMO';
    },
  });
});
