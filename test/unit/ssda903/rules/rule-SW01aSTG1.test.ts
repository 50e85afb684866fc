import { describe, expect, it } from 'vitest';
import { ruleSW01aSTG1 } from '../../../../shared/domain/ssda903/rules/rule-SW01aSTG1.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule SW01aSTG1: start date always, ID before April 2023', () => {
  it('accepts an old episode with an ID, and a recent one without (left to SW01bSTG1)', () => {
    const child = childWith('C1', {
      SWEpisodes: [
        { SW_ID: 'SW1', SW_DECOM: '01/01/2023' },
        { SW_ID: '', SW_DECOM: '01/04/2023' },
      ],
    });
    expect(flagged(ruleSW01aSTG1, child)).toEqual([]);
  });

  it('flags a blank start date, and a blank ID before April 2023', () => {
    const child = childWith('C1', {
      SWEpisodes: [
        { SW_ID: 'SW1', SW_DECOM: '' },
        { SW_ID: '', SW_DECOM: '31/03/2023' },
      ],
    });
    expect(flagged(ruleSW01aSTG1, child)).toEqual(['SWEpisodes:2:SW_DECOM', 'SWEpisodes:3:SW_ID']);
  });
});
