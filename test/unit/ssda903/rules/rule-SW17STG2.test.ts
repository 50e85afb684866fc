import { describe, expect, it } from 'vitest';
import { ruleSW17STG2 } from '../../../../shared/domain/ssda903/rules/rule-SW17STG2.ts';
import { childWith, episode, flagged } from './helpers.ts';

const workers = [
  { SW_DECOM: '01/05/2025', SW_DEC: '01/06/2025' },
  { SW_DECOM: '01/06/2025', SW_DEC: '01/03/2026' },
];

describe('rule SW17STG2: a social worker episode open at 31 March', () => {
  it('accepts an open latest episode, and a closed one for a child who left care', () => {
    const open = childWith('C1', {
      Episodes: [episode()],
      SWEpisodes: [
        { SW_DECOM: '01/05/2025', SW_DEC: '01/06/2025' },
        { SW_DECOM: '01/06/2025', SW_DEC: '' },
      ],
    });
    expect(flagged(ruleSW17STG2, open)).toEqual([]);
    const left = childWith('C2', {
      Episodes: [episode({ DEC: '01/03/2026', REC: 'E13' })],
      SWEpisodes: workers,
    });
    expect(flagged(ruleSW17STG2, left)).toEqual([]);
  });

  it('flags the latest episode when it has ended and the child is still looked after', () => {
    const child = childWith('C1', { Episodes: [episode()], SWEpisodes: workers });
    expect(flagged(ruleSW17STG2, child)).toEqual(['SWEpisodes:3:SW_DEC']);
  });
});
