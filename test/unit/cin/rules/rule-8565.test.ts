import { describe } from 'vitest';
import { rule8565 } from '../../../../shared/domain/cin/rules/rule-8565.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8565', () => {
  expectsCase(rule8565, {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureDate: '2024-04-02' }];
    },
    pass: (c) => {
      c.episodes = [{ ...closedEpisode(), closureDate: '2024-04-19' }];
    },
  });
});
