import { describe } from 'vitest';
import { rule8868 } from '../../../../shared/domain/cin/rules/rule-8868.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8868', () => {
  expectsCase(rule8868, {
    fail: (c) => {
      c.episodes = [
        {
          ...closedEpisode(),
          section47: [
            {
              line: 17,
              where: 'an added module',
              start: '2024-04-05',
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
          section47: [
            {
              line: 17,
              where: 'an added module',
              start: '2024-04-05',
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
