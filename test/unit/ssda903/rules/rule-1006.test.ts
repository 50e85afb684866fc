import { describe, expect, it } from 'vitest';
import { rule1006 } from '../../../../shared/domain/ssda903/rules/rule-1006.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 1006: missing type code', () => {
  it('accepts A and a blank', () => {
    expect(flagged(rule1006, childWith('C1', { Missing: [{ MISSING: 'A' }, { MISSING: '' }] }))).toEqual([]);
  });

  it('flags X', () => {
    expect(flagged(rule1006, childWith('C1', { Missing: [{ MISSING: 'X' }] }))).toEqual([
      'Missing:2:MISSING',
    ]);
  });
});
