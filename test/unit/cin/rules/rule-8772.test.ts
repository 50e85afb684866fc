import { describe } from 'vitest';
import { rule8772 } from '../../../../shared/domain/cin/rules/rule-8772.ts';
import { expectsCase } from './helpers.ts';

describe('CIN rule 8772', () => {
  expectsCase(rule8772, {
    fail: (c) => {
      c.upn = '';
      c.upnUnknown = 'UN7';
    },
    pass: (c) => {
      c.upn = '';
      c.upnUnknown = 'UN3';
    },
  });
});
