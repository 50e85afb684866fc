import { describe } from 'vitest';
import { rule8696 } from '../../../../shared/domain/cin/rules/rule-8696.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8696', () => {
  expectsCase(rule8696, {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          closureDate: '2024-04-20',
          assessments: [
            {
              line: 16,
              where: 'an added module',
              start: '2024-03-02',
              internalReview: '',
              authorised: '2024-03-30',
              factors: ['1A'],
            },
          ],
        },
      ];
    },
  });
});
