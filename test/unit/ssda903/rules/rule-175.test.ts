import { describe, expect, it } from 'vitest';
import { rule175 } from '../../../../shared/domain/ssda903/rules/rule-175.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 175: number of adopters code', () => {
  it('accepts 2 and a blank', () => {
    expect(flagged(rule175, childWith('C1', { AD1: [{ NB_ADOPTR: '2' }, { NB_ADOPTR: '' }] }))).toEqual([]);
  });

  it('flags 3', () => {
    expect(flagged(rule175, childWith('C1', { AD1: [{ NB_ADOPTR: '3' }] }))).toEqual(['AD1:2:NB_ADOPTR']);
  });
});
