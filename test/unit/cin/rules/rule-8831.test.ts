import { describe } from 'vitest';
import { rule8831 } from '../../../../shared/domain/cin/rules/rule-8831.ts';
import { closedEpisode, episode, expectsCase } from './helpers.ts';

describe('CIN rule 8831', () => {
  expectsCase(rule8831, {
    fail: (c) => {
      episode(c).referralNfa = '1';
    },
    pass: (c) => {
      c.episodes = [{ ...closedEpisode(), referralNfa: '1', assessments: [] }];
    },
  });
});
