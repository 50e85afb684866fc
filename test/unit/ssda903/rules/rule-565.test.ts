import { describe, expect, it } from 'vitest';
import { rule565 } from '../../../../shared/domain/ssda903/rules/rule-565.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 565: a missing start date needs a type', () => {
  it('accepts a start date with a type', () => {
    expect(
      flagged(rule565, childWith('C1', { Missing: [{ MISSING: 'A', MIS_START: '01/06/2025' }] })),
    ).toEqual([]);
  });

  it('flags a start date without a type', () => {
    expect(
      flagged(rule565, childWith('C1', { Missing: [{ MISSING: '', MIS_START: '01/06/2025' }] })),
    ).toEqual(['Missing:2:MISSING']);
  });
});
