import { describe } from 'vitest';
import { rule8863Q } from '../../../../shared/domain/cin/rules/rule-8863Q.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8863Q', () => {
  expectsCase(rule8863Q, {
    fail: (c) =>
      void episode(c).assessments.push({
        line: 31,
        where: 'an added module',
        start: '2024-06-01',
        internalReview: '',
        authorised: '2024-06-20',
        factors: ['1A'],
      }),
    pass: (c) =>
      void episode(c).assessments.push({
        line: 31,
        where: 'an added module',
        start: '2024-06-03',
        internalReview: '',
        authorised: '2024-06-20',
        factors: ['1A'],
      }),
  });
});
