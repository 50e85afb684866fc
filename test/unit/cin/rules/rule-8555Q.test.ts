import { describe } from 'vitest';
import { rule8555Q } from '../../../../shared/domain/cin/rules/rule-8555Q.ts';
import { expectsCase, plan } from './helpers.ts';

describe('CIN rule 8555Q', () => {
  expectsCase(rule8555Q, {
    fail: (c) => {
      c.deathDate = '2024-04-30';
    },
    pass: (c) => {
      c.deathDate = '2024-05-01';
      plan(c).end = '2024-05-01';
      plan(c).start = '2024-05-01';
    },
  });
});
