import { describe } from 'vitest';
import { rule8736 } from '../../../../shared/domain/cin/rules/rule-8736.ts';
import { assessment, closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8736', () => {
  expectsCase(rule8736, {
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
              start: '2024-03-29',
              internalReview: '',
              authorised: '',
              factors: null,
            },
          ],
        },
      ];
    },
    pass: (c) => {
      assessment(c).authorised = '';
      assessment(c).factors = null;
      assessment(c).start = '2025-03-01';
    },
  });
});
