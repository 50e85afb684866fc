import { describe } from 'vitest';
import { rule8815 } from '../../../../shared/domain/cin/rules/rule-8815.ts';
import { closedEpisode, expectsCase } from './helpers.ts';

describe('CIN rule 8815', () => {
  expectsCase(rule8815, {
    fail: (c) => void c.episodes.unshift({ ...closedEpisode(), closureDate: '', closureReason: '' }),
    pass: (c) => void c.episodes.unshift(closedEpisode()),
  });
});
