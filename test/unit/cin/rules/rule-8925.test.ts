import { describe } from 'vitest';
import { rule8925 } from '../../../../shared/domain/cin/rules/rule-8925.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8925', () => {
  expectsCase(rule8925, {
    fail: (c) => {
      plan(c).end = '2024-06-27';
    },
  });
});
