import { describe, expect, it } from 'vitest';
import { rule511 } from '../../../../shared/domain/ssda903/rules/rule-511.ts';
import { childWith, flagged } from './helpers.ts';

describe("rule 511: two adopters need a couple's sex code", () => {
  it('accepts MF for two adopters and F1 for one', () => {
    const child = childWith('C1', {
      AD1: [
        { NB_ADOPTR: '2', SEX_ADOPTR: 'MF' },
        { NB_ADOPTR: '1', SEX_ADOPTR: 'F1' },
      ],
    });
    expect(flagged(rule511, child)).toEqual([]);
  });

  it('flags M1 for two adopters', () => {
    expect(flagged(rule511, childWith('C1', { AD1: [{ NB_ADOPTR: '2', SEX_ADOPTR: 'M1' }] }))).toEqual([
      'AD1:2:SEX_ADOPTR',
    ]);
  });
});
