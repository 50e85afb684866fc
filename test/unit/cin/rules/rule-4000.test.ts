import { describe } from 'vitest';
import { rule4000 } from '../../../../shared/domain/cin/rules/rule-4000.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 4000', () => {
  // CIN plans
  expectsCase(rule4000, {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralNfa: '1',
          assessments: [],
          cinPlans: [{ line: 60, where: 'an added module', start: '2024-04-05', end: '2024-04-10' }],
        },
      ];
    },
  });
});
