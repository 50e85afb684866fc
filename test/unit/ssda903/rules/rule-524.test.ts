import { describe, expect, it } from 'vitest';
import { rule524 } from '../../../../shared/domain/ssda903/rules/rule-524.ts';
import { childWith, flagged } from './helpers.ts';

const adopters = (status: string, sexes: string) =>
  childWith('C1', { AD1: [{ LS_ADOPTR: status, SEX_ADOPTR: sexes, NB_ADOPTR: '2' }] });

describe('rule 524: adopters recorded as L12 have matching sexes', () => {
  it('flags sexes that do not fit, and a blank', () => {
    for (const sexes of ['MF', 'M1', ''])
      expect(flagged(rule524, adopters('L12', sexes)), sexes).toEqual(['AD1:2:SEX_ADOPTR']);
  });

  it('accepts sexes that fit, and any sexes for another legal status', () => {
    for (const sexes of ['MM', 'FF']) expect(flagged(rule524, adopters('L12', sexes)), sexes).toEqual([]);
    expect(flagged(rule524, adopters('L0', 'MF'))).toEqual([]);
  });
});
