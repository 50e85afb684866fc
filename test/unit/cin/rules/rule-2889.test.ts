import { describe } from 'vitest';
import { rule2889 } from '../../../../shared/domain/cin/rules/rule-2889.ts';
import { expectsCase, s47 } from './helpers.ts';

describe('CIN rule 2889', () => {
  // Section 47 and conferences
  expectsCase(rule2889, {
    fail: (c) => {
      s47(c).start = '2024-04-30';
    },
  });
});
