import { describe, expect, it } from 'vitest';
import { rule518 } from '../../../../shared/domain/ssda903/rules/rule-518.ts';
import { childWith, flagged } from './helpers.ts';

const adopters = (status: string, sexes: string) =>
  childWith('C1', { AD1: [{ LS_ADOPTR: status, SEX_ADOPTR: sexes, NB_ADOPTR: '2' }] });

describe('rule 518: adopters recorded as L4 have matching sexes', () => {
  it('flags sexes that do not fit, and a blank', () => {
    for (const sexes of ['MF', 'F1', ''])
      expect(flagged(rule518, adopters('L4', sexes)), sexes).toEqual(['AD1:2:SEX_ADOPTR']);
  });

  it('accepts sexes that fit, and any sexes for another legal status', () => {
    for (const sexes of ['MM', 'FF']) expect(flagged(rule518, adopters('L4', sexes)), sexes).toEqual([]);
    expect(flagged(rule518, adopters('L0', 'MF'))).toEqual([]);
  });
});
