import { describe } from 'vitest';
import { rule8610 } from '../../../../shared/domain/cin/rules/rule-8610.ts';
import { closedEpisode, episode, expectsCase } from './helpers.ts';

describe('CIN rule 8610', () => {
  expectsCase(rule8610, {
    fail: (c) => {
      episode(c).primaryNeed = '';
    },
    pass: (c) => {
      c.episodes = [{ ...closedEpisode(), primaryNeed: '', referralNfa: '1', assessments: [] }];
    },
  });
});
