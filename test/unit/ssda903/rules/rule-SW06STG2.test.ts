import { describe, expect, it } from 'vitest';
import { ruleSW06STG2 } from '../../../../shared/domain/ssda903/rules/rule-SW06STG2.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule SW06STG2: social worker episode starting after the year', () => {
  it('accepts a start on 31 March 2026', () => {
    expect(flagged(ruleSW06STG2, childWith('C1', { SWEpisodes: [{ SW_DECOM: '31/03/2026' }] }))).toEqual([]);
  });

  it('flags a start on 1 April 2026', () => {
    expect(flagged(ruleSW06STG2, childWith('C1', { SWEpisodes: [{ SW_DECOM: '01/04/2026' }] }))).toEqual([
      'SWEpisodes:2:SW_DECOM',
    ]);
  });
});
