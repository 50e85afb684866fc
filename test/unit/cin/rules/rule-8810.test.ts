import { describe } from 'vitest';
import { rule8810 } from '../../../../shared/domain/cin/rules/rule-8810.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8810', () => {
  expectsCase(rule8810, {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureDate: '' }];
    },
  });
});
