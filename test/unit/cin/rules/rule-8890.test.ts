import { describe } from 'vitest';
import { rule8890 } from '../../../../shared/domain/cin/rules/rule-8890.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8890', () => {
  expectsCase(rule8890, {
    fail: (c) =>
      void episode(c).section47.push({
        line: 41,
        where: 'an added module',
        start: '2024-06-20',
        icpcTarget: '',
        icpcDate: '',
        icpcNotRequired: '1',
      }),
    pass: (c) =>
      void episode(c).section47.push({
        line: 41,
        where: 'an added module',
        start: '2024-06-28',
        icpcTarget: '',
        icpcDate: '',
        icpcNotRequired: '1',
      }),
  });
});
