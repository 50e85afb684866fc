import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../../../shared/domain/ssda903/rules/registry.ts';
import { ruleSW11bSTG2 } from '../../../../shared/domain/ssda903/rules/rule-SW11bSTG2.ts';
import { childWith, episode, flagged } from './helpers.ts';

const sw = (SW_DECOM: string, SW_DEC: string) => ({
  DOB: '01/05/2012',
  SW_ID: 'SW1',
  SW_DECOM,
  SW_DEC,
  SW_REASON: '',
});

describe('rule SW11bSTG2: a child looked after at 31 March has a social worker episode running to it', () => {
  it('flags a last social worker episode that ended before 31 March', () => {
    const child = childWith('C1', { Episodes: [episode()], SWEpisodes: [sw('01/05/2025', '01/02/2026')] });
    expect(flagged(ruleSW11bSTG2, child)).toEqual(['SWEpisodes:2:SW_DEC']);
  });

  it('accepts an open social worker episode, and a child whose care ended', () => {
    const child = childWith('C1', {
      Episodes: [episode()],
      SWEpisodes: [sw('01/05/2025', '01/02/2026'), sw('01/02/2026', '')],
    });
    expect(flagged(ruleSW11bSTG2, child)).toEqual([]);
    const left = childWith('C1', {
      Episodes: [episode({ DEC: '01/02/2026', REC: 'E8' })],
      SWEpisodes: [sw('01/05/2025', '01/02/2026')],
    });
    expect(flagged(ruleSW11bSTG2, left)).toEqual([]);
  });

  it('applies from 2023/24, when social worker episodes are first collected', () => {
    expect(rulesFor(2023).some((rule) => rule.code === 'SW11bSTG2')).toBe(false);
    expect(rulesFor(2024).some((rule) => rule.code === 'SW11bSTG2')).toBe(true);
  });
});
