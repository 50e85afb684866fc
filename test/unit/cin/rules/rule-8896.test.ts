import { describe } from 'vitest';
import { rule8896 } from '../../../../shared/domain/cin/rules/rule-8896.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8896', () => {
  expectsCase(rule8896, {
    fail: (c) => {
      episode(c).assessments = [
        {
          line: 30,
          where: 'an added module',
          start: '2025-03-01',
          internalReview: '',
          authorised: '',
          factors: null,
        },
        {
          line: 31,
          where: 'an added module',
          start: '2025-03-02',
          internalReview: '',
          authorised: '',
          factors: null,
        },
      ];
    },
  });
});
