import { describe, expect, it } from 'vitest';
import type { CinChild } from '../../../../shared/domain/cin/model.ts';
import { rule8569Q } from '../../../../shared/domain/cin/rules/rule-8569Q.ts';
import { context2025, episode, expectsCase, validChild } from './helpers.ts';

// The 2024/25 census starts on Monday 1 April 2024 (Easter Monday); Good Friday was 29 March, so the last
// working day before the census year is Thursday 28 March.
describe('CIN rule 8569Q', () => {
  expectsCase(rule8569Q, {
    fail: (c) => {
      episode(c).referralNfa = '1';
      episode(c).referralDate = '2024-03-27';
    },
    pass: (c) => {
      episode(c).referralNfa = '1';
      episode(c).referralDate = '2024-03-28';
    },
  });

  it('leaves an early referral that went on to further action alone', () => {
    const child = validChild();
    episode(child).referralDate = '2024-03-01';
    expect(rule8569Q.check(child as CinChild, context2025)).toEqual([]);
  });
});
