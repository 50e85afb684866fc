import { describe } from 'vitest';
import { rule8820 } from '../../../../shared/domain/cin/rules/rule-8820.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8820', () => {
  expectsCase(rule8820, {
    fail: (c) => void c.episodes.unshift({ ...closedEpisode(), closureDate: '2024-05-02' }),
    pass: (c) => void c.episodes.unshift({ ...closedEpisode(), closureDate: '2024-05-01' }),
  });
});
