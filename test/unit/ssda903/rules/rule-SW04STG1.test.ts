import { describe, expect, it } from 'vitest';
import { ruleSW04STG1 } from '../../../../shared/domain/ssda903/rules/rule-SW04STG1.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule SW04STG1: social worker episode start is a real date', () => {
  it('accepts 01/01/2024 and a blank', () => {
    expect(
      flagged(ruleSW04STG1, childWith('C1', { SWEpisodes: [{ SW_DECOM: '01/01/2024' }, { SW_DECOM: '' }] })),
    ).toEqual([]);
  });

  it('flags 32/01/2024', () => {
    expect(
      flagged(
        ruleSW04STG1,
        childWith('C1', { SWEpisodes: [{ SW_DECOM: '01/01/2024' }, { SW_DECOM: '32/01/2024' }] }),
      ),
    ).toEqual(['SWEpisodes:3:SW_DECOM']);
  });
});
