import { describe, expect, it } from 'vitest';
import { rule2886Q } from '../../../../shared/domain/cin/rules/rule-2886Q.ts';
import { numbered, runCouncil } from './helpers.ts';

describe('CIN rule 2886Q', () => {
  it('more than 2% of born children with no sex recorded', () => {
    // 1 in 50 is 2%: not more than 2%. Unborn children are not counted.
    const fifty = numbered(50, (child, index) => {
      child.sex = index === 0 ? 'U' : 'M';
    });
    expect(runCouncil(rule2886Q, fifty)).toEqual([]);
    const unborn = numbered(10, (child) => {
      child.birthDate = '';
      child.expectedBirthDate = '2025-06-01';
      child.sex = 'U';
    });
    expect(runCouncil(rule2886Q, [...fifty, ...unborn])).toEqual([]);
    fifty[1]!.sex = 'U';
    expect(runCouncil(rule2886Q, fifty)).toHaveLength(1);
  });
});
