import { describe, expect, it } from 'vitest';
import { ruleSW01bSTG1 } from '../../../../shared/domain/ssda903/rules/rule-SW01bSTG1.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule SW01bSTG1: ID and reason from April 2023', () => {
  it('accepts a complete recent episode and an older one without a reason', () => {
    const child = childWith('C1', {
      SWEpisodes: [
        { SW_ID: 'SW1', SW_DECOM: '01/04/2023', SW_REASON: 'MANAGE' },
        { SW_ID: 'SW2', SW_DECOM: '31/03/2023', SW_REASON: '' },
      ],
    });
    expect(flagged(ruleSW01bSTG1, child)).toEqual([]);
  });

  it('flags each missing item on an episode from 1 April 2023', () => {
    const child = childWith('C1', { SWEpisodes: [{ SW_ID: '', SW_DECOM: '01/04/2023', SW_REASON: '' }] });
    expect(flagged(ruleSW01bSTG1, child)).toEqual(['SWEpisodes:2:SW_ID', 'SWEpisodes:2:SW_REASON']);
  });
});
