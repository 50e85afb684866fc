import { describe, expect, it } from 'vitest';
import { ruleSW12STG2 } from '../../../../shared/domain/ssda903/rules/rule-SW12STG2.ts';
import { childWith, contextFor, episode, flagged, header } from './helpers.ts';

// Looked after from 1 May 2025 (collection year 2025/26) and still on 31 March 2026.
const lookedAfter = (workers: readonly Record<string, string>[], overrides: Record<string, string> = {}) =>
  childWith('C1', { Header: [header()], Episodes: [episode(overrides)], SWEpisodes: workers });

describe('rule SW12STG2: social worker episodes for the whole year of a child looked after on 31 March', () => {
  it('accepts episodes from before the year, including before care began, to 31 March without a gap', () => {
    const child = lookedAfter([
      { SW_DECOM: '10/01/2025', SW_DEC: '01/06/2025' },
      { SW_DECOM: '01/06/2025', SW_DEC: '' },
    ]);
    expect(flagged(ruleSW12STG2, child)).toEqual([]);
  });

  it('flags the first episode when it starts after the year began, though the child was born before', () => {
    const child = lookedAfter([{ SW_DECOM: '01/05/2025', SW_DEC: '' }]);
    expect(flagged(ruleSW12STG2, child)).toEqual(['SWEpisodes:2:SW_DECOM']);
  });

  it('asks for episodes only from birth for a child born in the year', () => {
    const baby = childWith('C1', {
      Header: [header({ DOB: '20/06/2025' })],
      Episodes: [episode({ DECOM: '20/06/2025' })],
      SWEpisodes: [{ SW_DECOM: '20/06/2025', SW_DEC: '' }],
    });
    expect(flagged(ruleSW12STG2, baby)).toEqual([]);
  });

  it('flags an episode that starts days after the one before it ended', () => {
    const child = lookedAfter([
      { SW_DECOM: '01/03/2025', SW_DEC: '01/06/2025' },
      { SW_DECOM: '02/06/2025', SW_DEC: '01/09/2025' },
      { SW_DECOM: '20/09/2025', SW_DEC: '' },
    ]);
    expect(flagged(ruleSW12STG2, child)).toEqual(['SWEpisodes:4:SW_DECOM']);
  });

  it('does not check children who are not looked after on 31 March, or only on a short break', () => {
    const left = lookedAfter([{ SW_DECOM: '01/05/2025', SW_DEC: '01/12/2025' }], {
      DEC: '01/12/2025',
      REC: 'E13',
    });
    expect(flagged(ruleSW12STG2, left)).toEqual([]);
    const respite = lookedAfter([{ SW_DECOM: '01/05/2025', SW_DEC: '' }], { LS: 'V3' });
    expect(flagged(ruleSW12STG2, respite)).toEqual([]);
  });

  it('reads the year of the return', () => {
    const child = lookedAfter([{ SW_DECOM: '01/05/2024', SW_DEC: '' }], { DECOM: '01/05/2024' });
    expect(flagged(ruleSW12STG2, child, contextFor(2025))).toEqual(['SWEpisodes:2:SW_DECOM']);
    expect(flagged(ruleSW12STG2, child, contextFor(2026))).toEqual([]);
  });
});
