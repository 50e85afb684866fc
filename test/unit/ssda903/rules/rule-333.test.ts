import { describe, expect, it } from 'vitest';
import { rule333 } from '../../../../shared/domain/ssda903/rules/rule-333.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 333: decision to adopt on or before matching', () => {
  it('accepts the same day', () => {
    expect(
      flagged(rule333, childWith('C1', { AD1: [{ DATE_INT: '22/11/2015', DATE_MATCH: '22/11/2015' }] })),
    ).toEqual([]);
  });

  it('flags a decision after matching', () => {
    expect(
      flagged(rule333, childWith('C1', { AD1: [{ DATE_INT: '23/11/2015', DATE_MATCH: '22/11/2015' }] })),
    ).toEqual(['AD1:2:DATE_INT']);
  });
});
