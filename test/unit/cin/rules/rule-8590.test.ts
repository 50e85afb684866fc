import { describe } from 'vitest';
import { rule8590 } from '../../../../shared/domain/cin/rules/rule-8590.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8590', () => {
  expectsCase(rule8590, {
    fail: (c) => {
      c.episodes = [];
    },
  });
});
