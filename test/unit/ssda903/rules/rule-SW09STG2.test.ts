import { describe, expect, it } from 'vitest';
import { ruleSW09STG2 } from '../../../../shared/domain/ssda903/rules/rule-SW09STG2.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule SW09STG2: social worker episode under a day', () => {
  it('accepts an episode ending the next day', () => {
    expect(
      flagged(
        ruleSW09STG2,
        childWith('C1', { SWEpisodes: [{ SW_DECOM: '01/05/2025', SW_DEC: '02/05/2025' }] }),
      ),
    ).toEqual([]);
  });

  it('flags an episode ending the day it began', () => {
    expect(
      flagged(
        ruleSW09STG2,
        childWith('C1', { SWEpisodes: [{ SW_DECOM: '01/05/2025', SW_DEC: '01/05/2025' }] }),
      ),
    ).toEqual(['SWEpisodes:2:SW_DEC']);
  });
});
