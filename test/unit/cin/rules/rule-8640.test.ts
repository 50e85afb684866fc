import { describe } from 'vitest';
import { rule8640 } from '../../../../shared/domain/cin/rules/rule-8640.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8640', () => {
  expectsCase(rule8640, {
    fail: (c) => {
      c.episodes = [{ ...closedEpisode(), closureReason: 'RC10' }];
    },
  });
});
