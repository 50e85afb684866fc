import { describe } from 'vitest';
import { rule8945Q } from '../../../../shared/domain/cin/rules/rule-8945Q.ts';
import { assessment, expectsCase } from './helpers.ts';

describe('CIN rule 8945Q', () => {
  expectsCase(rule8945Q, {
    fail: (c) => {
      assessment(c).factors = ['18A'];
    },
    pass: (c) => {
      assessment(c).factors = ['18B'];
    },
  });
});
