import { describe, expect, it } from 'vitest';
import { rule177 } from '../../../../shared/domain/ssda903/rules/rule-177.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 177: legal status of adopters code', () => {
  it('accepts L12 and a blank', () => {
    expect(flagged(rule177, childWith('C1', { AD1: [{ LS_ADOPTR: 'L12' }, { LS_ADOPTR: '' }] }))).toEqual([]);
  });

  it('flags L1', () => {
    expect(flagged(rule177, childWith('C1', { AD1: [{ LS_ADOPTR: 'L1' }] }))).toEqual(['AD1:2:LS_ADOPTR']);
  });
});
