import { describe, expect, it } from 'vitest';
import {
  ruleSW13STG1,
  ruleSW13STG1Until2024,
} from '../../../../shared/domain/ssda903/rules/rule-SW13STG1.ts';
import { childWith, flagged } from './helpers.ts';

const child = childWith('C1', {
  SWEpisodes: [
    { SW_DECOM: '01/06/2025', SW_REASON: '' },
    { SW_DECOM: '01/05/2025', SW_REASON: '' },
    { SW_DECOM: '01/07/2025', SW_REASON: 'SWLAZY' },
    { SW_DECOM: '01/08/2025', SW_REASON: 'PCCHAN' },
  ],
});

describe('rule SW13STG1: reason for social worker change', () => {
  it('2023/24 version: only an invalid code is flagged', () => {
    expect(flagged(ruleSW13STG1Until2024, child)).toEqual(['SWEpisodes:4:SW_REASON']);
  });

  it("from 2024/25: a blank is flagged too, except on the child's first episode", () => {
    expect(flagged(ruleSW13STG1, child)).toEqual(['SWEpisodes:2:SW_REASON', 'SWEpisodes:4:SW_REASON']);
  });

  it('accepts valid reasons with a blank only on the first episode', () => {
    const fine = childWith('C2', {
      SWEpisodes: [
        { SW_DECOM: '01/05/2025', SW_REASON: '' },
        { SW_DECOM: '01/06/2025', SW_REASON: 'MANAGE' },
      ],
    });
    expect(flagged(ruleSW13STG1Until2024, fine)).toEqual([]);
    expect(flagged(ruleSW13STG1, fine)).toEqual([]);
  });
});
