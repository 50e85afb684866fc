import { describe } from 'vitest';
import { rule8805 } from '../../../../shared/domain/cin/rules/rule-8805.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8805', () => {
  expectsCase(rule8805, {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureReason: '' }];
    },
  });
});
