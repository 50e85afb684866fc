import { describe } from 'vitest';
import { rule8898 } from '../../../../shared/domain/cin/rules/rule-8898.ts';
import { assessment, expectsCase } from './helpers.ts';

describe('CIN rule 8898', () => {
  expectsCase(rule8898, {
    fail: (c) => {
      assessment(c).factors = ['2A', '2A'];
    },
  });
});
