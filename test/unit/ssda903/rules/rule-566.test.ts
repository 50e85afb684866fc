import { describe, expect, it } from 'vitest';
import { rule566 } from '../../../../shared/domain/ssda903/rules/rule-566.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 566: a missing end date needs a type', () => {
  it('accepts an end date with a type', () => {
    expect(flagged(rule566, childWith('C1', { Missing: [{ MISSING: 'A', MIS_END: '01/06/2025' }] }))).toEqual(
      [],
    );
  });

  it('flags an end date without a type', () => {
    expect(flagged(rule566, childWith('C1', { Missing: [{ MISSING: '', MIS_END: '01/06/2025' }] }))).toEqual([
      'Missing:2:MISSING',
    ]);
  });
});
