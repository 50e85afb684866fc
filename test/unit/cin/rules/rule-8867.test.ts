import { describe } from 'vitest';
import { rule8867 } from '../../../../shared/domain/cin/rules/rule-8867.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8867', () => {
  expectsCase(rule8867, {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          assessments: [
            {
              line: 16,
              where: 'an added module',
              start: '2024-04-03',
              internalReview: '',
              authorised: '',
              factors: null,
            },
          ],
        },
      ];
    },
    pass: (c) => {
      c.episodes = [closedEpisode()];
    },
  });
});
