import { describe } from 'vitest';
import { rule8940 } from '../../../../shared/domain/cin/rules/rule-8940.ts';
import { episode, expectsCase, plan } from './helpers.ts';

describe('CIN rule 8940', () => {
  expectsCase(rule8940, {
    fail: (c) => {
      plan(c).end = '2024-08-01';
      plan(c).reviews = [];
      episode(c).protectionPlans.push({ ...plan(c), line: 51, start: '2024-07-31', end: '2024-09-01' });
    },
    pass: (c) => {
      plan(c).end = '2024-08-01';
      plan(c).reviews = [];
      episode(c).protectionPlans.push({ ...plan(c), line: 51, start: '2024-08-01', end: '2024-09-01' });
    },
  });
});
