import { describe, expect, it } from 'vitest';
import { rule176 } from '../../../../shared/domain/ssda903/rules/rule-176.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 176: sex of adopters code', () => {
  it('accepts MF and a blank', () => {
    expect(flagged(rule176, childWith('C1', { AD1: [{ SEX_ADOPTR: 'MF' }, { SEX_ADOPTR: '' }] }))).toEqual(
      [],
    );
  });

  it('flags FM', () => {
    expect(flagged(rule176, childWith('C1', { AD1: [{ SEX_ADOPTR: 'FM' }] }))).toEqual(['AD1:2:SEX_ADOPTR']);
  });
});
