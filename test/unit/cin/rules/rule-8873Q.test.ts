import { describe, expect, it } from 'vitest';
import type { CinChild } from '../../../../shared/domain/cin/model.ts';
import { rule8873Q } from '../../../../shared/domain/cin/rules/rule-8873Q.ts';
import { assessment, context2025, episode, expectsCase, validChild } from './helpers.ts';

const closedWithNoFactors = (reason: string) => {
  const child = validChild();
  episode(child).closureDate = '2024-06-05';
  episode(child).closureReason = reason;
  assessment(child).factors = ['21'];
  return child;
};

describe('CIN rule 8873Q', () => {
  expectsCase(rule8873Q, {
    fail: (c) => {
      Object.assign(c, closedWithNoFactors('RC7'));
    },
    pass: (c) => {
      Object.assign(c, closedWithNoFactors('RC9'));
    },
  });

  it('asks only when the assessment is the only one on a closed episode', () => {
    const open = closedWithNoFactors('');
    episode(open).closureDate = '';
    expect(rule8873Q.check(open as CinChild, context2025)).toEqual([]);
    const two = closedWithNoFactors('RC7');
    episode(two).assessments.push({ ...assessment(two), line: 31, factors: ['2A'] });
    expect(rule8873Q.check(two as CinChild, context2025)).toEqual([]);
  });
});
