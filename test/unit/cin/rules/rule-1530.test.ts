import { describe } from 'vitest';
import { rule1530 } from '../../../../shared/domain/cin/rules/rule-1530.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 1530', () => {
  expectsCase(rule1530, {
    fail: (c) => {
      c.upn = 'A999123456789';
    },
    pass: (c) => {
      c.upn = 'A201123456789';
    },
  });
});
