import { describe } from 'vitest';
import { rule8870Q } from '../../../../shared/domain/cin/rules/rule-8870Q.ts';
import { expectsCase, s47 } from './helpers.ts';

describe('CIN rule 8870Q', () => {
  expectsCase(rule8870Q, {
    fail: (c) => {
      s47(c).icpcTarget = '2024-06-29';
    },
  });
});
