import { describe } from 'vitest';
import { rule8620 } from '../../../../shared/domain/cin/rules/rule-8620.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8620', () => {
  expectsCase(rule8620, {
    fail: (c) => {
      c.episodes = [
        { ...closedEpisode(), referralDate: '2023-04-02', closureDate: '2024-03-31', assessments: [] },
      ];
    },
  });
});
