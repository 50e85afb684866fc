import { describe } from 'vitest';
import { rule8715 } from '../../../../shared/domain/cin/rules/rule-8715.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8715', () => {
  expectsCase(rule8715, {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          assessments: [
            {
              line: 16,
              where: 'an added module',
              start: '2024-03-02',
              internalReview: '',
              authorised: '2024-04-10',
              factors: ['1A'],
            },
          ],
          section47: [
            {
              line: 17,
              where: 'an added module',
              start: '2024-03-04',
              icpcTarget: '',
              icpcDate: '2024-03-22',
              icpcNotRequired: '0',
            },
          ],
        },
      ];
    },
  });
});
