import { describe, expect, it } from 'vitest';
import { rule517 } from '../../../../shared/domain/ssda903/rules/rule-517.ts';
import { childWith, flagged } from './helpers.ts';

const adopters = (status: string, sexes: string) =>
  childWith('C1', { AD1: [{ LS_ADOPTR: status, SEX_ADOPTR: sexes, NB_ADOPTR: '2' }] });

describe('rule 517: adopters recorded as L3 have matching sexes', () => {
  it('flags sexes that do not fit, and a blank', () => {
    for (const sexes of ['MM', 'M1', ''])
      expect(flagged(rule517, adopters('L3', sexes)), sexes).toEqual(['AD1:2:SEX_ADOPTR']);
  });

  it('accepts sexes that fit, and any sexes for another legal status', () => {
    for (const sexes of ['MF']) expect(flagged(rule517, adopters('L3', sexes)), sexes).toEqual([]);
    expect(flagged(rule517, adopters('L0', 'MM'))).toEqual([]);
  });
});
