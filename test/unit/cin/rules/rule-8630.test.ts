import { describe } from 'vitest';
import { rule8630 } from '../../../../shared/domain/cin/rules/rule-8630.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8630', () => {
  expectsCase(rule8630, {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureDate: '2024-04-01' }];
    },
  });
});
