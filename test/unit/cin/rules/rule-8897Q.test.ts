import { describe } from 'vitest';
import { rule8897Q } from '../../../../shared/domain/cin/rules/rule-8897Q.ts';
import { assessment, expectsCase } from './helpers.ts';

describe('CIN rule 8897Q', () => {
  expectsCase(rule8897Q, {
    fail: (c) => {
      assessment(c).factors = [];
    },
  });
});
