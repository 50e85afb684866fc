import { describe, expect, it } from 'vitest';
import type { CinChild } from '../../../../shared/domain/cin/model.ts';
import { rule8770Q } from '../../../../shared/domain/cin/rules/rule-8770Q.ts';
import { context2025, expectsCase, validChild } from './helpers.ts';

describe('CIN rule 8770Q', () => {
  // The valid child is 9 at the end of the 2024/25 census year.
  expectsCase(rule8770Q, {
    fail: (c) => {
      c.upn = '';
      c.upnUnknown = 'UN1';
    },
    pass: (c) => {
      c.upn = '';
      c.upnUnknown = 'UN3';
    },
  });

  it('asks for a UPN or a reason from the sixth birthday, on or before 31 March', () => {
    const child = validChild();
    child.upn = '';
    child.upnUnknown = '';
    child.birthDate = '2019-03-31';
    expect(rule8770Q.check(child as CinChild, context2025)).toHaveLength(1);
    child.upnUnknown = 'UN1';
    child.birthDate = '2019-04-01';
    expect(rule8770Q.check(child as CinChild, context2025)).toEqual([]);
  });
});
