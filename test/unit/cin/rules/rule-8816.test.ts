import { describe } from 'vitest';
import { rule8816 } from '../../../../shared/domain/cin/rules/rule-8816.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8816', () => {
  expectsCase(rule8816, {
    fail: (c) => {
      c.episodes[0] = { ...closedEpisode(), referralDate: '2024-05-01', closureDate: '2024-05-20' };
      c.episodes.push({ ...closedEpisode(), referralDate: '2024-04-02', closureDate: '', closureReason: '' });
    },
    pass: (c) => void c.episodes.unshift(closedEpisode()),
  });
});
