import { describe, expect, it } from 'vitest';
import { rule166 } from '../../../../shared/domain/ssda903/rules/rule-166.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 166: review date is present and a real date', () => {
  it('accepts 30/08/2025', () => {
    expect(flagged(rule166, childWith('C1', { Reviews: [{ REVIEW: '30/08/2025' }] }))).toEqual([]);
  });

  it('flags 31/02/2025 and a blank', () => {
    expect(
      flagged(rule166, childWith('C1', { Reviews: [{ REVIEW: '31/02/2025' }, { REVIEW: '' }] })),
    ).toEqual(['Reviews:2:REVIEW', 'Reviews:3:REVIEW']);
  });
});
