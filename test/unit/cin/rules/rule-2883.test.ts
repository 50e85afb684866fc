import { describe } from 'vitest';
import { rule2883 } from '../../../../shared/domain/cin/rules/rule-2883.ts';
import { episode, expectsCase, plan } from './helpers.ts';

describe('CIN rule 2883', () => {
  expectsCase(rule2883, {
    fail: (c) => {
      plan(c).end = '2024-08-01';
      plan(c).reviews = [];
      episode(c).protectionPlans.push({ ...plan(c), line: 51, start: '2024-08-01', end: '' });
    },
  });
});
