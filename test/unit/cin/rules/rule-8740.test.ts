import { describe } from 'vitest';
import { rule8740 } from '../../../../shared/domain/cin/rules/rule-8740.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8740', () => {
  expectsCase(rule8740, {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          closureDate: '',
          closureReason: '',
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
              start: '2024-03-28',
              icpcTarget: '',
              icpcDate: '',
              icpcNotRequired: '0',
            },
          ],
        },
      ];
    },
    pass: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          referralDate: '2024-03-01',
          closureDate: '',
          closureReason: '',
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
              start: '2024-03-28',
              icpcTarget: '',
              icpcDate: '',
              icpcNotRequired: '1',
            },
          ],
        },
      ];
    },
  });
});
