import { describe } from 'vitest';
import { rule8839 } from '../../../../shared/domain/cin/rules/rule-8839.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8839', () => {
  expectsCase(rule8839, {
    fail: (c) => {
      episode(c).protectionPlans = [];
      episode(c).section47 = [
        {
          line: 40,
          where: 'an added module',
          start: '2025-03-20',
          icpcTarget: '',
          icpcDate: '',
          icpcNotRequired: '0',
        },
        {
          line: 41,
          where: 'an added module',
          start: '2025-03-21',
          icpcTarget: '',
          icpcDate: '',
          icpcNotRequired: '0',
        },
      ];
    },
  });
});
