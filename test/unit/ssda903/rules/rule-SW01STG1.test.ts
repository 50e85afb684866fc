import { describe, expect, it } from 'vitest';
import { ruleSW01STG1 } from '../../../../shared/domain/ssda903/rules/rule-SW01STG1.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

const year2024 = contextFor(2024);
const complete = { SW_ID: 'SW123', SW_DECOM: '01/05/2023', SW_DEC: '', SW_REASON: 'OTHERS' };

describe('rule SW01STG1 (2023/24): a child looked after on 31 March needs social worker information', () => {
  it('accepts a complete social worker episode, and a child on short breaks or no longer looked after', () => {
    expect(
      flagged(
        ruleSW01STG1,
        childWith('C1', { Episodes: [episode({ DECOM: '01/05/2023' })], SWEpisodes: [complete] }),
        year2024,
      ),
    ).toEqual([]);
    expect(
      flagged(
        ruleSW01STG1,
        childWith('C2', { Episodes: [episode({ DECOM: '01/05/2023', LS: 'V3' })] }),
        year2024,
      ),
    ).toEqual([]);
    const left = childWith('C3', {
      Episodes: [episode({ DECOM: '01/05/2023', DEC: '01/06/2023', REC: 'E13' })],
    });
    expect(flagged(ruleSW01STG1, left, year2024)).toEqual([]);
  });

  it('flags the open episode when no complete social worker episode exists', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/05/2023' })],
      SWEpisodes: [{ ...complete, SW_REASON: '' }],
    });
    expect(flagged(ruleSW01STG1, child, year2024)).toEqual(['Episodes:2:DEC']);
  });
});
