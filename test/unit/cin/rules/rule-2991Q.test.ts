import { describe } from 'vitest';
import { rule2991Q } from '../../../../shared/domain/cin/rules/rule-2991Q.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 2991Q', () => {
  expectsCase(rule2991Q, {
    fail: (c) => {
      episode(c).assessments = [];
    },
  });
});
