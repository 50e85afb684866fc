import { describe } from 'vitest';
import { rule8866 } from '../../../../shared/domain/cin/rules/rule-8866.ts';
import { episode, expectsCase } from './helpers.ts';

describe('CIN rule 8866', () => {
  expectsCase(rule8866, {
    fail: (c) => {
      episode(c).referralSource = '11';
    },
    pass: (c) => {
      episode(c).referralSource = '10';
    },
  });
});
