import { describe } from 'vitest';
import { rule2990 } from '../../../../shared/domain/cin/rules/rule-2990.ts';
import { closedEpisode, episode, expectsCase, plan } from './helpers.ts';

describe('CIN rule 2990', () => {
  expectsCase(rule2990, {
    fail: (c) => {
      episode(c).closureDate = '2025-01-10';
      episode(c).closureReason = 'RC9';
      plan(c).end = '2025-01-10';
    },
    pass: (c) => {
      c.episodes = [{ ...closedEpisode(), closureReason: 'RC9' }];
    },
  });
});
