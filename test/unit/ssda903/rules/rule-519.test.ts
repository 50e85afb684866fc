import { describe, expect, it } from 'vitest';
import { rule519 } from '../../../../shared/domain/ssda903/rules/rule-519.ts';
import { childWith, flagged } from './helpers.ts';

const adopters = (status: string, sexes: string) =>
  childWith('C1', { AD1: [{ LS_ADOPTR: status, SEX_ADOPTR: sexes, NB_ADOPTR: '2' }] });

describe('rule 519: adopters recorded as L2 have matching sexes', () => {
  it('flags sexes that do not fit, and a blank', () => {
    for (const sexes of ['M1', 'F1', ''])
      expect(flagged(rule519, adopters('L2', sexes)), sexes).toEqual(['AD1:2:SEX_ADOPTR']);
  });

  it('accepts sexes that fit, and any sexes for another legal status', () => {
    for (const sexes of ['MM', 'FF', 'MF'])
      expect(flagged(rule519, adopters('L2', sexes)), sexes).toEqual([]);
    expect(flagged(rule519, adopters('L0', 'M1'))).toEqual([]);
  });
});
