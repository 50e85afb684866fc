import { describe, expect, it } from 'vitest';
import { rule564 } from '../../../../shared/domain/ssda903/rules/rule-564.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 564: a missing period needs a start date', () => {
  it('accepts a type with a start date', () => {
    expect(
      flagged(rule564, childWith('C1', { Missing: [{ MISSING: 'M', MIS_START: '01/06/2025' }] })),
    ).toEqual([]);
  });

  it('flags a type without a start date', () => {
    expect(flagged(rule564, childWith('C1', { Missing: [{ MISSING: 'M', MIS_START: '' }] }))).toEqual([
      'Missing:2:MIS_START',
    ]);
  });
});
